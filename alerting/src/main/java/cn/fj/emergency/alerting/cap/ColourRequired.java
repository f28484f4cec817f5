package cn.fj.emergency.alerting.cap;

import java.util.List;

/** Our own profile: every info block carries exactly one warning colour. */
final class ColourRequired implements AlertCheck {

	@Override
	public List<CapProblem> check(Alert alert) {
		return Located.infos(alert)
			.stream()
			.filter(info -> WarningColour.carriedBy(info.value()).size() != 1)
			.map(info -> new CapProblem(CapErrorCode.CAP_COLOUR_MISSING, info.where() + ": "
					+ WarningColour.carriedBy(info.value()).size() + " '" + WarningColour.PARAMETER
					+ "' parameters, exactly one needed"))
			.toList();
	}

}
