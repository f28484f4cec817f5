package cn.fj.emergency.resources.reservation;

import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyException;

/**
 * Which requests to list, newest first: those naming a hub incident ({@code incidentId}, a UUID in its canonical
 * lower-case form), of one city, below the keyset cursor {@code before} (a request id), at most {@code size}. Every
 * criterion but {@code size} is optional.
 */
public record RequestQuery(@Nullable String incidentId, @Nullable String cityCode, @Nullable UUID before, int size) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 200;

	public RequestQuery {
		if (size < 1 || size > MAX_SIZE) {
			throw new SupplyException(SupplyError.INVALID_FIELD, "size", "size must be 1 to " + MAX_SIZE);
		}
	}

	/**
	 * The query from parameters as received (the city already checked by the caller), each bad one refused with
	 * {@code INVALID_FIELD} and its name.
	 */
	public static RequestQuery parse(@Nullable String incident, @Nullable String cityCode, @Nullable String before,
			@Nullable String size) {
		UUID incidentId = uuid("incident", incident, "a hub incident id (UUID)");
		return new RequestQuery(incidentId == null ? null : incidentId.toString().toLowerCase(Locale.ROOT),
				cityCode == null || cityCode.isBlank() ? null : cityCode, uuid("before", before, "a request id (UUID), the next of the previous page"),
				size(size));
	}

	private static @Nullable UUID uuid(String field, @Nullable String text, String what) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			UUID id = UUID.fromString(text.strip());
			// UUID.fromString also takes short forms such as 1-2-3-4-5: only the canonical 36 characters are ids
			if (id.toString().equalsIgnoreCase(text.strip())) {
				return id;
			}
		}
		catch (IllegalArgumentException ex) {
			// refused below
		}
		throw new SupplyException(SupplyError.INVALID_FIELD, field, field + " must be " + what);
	}

	private static int size(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return DEFAULT_SIZE;
		}
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new SupplyException(SupplyError.INVALID_FIELD, "size", "size must be 1 to " + MAX_SIZE);
		}
	}

}
