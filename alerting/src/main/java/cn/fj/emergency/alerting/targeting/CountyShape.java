package cn.fj.emergency.alerting.targeting;

import java.util.List;

/**
 * One county's boundary (docs/areas.md, "County shapes"): its GB/T 2260 code, its platform, and its parts
 * (mainland, islands, exclaves), each with a precomputed bounding box. Coordinates are degrees, longitude first
 * in the flat ring arrays {@code lon0, lat0, lon1, lat1, ...} (rings not closed: the last point joins the first).
 */
final class CountyShape {

	private static final double KM_PER_DEGREE = 6371.0 * Math.PI / 180;

	private final String code;

	private final String cityCode;

	private final List<Part> parts;

	private final Box box;

	CountyShape(String code, String cityCode, List<Part> parts) {
		this.code = code;
		this.cityCode = cityCode;
		this.parts = List.copyOf(parts);
		Box b = this.parts.get(0).box();
		for (Part part : this.parts) {
			b = b.union(part.box());
		}
		this.box = b;
	}

	String code() {
		return this.code;
	}

	String cityCode() {
		return this.cityCode;
	}

	Box box() {
		return this.box;
	}

	int parts() {
		return this.parts.size();
	}

	/** Whether the point lies inside the county (even-odd over each part's rings, holes excluded). */
	boolean contains(double lon, double lat) {
		if (!this.box.contains(lon, lat)) {
			return false;
		}
		for (Part part : this.parts) {
			if (part.contains(lon, lat)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the county and the polygon (a flat, not necessarily closed ring, lon/lat) share any point: a corner of
	 * one inside the other, or two edges crossing.
	 */
	boolean intersectsPolygon(double[] ring, Box ringBox) {
		if (!this.box.overlaps(ringBox)) {
			return false;
		}
		for (Part part : this.parts) {
			if (part.box().overlaps(ringBox) && part.intersects(ring, ringBox)) {
				return true;
			}
		}
		return false;
	}

	/** Whether any point of the county lies within {@code radiusKm} of the centre. */
	boolean intersectsCircle(double lon, double lat, double radiusKm) {
		double dLat = radiusKm / KM_PER_DEGREE;
		double dLon = radiusKm / (KM_PER_DEGREE * Math.max(0.01, Math.cos(Math.toRadians(lat))));
		Box circleBox = new Box(lon - dLon, lat - dLat, lon + dLon, lat + dLat);
		if (!this.box.overlaps(circleBox)) {
			return false;
		}
		for (Part part : this.parts) {
			if (part.box().overlaps(circleBox)
					&& (part.contains(lon, lat) || part.distanceKm(lon, lat, circleBox) <= radiusKm)) {
				return true;
			}
		}
		return false;
	}

	/** Axis-aligned bounding box in degrees. */
	record Box(double minLon, double minLat, double maxLon, double maxLat) {

		static Box of(double[] ring) {
			double minLon = Double.POSITIVE_INFINITY;
			double minLat = Double.POSITIVE_INFINITY;
			double maxLon = Double.NEGATIVE_INFINITY;
			double maxLat = Double.NEGATIVE_INFINITY;
			for (int i = 0; i + 1 < ring.length; i += 2) {
				minLon = Math.min(minLon, ring[i]);
				maxLon = Math.max(maxLon, ring[i]);
				minLat = Math.min(minLat, ring[i + 1]);
				maxLat = Math.max(maxLat, ring[i + 1]);
			}
			return new Box(minLon, minLat, maxLon, maxLat);
		}

		Box union(Box o) {
			return new Box(Math.min(this.minLon, o.minLon), Math.min(this.minLat, o.minLat),
					Math.max(this.maxLon, o.maxLon), Math.max(this.maxLat, o.maxLat));
		}

		boolean overlaps(Box o) {
			return this.minLon <= o.maxLon && o.minLon <= this.maxLon && this.minLat <= o.maxLat
					&& o.minLat <= this.maxLat;
		}

		/** Whether the segment from (x1, y1) to (x2, y2) lies wholly to one side of the box (so cannot meet it). */
		boolean missesSegment(double x1, double y1, double x2, double y2) {
			return Math.max(x1, x2) < this.minLon || Math.min(x1, x2) > this.maxLon || Math.max(y1, y2) < this.minLat
					|| Math.min(y1, y2) > this.maxLat;
		}

		boolean contains(double lon, double lat) {
			return lon >= this.minLon && lon <= this.maxLon && lat >= this.minLat && lat <= this.maxLat;
		}

	}

	/** One polygon of the county: its outer ring first, then its holes; the box is the outer ring's. */
	record Part(List<double[]> rings, Box box) {

		Part(List<double[]> rings) {
			this(List.copyOf(rings), Box.of(rings.get(0)));
		}

		boolean contains(double lon, double lat) {
			if (!this.box.contains(lon, lat)) {
				return false;
			}
			boolean in = false;
			for (double[] ring : this.rings) {
				if (inside(lon, lat, ring)) {
					in = !in;
				}
			}
			return in;
		}

		boolean intersects(double[] polygon, Box polygonBox) {
			for (int i = 0; i + 1 < polygon.length; i += 2) {
				if (contains(polygon[i], polygon[i + 1])) {
					return true;
				}
			}
			double[] outer = this.rings.get(0);
			if (inside(outer[0], outer[1], polygon)) {
				return true;
			}
			for (double[] ring : this.rings) {
				if (edgesCross(ring, polygon, polygonBox)) {
					return true;
				}
			}
			return false;
		}

		/** Shortest distance in km from the point to the part's boundary, for edges near the box only. */
		double distanceKm(double lon, double lat, Box near) {
			double kx = KM_PER_DEGREE * Math.cos(Math.toRadians(lat));
			double best = Double.POSITIVE_INFINITY;
			for (double[] ring : this.rings) {
				int n = ring.length / 2;
				for (int i = 0, j = n - 1; i < n; j = i++) {
					double x1 = ring[2 * j];
					double y1 = ring[2 * j + 1];
					double x2 = ring[2 * i];
					double y2 = ring[2 * i + 1];
					if (near.missesSegment(x1, y1, x2, y2)) {
						continue;
					}
					best = Math.min(best, segmentDistance((x1 - lon) * kx, (y1 - lat) * KM_PER_DEGREE,
							(x2 - lon) * kx, (y2 - lat) * KM_PER_DEGREE));
				}
			}
			return best;
		}

	}

	/** Even-odd test of a point against one flat ring. */
	static boolean inside(double x, double y, double[] ring) {
		boolean in = false;
		int n = ring.length / 2;
		for (int i = 0, j = n - 1; i < n; j = i++) {
			double xi = ring[2 * i];
			double yi = ring[2 * i + 1];
			double xj = ring[2 * j];
			double yj = ring[2 * j + 1];
			if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
				in = !in;
			}
		}
		return in;
	}

	private static boolean edgesCross(double[] a, double[] b, Box bBox) {
		int n = a.length / 2;
		int m = b.length / 2;
		for (int i = 0, j = n - 1; i < n; j = i++) {
			double ax1 = a[2 * j];
			double ay1 = a[2 * j + 1];
			double ax2 = a[2 * i];
			double ay2 = a[2 * i + 1];
			if (bBox.missesSegment(ax1, ay1, ax2, ay2)) {
				continue;
			}
			for (int k = 0, l = m - 1; k < m; l = k++) {
				if (segmentsCross(ax1, ay1, ax2, ay2, b[2 * l], b[2 * l + 1], b[2 * k], b[2 * k + 1])) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean segmentsCross(double x1, double y1, double x2, double y2, double x3, double y3, double x4,
			double y4) {
		double d1 = orient(x3, y3, x4, y4, x1, y1);
		double d2 = orient(x3, y3, x4, y4, x2, y2);
		double d3 = orient(x1, y1, x2, y2, x3, y3);
		double d4 = orient(x1, y1, x2, y2, x4, y4);
		if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
			return true;
		}
		return (d1 == 0 && onSegment(x3, y3, x4, y4, x1, y1)) || (d2 == 0 && onSegment(x3, y3, x4, y4, x2, y2))
				|| (d3 == 0 && onSegment(x1, y1, x2, y2, x3, y3)) || (d4 == 0 && onSegment(x1, y1, x2, y2, x4, y4));
	}

	private static double orient(double ax, double ay, double bx, double by, double cx, double cy) {
		return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
	}

	private static boolean onSegment(double ax, double ay, double bx, double by, double px, double py) {
		return px >= Math.min(ax, bx) && px <= Math.max(ax, bx) && py >= Math.min(ay, by) && py <= Math.max(ay, by);
	}

	/** Distance from the origin to the segment (x1, y1)-(x2, y2), in the segment's units. */
	private static double segmentDistance(double x1, double y1, double x2, double y2) {
		double dx = x2 - x1;
		double dy = y2 - y1;
		double len = dx * dx + dy * dy;
		double t = len == 0 ? 0 : Math.max(0, Math.min(1, -(x1 * dx + y1 * dy) / len));
		return Math.hypot(x1 + t * dx, y1 + t * dy);
	}

}
