package cn.fj.emergency.command.sitrep;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The province's situation over its open incidents (drills or real ones, never mixed): per city platform, and in
 * total.
 */
public record ProvinceRollup(Instant asOf, boolean exercise, List<CityRollup> cities, CityRollup total) {

	/**
	 * @param cityCode the city platform, or 350000 for the province's total
	 * @param incidents open incidents with at least one casualty or resource report
	 * @param lastReportedAt the latest time ("as of") of the reports summed; null when none is
	 * @param lastSubmittedAt when the newest of the reports summed reached the hub; null when none is
	 */
	public record CityRollup(String cityCode, long incidents, @Nullable Instant lastReportedAt,
			@Nullable Instant lastSubmittedAt, SitrepTotals totals) {
	}

}
