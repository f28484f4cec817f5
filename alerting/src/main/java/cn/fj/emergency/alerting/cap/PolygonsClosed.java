package cn.fj.emergency.alerting.cap;

import java.util.List;

/** A polygon's last point is its first (CAP 1.2, 3.2.4 polygon). */
final class PolygonsClosed implements AlertCheck {

	@Override
	public List<CapProblem> check(Alert alert) {
		return Located.polygons(alert)
			.stream()
			.filter(polygon -> !polygon.value().isClosed())
			.map(polygon -> new CapProblem(CapErrorCode.CAP_POLYGON_NOT_CLOSED,
					polygon.where() + ": the last point is not the first"))
			.toList();
	}

}
