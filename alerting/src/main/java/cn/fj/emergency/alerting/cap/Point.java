package cn.fj.emergency.alerting.cap;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A WGS 84 point as CAP writes it, {@code latitude,longitude} in decimal degrees. The decimals are kept as
 * written ({@code 25.0} stays {@code 25.0}) so that an alert reads back equal.
 */
public record Point(BigDecimal latitude, BigDecimal longitude) {

	private static final BigDecimal NINETY = BigDecimal.valueOf(90);

	private static final BigDecimal ONE_EIGHTY = BigDecimal.valueOf(180);

	public Point {
		Objects.requireNonNull(latitude, "latitude");
		Objects.requireNonNull(longitude, "longitude");
		if (latitude.abs().compareTo(NINETY) > 0 || longitude.abs().compareTo(ONE_EIGHTY) > 0) {
			throw new IllegalArgumentException("not a WGS 84 point: " + latitude + "," + longitude);
		}
	}

	/** Parses {@code latitude,longitude}; {@link IllegalArgumentException} if it is not one. */
	public static Point parse(String text) {
		String[] parts = text.split(",", -1);
		if (parts.length != 2) {
			throw new IllegalArgumentException("not latitude,longitude: " + text);
		}
		return new Point(new BigDecimal(parts[0].strip()), new BigDecimal(parts[1].strip()));
	}

	/** Same place, whatever the decimals written ({@code 25} and {@code 25.0}). */
	public boolean samePlace(Point other) {
		return latitude.compareTo(other.latitude) == 0 && longitude.compareTo(other.longitude) == 0;
	}

	public String toCap() {
		return latitude.toPlainString() + "," + longitude.toPlainString();
	}

}
