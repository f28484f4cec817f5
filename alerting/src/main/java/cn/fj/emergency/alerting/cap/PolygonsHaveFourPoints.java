package cn.fj.emergency.alerting.cap;

import java.util.List;

/** A polygon has at least four points, the first and last being the same (CAP 1.2, 3.2.4 polygon). */
final class PolygonsHaveFourPoints implements AlertCheck {

	@Override
	public List<CapProblem> check(Alert alert) {
		return Located.polygons(alert)
			.stream()
			.filter(polygon -> polygon.value().points().size() < 4)
			.map(polygon -> new CapProblem(CapErrorCode.CAP_POLYGON_TOO_FEW_POINTS,
					polygon.where() + ": " + polygon.value().points().size() + " points, at least 4 needed"))
			.toList();
	}

}
