package cn.fj.emergency.alerting.cap;

import java.util.Objects;

/** One reason to refuse: a stable code and a sentence for the person who reads it. */
public record CapProblem(CapErrorCode code, String message) {

	public CapProblem {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(message, "message");
	}

	@Override
	public String toString() {
		return code + ": " + message;
	}

}
