package cn.fj.emergency.alerting.cap;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** In each info block, effective ≤ onset ≤ expires, comparing the times that are given. */
final class TimesInOrder implements AlertCheck {

	@Override
	public List<CapProblem> check(Alert alert) {
		List<CapProblem> problems = new ArrayList<>();
		for (Located<Info> info : Located.infos(alert)) {
			Info block = info.value();
			before(problems, info.where(), "effective", block.effective(), "onset", block.onset());
			before(problems, info.where(), "onset", block.onset(), "expires", block.expires());
			if (block.onset() == null) {
				before(problems, info.where(), "effective", block.effective(), "expires", block.expires());
			}
		}
		return problems;
	}

	private static void before(List<CapProblem> problems, String where, String earlierName,
			@Nullable OffsetDateTime earlier, String laterName, @Nullable OffsetDateTime later) {
		if (earlier != null && later != null && earlier.isAfter(later)) {
			problems.add(new CapProblem(CapErrorCode.CAP_TIMES_OUT_OF_ORDER, where + ": " + earlierName + " "
					+ CapTimes.format(earlier) + " is after " + laterName + " " + CapTimes.format(later)));
		}
	}

}
