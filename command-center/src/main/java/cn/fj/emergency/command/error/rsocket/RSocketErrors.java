package cn.fj.emergency.command.error.rsocket;

import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.exceptions.RejectedSetupException;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.error.ErrorTranslation;
import cn.fj.emergency.command.error.HubException;

/**
 * RSocket's error frames carry a UTF-8 string: ours is always a JSON object with the stable {@code code}, a
 * {@code message}, {@code retryable}, and any details. Refused connections get it in a REJECTED_SETUP frame,
 * failed requests in an APPLICATION_ERROR frame.
 */
public final class RSocketErrors {

	private final JsonMapper json;

	public RSocketErrors(JsonMapper json) {
		this.json = json;
	}

	public ApplicationErrorException applicationError(Throwable error) {
		if (error instanceof ApplicationErrorException ready) {
			return ready;
		}
		return new ApplicationErrorException(body(ErrorTranslation.translate(error)));
	}

	public RejectedSetupException rejectedSetup(Throwable error) {
		return new RejectedSetupException(body(ErrorTranslation.translate(error)));
	}

	private String body(HubException ex) {
		return this.json.writeValueAsString(ex.body());
	}

}
