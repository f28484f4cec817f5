package cn.fj.emergency.alerting.cap;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Our own profile: no effective, onset or expires before the alert is sent. */
final class TimesNotBeforeSent implements AlertCheck {

	@Override
	public List<CapProblem> check(Alert alert) {
		List<CapProblem> problems = new ArrayList<>();
		for (Located<Info> info : Located.infos(alert)) {
			notBefore(problems, alert, info.where() + ": effective", info.value().effective());
			notBefore(problems, alert, info.where() + ": onset", info.value().onset());
			notBefore(problems, alert, info.where() + ": expires", info.value().expires());
		}
		return problems;
	}

	private static void notBefore(List<CapProblem> problems, Alert alert, String what, @Nullable OffsetDateTime time) {
		if (time != null && time.isBefore(alert.sent())) {
			problems.add(new CapProblem(CapErrorCode.CAP_TIME_BEFORE_SENT,
					what + " " + CapTimes.format(time) + " before the alert is sent " + CapTimes.format(alert.sent())));
		}
	}

}
