package cn.fj.emergency.alerting.cap;

import java.util.List;
import java.util.stream.Collectors;

/** A CAP document or alert refused, with every problem found (at least one). */
public final class CapRefusal extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<CapProblem> problems;

	public CapRefusal(List<CapProblem> problems) {
		super(summary(problems));
		this.problems = List.copyOf(problems);
	}

	public CapRefusal(CapErrorCode code, String message) {
		this(List.of(new CapProblem(code, message)));
	}

	public List<CapProblem> problems() {
		return problems;
	}

	/** The distinct codes, in the order first found. */
	public List<CapErrorCode> codes() {
		return problems.stream().map(CapProblem::code).distinct().toList();
	}

	private static String summary(List<CapProblem> problems) {
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("a refusal needs a problem");
		}
		return problems.stream().map(CapProblem::toString).collect(Collectors.joining("; "));
	}

}
