package cn.fj.emergency.alerting.cap;

import java.util.List;

/** Every GB/T 2260 geocode names an area that exists. Other geocodes (SAME, CAP-CP, ...) are not judged. */
final class AreaCodesExist implements AlertCheck {

	private final AreaCodes areaCodes;

	AreaCodesExist(AreaCodes areaCodes) {
		this.areaCodes = areaCodes;
	}

	@Override
	public List<CapProblem> check(Alert alert) {
		return Located.areas(alert)
			.stream()
			.flatMap(area -> area.value()
				.geocodes(AreaCodes.GEOCODE)
				.stream()
				.filter(code -> !areaCodes.exists(code))
				.map(code -> new CapProblem(CapErrorCode.CAP_AREA_CODE_UNKNOWN,
						area.where() + ": no area has the GB/T 2260 code " + code)))
			.toList();
	}

}
