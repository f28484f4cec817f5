package cn.fj.emergency.alerting.cap;

import java.math.BigDecimal;
import java.util.Objects;

/** A CAP circle: centre and radius in kilometres, {@code latitude,longitude radius}. */
public record Circle(Point centre, BigDecimal radiusKm) {

	public Circle {
		Objects.requireNonNull(centre, "centre");
		Objects.requireNonNull(radiusKm, "radiusKm");
		if (radiusKm.signum() < 0) {
			throw new IllegalArgumentException("negative radius: " + radiusKm);
		}
	}

	/** Parses CAP's notation; {@link IllegalArgumentException} if it is not a circle. */
	public static Circle parse(String text) {
		String[] parts = text.strip().split("\\s+");
		if (parts.length != 2) {
			throw new IllegalArgumentException("not 'latitude,longitude radius': " + text);
		}
		return new Circle(Point.parse(parts[0]), new BigDecimal(parts[1]));
	}

	public String toCap() {
		return centre.toCap() + " " + radiusKm.toPlainString();
	}

}
