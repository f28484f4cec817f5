package cn.fj.emergency.resources.persistence;

import io.r2dbc.spi.Parameters;
import org.jspecify.annotations.Nullable;

/** Statement values that may be null: a typed R2DBC null where there is none (the stores bind one or the other). */
public final class NullableValues {

	private NullableValues() {
	}

	/** The value, or a null of {@code type} for the driver to bind. */
	public static Object orNull(@Nullable Object value, Class<?> type) {
		return value != null ? value : Parameters.in(type);
	}

}
