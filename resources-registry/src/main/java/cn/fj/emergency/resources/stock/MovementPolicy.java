package cn.fj.emergency.resources.stock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.resources.Actor;
import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyException;

/**
 * What makes a reported movement acceptable, each refusal with its reason and the field at fault. Whether the
 * depot and item exist and the depot is the reporter's is checked against the registry by {@link RecordingMovement}.
 */
public final class MovementPolicy {

	static final int MAX_ID = 100;

	static final int MAX_REASON = 500;

	/** More than any depot holds of anything: a larger number is a typo or an overflow waiting to happen. */
	static final long MAX_QUANTITY = 1_000_000_000L;

	static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:\\-]+");

	private MovementPolicy() {
	}

	public static Movement check(MovementReport report, Actor reporter, Instant now) {
		String movementId = id("movementId", report.movementId());
		String depotCode = required("depotCode", report.depotCode());
		String itemCode = required("itemCode", report.itemCode());
		MovementType type = type(required("type", report.type()));
		long quantity = quantity(type, report.quantity());
		String reason = report.reason() == null || report.reason().isBlank() ? null : report.reason().strip();
		if (type == MovementType.ADJUSTMENT && reason == null) {
			throw new SupplyException(SupplyError.FIELD_REQUIRED, "reason", "An ADJUSTMENT needs a reason");
		}
		if (reason != null && reason.length() > MAX_REASON) {
			throw new SupplyException(SupplyError.FIELD_TOO_LONG, "reason", "reason has at most " + MAX_REASON + " characters");
		}
		String counterpart = report.counterpartDepot() == null || report.counterpartDepot().isBlank() ? null
				: report.counterpartDepot();
		if (counterpart != null && type != MovementType.TRANSFER_IN && type != MovementType.TRANSFER_OUT) {
			throw new SupplyException(SupplyError.INVALID_FIELD, "counterpartDepot", "Only a transfer has a counterpart depot");
		}
		if (depotCode.equals(counterpart)) {
			throw new SupplyException(SupplyError.INVALID_FIELD, "counterpartDepot", "A depot does not transfer to itself");
		}
		Instant occurredAt = report.occurredAt() == null ? now : time("occurredAt", report.occurredAt());
		if (occurredAt.isAfter(now.plus(CLOCK_TOLERANCE))) {
			throw new SupplyException(SupplyError.INVALID_FIELD, "occurredAt", "occurredAt lies in the future");
		}
		String hash = hash(movementId, depotCode, itemCode, type.name(), Long.toString(quantity),
				reason == null ? "\u0000" : reason, counterpart == null ? "\u0000" : counterpart,
				report.occurredAt() == null ? "\u0000" : occurredAt.toString());
		return new Movement(reporter.key(), movementId, depotCode, itemCode, type, quantity, type.delta(quantity, false),
				reason, counterpart, null, occurredAt, hash);
	}

	/** A client-chosen id: required, short, of a safe alphabet. */
	public static String id(String field, @Nullable String value) {
		String id = required(field, value);
		if (id.length() > MAX_ID) {
			throw new SupplyException(SupplyError.FIELD_TOO_LONG, field, field + " has at most " + MAX_ID + " characters");
		}
		if (!ID.matcher(id).matches()) {
			throw new SupplyException(SupplyError.INVALID_FIELD, field, field + " may hold A-Z a-z 0-9 . _ : - only");
		}
		return id;
	}

	private static MovementType type(String text) {
		MovementType type;
		try {
			type = MovementType.valueOf(text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new SupplyException(SupplyError.INVALID_FIELD, "type", "Unknown movement type '" + text + "'");
		}
		if (!type.reportable()) {
			throw new SupplyException(SupplyError.MOVEMENT_NOT_REPORTABLE, "type",
					type + " is made by commitments, not reported by depots");
		}
		return type;
	}

	private static long quantity(MovementType type, @Nullable Long value) {
		if (value == null) {
			throw new SupplyException(SupplyError.FIELD_REQUIRED, "quantity", "quantity is required");
		}
		long q = value;
		if (q == 0 || (q < 0 && type != MovementType.ADJUSTMENT)) {
			throw new SupplyException(SupplyError.INVALID_FIELD, "quantity",
					type == MovementType.ADJUSTMENT ? "An adjustment's quantity is not zero" : "quantity must be positive");
		}
		if (Math.abs(q) > MAX_QUANTITY) {
			throw new SupplyException(SupplyError.INVALID_FIELD, "quantity", "quantity is at most " + MAX_QUANTITY);
		}
		return q;
	}

	public static String required(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new SupplyException(SupplyError.FIELD_REQUIRED, field, field + " is required");
		}
		return value;
	}

	public static Instant time(String field, String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new SupplyException(SupplyError.INVALID_FIELD, field,
					field + " must be ISO-8601 with an offset, like 2026-11-23T08:15:00+08:00");
		}
	}

	/** Identifies content as understood, so that a retry is recognised and a different use of the id is not. */
	public static String hash(String... fields) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(String.join("\u001f", fields).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JDK", ex);
		}
	}

}
