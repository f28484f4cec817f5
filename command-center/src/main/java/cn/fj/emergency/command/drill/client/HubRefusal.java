package cn.fj.emergency.command.drill.client;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The hub refused a request: its stable error {@code code} (docs/errors.md), whether the same request may succeed
 * later, the HTTP status (0 over RSocket) and the whole error body with its detail fields.
 */
public final class HubRefusal extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String code;

	private final boolean retryable;

	private final int status;

	private final transient JsonNode body;

	public HubRefusal(String code, String message, boolean retryable, int status, JsonNode body,
			@Nullable Throwable cause) {
		super(code + ": " + message, cause);
		this.code = code;
		this.retryable = retryable;
		this.status = status;
		this.body = body;
	}

	/** Reads an error body ({@code {"code", "message", "retryable", ...}}) as the hub sends it on both transports. */
	static HubRefusal of(JsonNode body, int status, @Nullable Throwable cause) {
		String code = body.path("code").asString("UNKNOWN");
		String message = body.has("detail") ? body.path("detail").asString("") : body.path("message").asString("");
		return new HubRefusal(code, message, body.path("retryable").asBoolean(false), status, body, cause);
	}

	public String code() {
		return this.code;
	}

	public boolean retryable() {
		return this.retryable;
	}

	public int status() {
		return this.status;
	}

	public JsonNode body() {
		return this.body;
	}

}
