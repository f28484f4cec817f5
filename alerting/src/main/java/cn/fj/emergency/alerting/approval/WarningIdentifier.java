package cn.fj.emergency.alerting.approval;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.fj.emergency.alerting.cap.CapTimes;
import org.jspecify.annotations.Nullable;

/**
 * A warning's identifier, GB/T 35965.1-2018 style: {@code ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N}. The issuing
 * unit's 14-digit code (GB/T 2260 area, GB/T 4657 institution, sub-unit, extension), the Beijing time the
 * warning was entered, and 0–9 for warnings the unit entered in the same second.
 */
public record WarningIdentifier(String unit, LocalDateTime enteredAt, int sequence)
		implements Comparable<WarningIdentifier> {

	private static final Pattern FORMAT = Pattern.compile("(\\d{14})_(\\d{14})_(\\d)");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final Comparator<WarningIdentifier> ORDER = Comparator.comparing(WarningIdentifier::unit)
		.thenComparing(WarningIdentifier::enteredAt)
		.thenComparingInt(WarningIdentifier::sequence);

	public WarningIdentifier {
		Objects.requireNonNull(unit, "unit");
		if (!unit.matches("\\d{14}")) {
			throw new WarningRefusal(WarningErrorCode.WARNING_IDENTIFIER_INVALID, "a unit code is 14 digits: " + unit);
		}
		enteredAt = Objects.requireNonNull(enteredAt, "enteredAt").truncatedTo(ChronoUnit.SECONDS);
		if (sequence < 0 || sequence > 9) {
			throw new WarningRefusal(WarningErrorCode.WARNING_IDENTIFIER_INVALID, "a sequence is 0 to 9: " + sequence);
		}
	}

	public static WarningIdentifier parse(String text) {
		Matcher matcher = FORMAT.matcher(text);
		if (!matcher.matches()) {
			throw new WarningRefusal(WarningErrorCode.WARNING_IDENTIFIER_INVALID,
					"not ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N: " + text);
		}
		try {
			return new WarningIdentifier(matcher.group(1), LocalDateTime.parse(matcher.group(2), TIME),
					Integer.parseInt(matcher.group(3)));
		}
		catch (DateTimeParseException ex) {
			throw new WarningRefusal(WarningErrorCode.WARNING_IDENTIFIER_INVALID, "not a time: " + matcher.group(2));
		}
	}

	/**
	 * The identifier for a warning the unit enters at {@code now}, after the unit's {@code last} (null if none):
	 * the first of {@code now}'s second, or the one after {@code last} if that is not later. Given the unit's
	 * last identifier, never one issued before.
	 */
	public static WarningIdentifier next(String unit, Instant now, @Nullable WarningIdentifier last) {
		WarningIdentifier candidate = new WarningIdentifier(unit,
				LocalDateTime.ofInstant(now, CapTimes.CHINA), 0);
		if (last == null || !last.unit().equals(unit) || candidate.compareTo(last) > 0) {
			return candidate;
		}
		return last.following();
	}

	/** The next identifier of the same unit: the next sequence, or the next second's first. */
	public WarningIdentifier following() {
		return sequence < 9 ? new WarningIdentifier(unit, enteredAt, sequence + 1)
				: new WarningIdentifier(unit, enteredAt.plusSeconds(1), 0);
	}

	/** The GB/T 2260 area of the issuing unit. */
	public String areaCode() {
		return unit.substring(0, 6);
	}

	@Override
	public int compareTo(WarningIdentifier other) {
		return ORDER.compare(this, other);
	}

	@Override
	public String toString() {
		return unit + "_" + TIME.format(enteredAt) + "_" + sequence;
	}

}
