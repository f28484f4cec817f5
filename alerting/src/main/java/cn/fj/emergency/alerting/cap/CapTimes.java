package cn.fj.emergency.alerting.cap;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;

/**
 * CAP 1.2 times: whole seconds with an explicit numeric offset ({@code 2026-12-01T20:15:00+08:00}); never
 * {@code Z}. "-00:00" is read as UTC and written "+00:00" (the same instant).
 */
public final class CapTimes {

	/** China Standard Time: every time of our own alerts is written in it. */
	public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx")
		.withResolverStyle(ResolverStyle.STRICT);

	private CapTimes() {
	}

	/** Parses a CAP time; {@link DateTimeParseException} if it is not one. */
	public static OffsetDateTime parse(String text) {
		return OffsetDateTime.parse(text.strip(), FORMAT);
	}

	public static String format(OffsetDateTime time) {
		return FORMAT.format(time.truncatedTo(ChronoUnit.SECONDS));
	}

	/** The same instant in China Standard Time, to the second. */
	public static OffsetDateTime inChina(OffsetDateTime time) {
		return time.withOffsetSameInstant(CHINA).truncatedTo(ChronoUnit.SECONDS);
	}

}
