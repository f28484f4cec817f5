package cn.fj.emergency.alerting.cap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A closed polygon of at least four points is simple: its edges meet only where consecutive edges share a
 * corner. Repeated consecutive points are ignored; a polygon that doubles back on itself or has no area is
 * not simple. Exact decimal arithmetic, so nearly collinear corners are judged as written.
 */
final class PolygonsSimple implements AlertCheck {

	@Override
	public List<CapProblem> check(Alert alert) {
		return Located.polygons(alert)
			.stream()
			.filter(polygon -> polygon.value().isClosed() && polygon.value().points().size() >= 4)
			.filter(polygon -> !isSimple(polygon.value()))
			.map(polygon -> new CapProblem(CapErrorCode.CAP_POLYGON_SELF_INTERSECTING,
					polygon.where() + ": edges cross or overlap"))
			.toList();
	}

	static boolean isSimple(Polygon polygon) {
		List<Point> ring = corners(polygon.points());
		int n = ring.size();
		if (n < 3) {
			return false;
		}
		for (int i = 0; i < n; i++) {
			Point a = ring.get(i);
			Point b = ring.get((i + 1) % n);
			for (int j = i + 1; j < n; j++) {
				Point c = ring.get(j);
				Point d = ring.get((j + 1) % n);
				if (j == i + 1) {
					if (doublesBack(a, b, d)) {
						return false;
					}
				}
				else if (i == 0 && j == n - 1) {
					if (doublesBack(c, a, b)) {
						return false;
					}
				}
				else if (intersect(a, b, c, d)) {
					return false;
				}
			}
		}
		return true;
	}

	/** The ring's corners: the closing point dropped, repeated consecutive points merged. */
	private static List<Point> corners(List<Point> points) {
		List<Point> ring = new ArrayList<>();
		for (Point point : points.subList(0, points.size() - 1)) {
			if (ring.isEmpty() || !ring.get(ring.size() - 1).samePlace(point)) {
				ring.add(point);
			}
		}
		while (ring.size() > 1 && ring.get(ring.size() - 1).samePlace(ring.get(0))) {
			ring.remove(ring.size() - 1);
		}
		return ring;
	}

	/** Edges a→b and b→c go back along each other. */
	private static boolean doublesBack(Point a, Point b, Point c) {
		if (orientation(a, b, c) != 0) {
			return false;
		}
		BigDecimal dot = x(a).subtract(x(b))
			.multiply(x(c).subtract(x(b)))
			.add(y(a).subtract(y(b)).multiply(y(c).subtract(y(b))));
		return dot.signum() > 0;
	}

	private static boolean intersect(Point p1, Point q1, Point p2, Point q2) {
		if (!boxesOverlap(p1, q1, p2, q2)) {
			return false;
		}
		int o1 = orientation(p1, q1, p2);
		int o2 = orientation(p1, q1, q2);
		int o3 = orientation(p2, q2, p1);
		int o4 = orientation(p2, q2, q1);
		if (o1 != o2 && o3 != o4) {
			return true;
		}
		return (o1 == 0 && within(p1, p2, q1)) || (o2 == 0 && within(p1, q2, q1)) || (o3 == 0 && within(p2, p1, q2))
				|| (o4 == 0 && within(p2, q1, q2));
	}

	private static boolean boxesOverlap(Point p1, Point q1, Point p2, Point q2) {
		return max(x(p1), x(q1)).compareTo(min(x(p2), x(q2))) >= 0 && max(x(p2), x(q2)).compareTo(min(x(p1), x(q1))) >= 0
				&& max(y(p1), y(q1)).compareTo(min(y(p2), y(q2))) >= 0
				&& max(y(p2), y(q2)).compareTo(min(y(p1), y(q1))) >= 0;
	}

	/** q lies within the bounding box of p and r (q being collinear with them). */
	private static boolean within(Point p, Point q, Point r) {
		return x(q).compareTo(max(x(p), x(r))) <= 0 && x(q).compareTo(min(x(p), x(r))) >= 0
				&& y(q).compareTo(max(y(p), y(r))) <= 0 && y(q).compareTo(min(y(p), y(r))) >= 0;
	}

	private static int orientation(Point p, Point q, Point r) {
		BigDecimal cross = x(q).subtract(x(p))
			.multiply(y(r).subtract(y(p)))
			.subtract(y(q).subtract(y(p)).multiply(x(r).subtract(x(p))));
		return cross.signum();
	}

	private static BigDecimal x(Point point) {
		return point.longitude();
	}

	private static BigDecimal y(Point point) {
		return point.latitude();
	}

	private static BigDecimal max(BigDecimal a, BigDecimal b) {
		return a.max(b);
	}

	private static BigDecimal min(BigDecimal a, BigDecimal b) {
		return a.min(b);
	}

}
