package cn.fj.emergency.alerting.cap;

import java.util.List;

/** Our own profile: every area names at least one GB/T 2260 code, which is how warnings reach platforms. */
final class AreasCoded implements AlertCheck {

	@Override
	public List<CapProblem> check(Alert alert) {
		return Located.areas(alert)
			.stream()
			.filter(area -> area.value().geocodes(AreaCodes.GEOCODE).isEmpty())
			.map(area -> new CapProblem(CapErrorCode.CAP_AREA_CODE_MISSING,
					area.where() + ": no '" + AreaCodes.GEOCODE + "' geocode"))
			.toList();
	}

}
