package cn.fj.emergency.alerting.cap;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Our own profile: every time of the alert is written in China Standard Time, +08:00. */
final class TimesInChina implements AlertCheck {

	@Override
	public List<CapProblem> check(Alert alert) {
		List<CapProblem> problems = new ArrayList<>();
		inChina(problems, "sent", alert.sent());
		for (Located<Info> info : Located.infos(alert)) {
			inChina(problems, info.where() + ": effective", info.value().effective());
			inChina(problems, info.where() + ": onset", info.value().onset());
			inChina(problems, info.where() + ": expires", info.value().expires());
		}
		return problems;
	}

	private static void inChina(List<CapProblem> problems, String what, @Nullable OffsetDateTime time) {
		if (time != null && !time.getOffset().equals(CapTimes.CHINA)) {
			problems.add(new CapProblem(CapErrorCode.CAP_OFFSET_NOT_CHINA,
					what + " " + CapTimes.format(time) + " is not in +08:00"));
		}
	}

}
