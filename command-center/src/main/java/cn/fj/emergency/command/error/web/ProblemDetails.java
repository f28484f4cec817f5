package cn.fj.emergency.command.error.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/** RFC 9457 problem details carrying the stable {@code code}: the one HTTP error body. */
public final class ProblemDetails {

	/** Problem types are the error codes, under one documented URN namespace. */
	public static final String TYPE_PREFIX = "urn:fj-emergency:error:";

	private ProblemDetails() {
	}

	public static ProblemDetail of(HubException ex, String instance) {
		ErrorCode code = ex.code();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code.httpStatus()), ex.getMessage());
		problem.setType(URI.create(TYPE_PREFIX + code.name()));
		problem.setTitle(code.title());
		problem.setInstance(URI.create(instance));
		problem.setProperty("code", code.name());
		problem.setProperty("retryable", code.retryable());
		for (Map.Entry<String, Object> detail : ex.details().entrySet()) {
			problem.setProperty(detail.getKey(), detail.getValue());
		}
		return problem;
	}

	/** The problem as a plain JSON object, for writers outside Spring's message encoders. */
	public static Map<String, Object> asMap(ProblemDetail problem) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("type", String.valueOf(problem.getType()));
		map.put("title", problem.getTitle());
		map.put("status", problem.getStatus());
		map.put("detail", problem.getDetail());
		map.put("instance", String.valueOf(problem.getInstance()));
		if (problem.getProperties() != null) {
			map.putAll(problem.getProperties());
		}
		return map;
	}

	public static ResponseEntity<ProblemDetail> response(HubException ex, String instance) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(ex.code().httpStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (ex.code().httpStatus() == 401) {
			builder.header("WWW-Authenticate", "Bearer realm=\"fj-emergency-hub\"");
		}
		if (ex.details().get("retryAfterSeconds") instanceof Number seconds) {
			builder.header("Retry-After", Long.toString(seconds.longValue()));
		}
		return builder.body(of(ex, instance));
	}

}
