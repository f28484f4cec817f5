package cn.fj.emergency.command.error;

import org.jspecify.annotations.Nullable;

/**
 * The checks every feature's input policy starts with, each refusing with the code and the offending field that
 * docs/errors.md documents for it.
 */
public final class Fields {

	private Fields() {
	}

	/** A text that is there and not blank, else {@link ErrorCode#FIELD_REQUIRED}. */
	public static String required(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw HubException.field(ErrorCode.FIELD_REQUIRED, field, field + " is required");
		}
		return value;
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
