package cn.fj.emergency.alerting.cap;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A CAP polygon: points separated by whitespace. Not checked here: closure, point count and simplicity are
 * the policies {@link PolygonsClosed}, {@link PolygonsHaveFourPoints} and {@link PolygonsSimple}.
 */
public record Polygon(List<Point> points) {

	public Polygon {
		points = List.copyOf(points);
	}

	/** Parses CAP's notation; {@link IllegalArgumentException} if it is not a list of points. */
	public static Polygon parse(String text) {
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			return new Polygon(List.of());
		}
		return new Polygon(Arrays.stream(trimmed.split("\\s+")).map(Point::parse).toList());
	}

	public boolean isClosed() {
		return points.size() > 1 && points.get(0).samePlace(points.get(points.size() - 1));
	}

	public String toCap() {
		return points.stream().map(Point::toCap).collect(Collectors.joining(" "));
	}

}
