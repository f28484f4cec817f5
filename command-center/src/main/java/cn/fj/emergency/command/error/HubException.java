package cn.fj.emergency.command.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A refusal with a stable {@link ErrorCode}, a human-readable message and optional details (for example the
 * offending {@code field}, or {@code lastSeq} for a cut-off subscriber). Details are part of the documented error
 * body, so keep their names stable too.
 */
public class HubException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final ErrorCode code;

	private final Map<String, Object> details;

	public HubException(ErrorCode code, String message) {
		this(code, message, Map.of(), null);
	}

	public HubException(ErrorCode code, String message, Map<String, Object> details) {
		this(code, message, details, null);
	}

	public HubException(ErrorCode code, String message, Map<String, Object> details, @Nullable Throwable cause) {
		super(message, cause);
		this.code = code;
		this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
	}

	public static HubException field(ErrorCode code, String field, String message) {
		return new HubException(code, message, Map.of("field", field));
	}

	public ErrorCode code() {
		return this.code;
	}

	public Map<String, Object> details() {
		return this.details;
	}

	/** The error body used on RSocket and inside problem details: code, message, then the details. */
	public Map<String, Object> body() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", this.code.name());
		body.put("message", getMessage());
		body.put("retryable", this.code.retryable());
		body.putAll(this.details);
		return body;
	}

}
