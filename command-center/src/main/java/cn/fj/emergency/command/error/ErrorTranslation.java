package cn.fj.emergency.command.error;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcTransientException;
import org.jspecify.annotations.Nullable;
import reactor.pool.PoolAcquirePendingLimitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns any failure into the {@link HubException} a client is shown: refusals pass through (however deeply a
 * framework wrapped them), unreadable input becomes {@link ErrorCode#INVALID_REQUEST} or, where a field is to blame,
 * {@link ErrorCode#INVALID_FIELD} with the field, a value the database cannot hold {@link ErrorCode#INVALID_REQUEST}
 * (not retryable: it would fail again), database trouble {@link ErrorCode#STORAGE_UNAVAILABLE} (retryable), and
 * anything else {@link ErrorCode#INTERNAL_ERROR}, logged with its stack trace since it is a bug.
 * <p>
 * Messages speak the client's terms: the field and what it must be, never a decoder's or driver's own text, which
 * names Java types and the hub's classes.
 */
public final class ErrorTranslation {

	private static final Logger log = LoggerFactory.getLogger(ErrorTranslation.class);

	private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:Object )?(?:property|field) \"(.*)\"");

	private ErrorTranslation() {
	}

	public static HubException translate(Throwable error) {
		HubException refusal = find(error, HubException.class);
		if (refusal != null) {
			return refusal;
		}
		if (find(error, DataBufferLimitException.class) != null) {
			return new HubException(ErrorCode.PAYLOAD_TOO_LARGE, "The request's data is larger than the hub accepts");
		}
		if (isDecoding(error)) {
			return decoding(error);
		}
		if (isUnstorableData(error)) {
			log.info("A value the database cannot store: {}", error.toString());
			return new HubException(ErrorCode.INVALID_REQUEST,
					"The request holds a value the database cannot store (such as a NUL character or a number out of range)");
		}
		if (isStorage(error)) {
			log.warn("Storage failure: {}", error.toString());
			return new HubException(ErrorCode.STORAGE_UNAVAILABLE, "The database is unavailable; retry later",
					Map.of(), error);
		}
		log.error("Unexpected failure", error);
		return new HubException(ErrorCode.INTERNAL_ERROR, "Internal error", Map.of(), error);
	}

	/**
	 * The database refused a value of the request itself (SQLSTATE class 22, data exception: a NUL character in text,
	 * a number or time out of range; class 54, a value past a limit), not a failure of the database: sent again, it
	 * fails again.
	 */
	public static boolean isUnstorableData(Throwable error) {
		R2dbcException driver = find(error, R2dbcException.class);
		String state = driver == null ? null : driver.getSqlState();
		return state != null && (state.startsWith("22") || state.startsWith("54"));
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

	/** What was wrong with unreadable input, in the client's terms, with the field where one is to blame. */
	private static HubException decoding(Throwable error) {
		JacksonException json = find(error, JacksonException.class);
		if (json == null) {
			MethodArgumentResolutionException missing = find(error, MethodArgumentResolutionException.class);
			if (missing != null && String.valueOf(missing.getMessage()).contains("Payload content is missing")) {
				return new HubException(ErrorCode.INVALID_REQUEST, "The request has no data: a JSON object is expected");
			}
			return new HubException(ErrorCode.INVALID_REQUEST, "The request's data could not be read as JSON");
		}
		String field = field(json);
		if (json instanceof RefusedValue refused) {
			String name = field == null ? "a value" : "field '" + field + "'";
			return withField(ErrorCode.INVALID_FIELD, field, name + " " + refused.problem());
		}
		if (json instanceof MismatchedInputException mismatch) {
			String expected = expected(mismatch.getTargetType());
			if (field == null) {
				return new HubException(ErrorCode.INVALID_REQUEST, "The request's data must be " + expected);
			}
			return withField(ErrorCode.INVALID_FIELD, field, "field '" + field + "' must be " + expected);
		}
		if (json instanceof InputCoercionException coercion) {
			String expected = expected(coercion.getTargetType()) + " within its range";
			return field == null ? new HubException(ErrorCode.INVALID_REQUEST, "The request's data must be " + expected)
					: HubException.field(ErrorCode.INVALID_FIELD, field, "field '" + field + "' must be " + expected);
		}
		if (json instanceof StreamConstraintsException) {
			return new HubException(ErrorCode.INVALID_REQUEST,
					"The request's data is past the hub's JSON limits (nesting depth, length of a number or text)");
		}
		if (json instanceof StreamReadException) {
			String message = String.valueOf(json.getOriginalMessage());
			Matcher duplicate = DUPLICATE.matcher(message);
			if (duplicate.find()) {
				String name = duplicate.group(1);
				return withField(ErrorCode.INVALID_REQUEST, name, "field '" + name + "' appears more than once");
			}
			if (message.contains("UTF-8") || message.contains("surrogate")) {
				return new HubException(ErrorCode.INVALID_REQUEST, "The request's data is not valid UTF-8 text" + at(json));
			}
			return new HubException(ErrorCode.INVALID_REQUEST, "The request's data is not well-formed JSON" + at(json));
		}
		if (field != null) {
			return withField(ErrorCode.INVALID_FIELD, field, "field '" + field + "' has a value that cannot be read");
		}
		return new HubException(ErrorCode.INVALID_REQUEST, "The request's data does not have the expected form");
	}

	private static HubException withField(ErrorCode code, @Nullable String field, String message) {
		return field == null ? new HubException(code, message) : HubException.field(code, field, message);
	}

	/** The offending field as a client names it: {@code source.kind}, {@code targets[1]}; null at the top. */
	static @Nullable String field(JacksonException error) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference ref : error.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!field.isEmpty()) {
					field.append('.');
				}
				field.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				field.append('[').append(ref.getIndex()).append(']');
			}
		}
		return field.isEmpty() ? null : field.toString();
	}

	/** What a value of the type is, in a client's words: "a number", "a UUID", "one of [I, II, III, IV]". */
	public static String expected(@Nullable Class<?> type) {
		if (type == null) {
			return "of another type";
		}
		if (type == Double.class || type == double.class || type == Float.class || type == float.class
				|| type == BigDecimal.class) {
			return "a number";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class || type == BigInteger.class) {
			return "a whole number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class || type == Character.class || type == char.class) {
			return "a text";
		}
		if (type == UUID.class) {
			return "a UUID";
		}
		if (type == Duration.class) {
			return "an ISO-8601 duration such as PT30M";
		}
		if (type == Instant.class || type == OffsetDateTime.class || Temporal.class.isAssignableFrom(type)) {
			return "an ISO-8601 time with an offset, like 2026-11-23T08:15:00+08:00";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "a list";
		}
		return "a JSON object";
	}

	private static String at(JacksonException error) {
		TokenStreamLocation location = error.getLocation();
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

	private static <T extends Throwable> @Nullable T find(Throwable error, Class<T> type) {
		for (Throwable t = error; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return null;
	}

}
