package cn.fj.emergency.command.error;

import java.util.concurrent.TimeoutException;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcTransientException;
import reactor.pool.PoolAcquirePendingLimitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.CodecException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import tools.jackson.core.JacksonException;

/**
 * Turns any failure into the {@link HubException} a client is shown: refusals pass through, unreadable input
 * becomes {@link ErrorCode#INVALID_REQUEST}, database trouble {@link ErrorCode#STORAGE_UNAVAILABLE} (retryable),
 * and anything else {@link ErrorCode#INTERNAL_ERROR}, logged with its stack trace since it is a bug.
 */
public final class ErrorTranslation {

	private static final Logger log = LoggerFactory.getLogger(ErrorTranslation.class);

	private ErrorTranslation() {
	}

	public static HubException translate(Throwable error) {
		if (error instanceof HubException hub) {
			return hub;
		}
		if (isDecoding(error)) {
			return new HubException(ErrorCode.INVALID_REQUEST, "The payload could not be read: " + rootMessage(error));
		}
		if (isStorage(error)) {
			log.warn("Storage failure: {}", error.toString());
			return new HubException(ErrorCode.STORAGE_UNAVAILABLE, "The database is unavailable; retry later",
					java.util.Map.of(), error);
		}
		log.error("Unexpected failure", error);
		return new HubException(ErrorCode.INTERNAL_ERROR, "Internal error", java.util.Map.of(), error);
	}

	/**
	 * The database failing or too busy: its driver's errors, Spring's translations of them, timeouts, and a
	 * connection pool whose queue of waiting acquirers is full, however wrapped.
	 */
	private static boolean isStorage(Throwable error) {
		for (Throwable t = error; t != null; t = t.getCause()) {
			if (t instanceof R2dbcException || t instanceof DataAccessException || t instanceof R2dbcTransientException
					|| t instanceof TransientDataAccessException || t instanceof TimeoutException
					|| t instanceof PoolAcquirePendingLimitException) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	/** Unreadable input, however deeply the framework wrapped the decoder's complaint. */
	private static boolean isDecoding(Throwable error) {
		for (Throwable t = error; t != null; t = t.getCause()) {
			if (t instanceof CodecException || t instanceof JacksonException
					|| t instanceof MethodArgumentResolutionException) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		if (message == null) {
			return root.getClass().getSimpleName();
		}
		int newline = message.indexOf('\n');
		return newline < 0 ? message : message.substring(0, newline);
	}

}
