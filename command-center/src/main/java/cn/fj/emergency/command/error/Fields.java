package cn.fj.emergency.command.error;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * The checks every feature's input policy starts with, each refusing with the code and the offending field that
 * docs/errors.md documents for it.
 */
public final class Fields {

	private Fields() {
	}

	/**
	 * The earliest time a client may send: nothing the hub deals with happened before, and a time such as year 1 is a
	 * client's default value, not a time.
	 */
	public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	/** The latest time a client may send (deadlines, ends of validity), for the same reason. */
	public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

	/** What a time outside {@link #EARLIEST} to {@link #LATEST} is told, after its field's name. */
	public static final String OUT_OF_RANGE = "must lie from 2000-01-01T00:00:00Z until before 2100-01-01T00:00:00Z";

	/** Whether a time lies from {@link #EARLIEST} until before {@link #LATEST}. */
	public static boolean inRange(Instant time) {
		return !time.isBefore(EARLIEST) && time.isBefore(LATEST);
	}

	/**
	 * A text that is there and not blank, else {@link ErrorCode#FIELD_REQUIRED}, and that the database can store as
	 * sent, else {@link ErrorCode#INVALID_FIELD}.
	 */
	public static String required(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw HubException.field(ErrorCode.FIELD_REQUIRED, field, field + " is required");
		}
		return storable(field, value);
	}

	/** A text the database can store as sent ({@link StorableText}), else {@link ErrorCode#INVALID_FIELD}. */
	public static String storable(String field, String value) {
		String problem = StorableText.problem(value);
		if (problem != null) {
			throw HubException.field(ErrorCode.INVALID_FIELD, field, field + " " + problem);
		}
		return value;
	}

	/**
	 * A time as clients send it: ISO-8601 with an offset, from {@link #EARLIEST} until before {@link #LATEST}, else
	 * {@link ErrorCode#INVALID_FIELD}.
	 */
	public static Instant time(String field, String text) {
		Instant time;
		try {
			time = OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw HubException.field(ErrorCode.INVALID_FIELD, field,
					field + " must be ISO-8601 with an offset, like 2026-11-23T08:15:00+08:00");
		}
		return inRange(field, time);
	}

	/** A time from {@link #EARLIEST} until before {@link #LATEST}, else {@link ErrorCode#INVALID_FIELD}. */
	public static Instant inRange(String field, Instant time) {
		if (!inRange(time)) {
			throw HubException.field(ErrorCode.INVALID_FIELD, field, field + " " + OUT_OF_RANGE);
		}
		return time;
	}

	/** A value that is there, else {@link ErrorCode#FIELD_REQUIRED}. */
	public static <T> T present(String field, @Nullable T value) {
		if (value == null) {
			throw HubException.field(ErrorCode.FIELD_REQUIRED, field, field + " is required");
		}
		return value;
	}

	/** A latitude or longitude: there ({@link ErrorCode#FIELD_REQUIRED}) and finite ({@link ErrorCode#INVALID_FIELD}). */
	public static double coordinate(String field, @Nullable Double value) {
		double number = present(field, value);
		if (!Double.isFinite(number)) {
			throw HubException.field(ErrorCode.INVALID_FIELD, field, field + " must be a finite number");
		}
		return number;
	}

}
