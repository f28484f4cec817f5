package cn.fj.emergency.command.warning;

import java.util.List;
import java.util.Map;

import cn.fj.emergency.alerting.approval.WarningRefusal;
import cn.fj.emergency.alerting.cap.CapProblem;
import cn.fj.emergency.alerting.cap.CapRefusal;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/**
 * Alerting's refusals as the hub's error codes, at the edge: a {@code WarningErrorCode} becomes the
 * {@link ErrorCode} of the same name, a refused CAP document {@link ErrorCode#CAP_REFUSED}; either with the CAP
 * problems found as {@code capProblems} ({@code code}, {@code message}).
 */
public final class WarningErrors {

	private WarningErrors() {
	}

	public static Throwable translate(Throwable error) {
		if (error instanceof WarningRefusal refusal) {
			return new HubException(ErrorCode.valueOf(refusal.code().name()), refusal.getMessage(),
					details(refusal.capProblems()), refusal);
		}
		if (error instanceof CapRefusal refusal) {
			return new HubException(ErrorCode.CAP_REFUSED, refusal.getMessage(), details(refusal.problems()), refusal);
		}
		return error;
	}

	private static Map<String, Object> details(List<CapProblem> problems) {
		if (problems.isEmpty()) {
			return Map.of();
		}
		return Map.of("capProblems",
				problems.stream().map(p -> Map.of("code", p.code().name(), "message", p.message())).toList());
	}

}
