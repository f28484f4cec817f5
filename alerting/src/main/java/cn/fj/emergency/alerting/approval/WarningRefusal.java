package cn.fj.emergency.alerting.approval;

import java.util.List;

import cn.fj.emergency.alerting.cap.CapProblem;

/** A lifecycle step refused, with its code, and the CAP problems when the content is at fault. */
public final class WarningRefusal extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final WarningErrorCode code;

	private final List<CapProblem> capProblems;

	public WarningRefusal(WarningErrorCode code, String message) {
		this(code, message, List.of());
	}

	public WarningRefusal(WarningErrorCode code, String message, List<CapProblem> capProblems) {
		super(code + ": " + message);
		this.code = code;
		this.capProblems = List.copyOf(capProblems);
	}

	public WarningErrorCode code() {
		return code;
	}

	public List<CapProblem> capProblems() {
		return capProblems;
	}

}
