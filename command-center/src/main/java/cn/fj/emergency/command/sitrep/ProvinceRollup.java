package cn.fj.emergency.command.sitrep;

import java.time.Instant;
import java.util.List;

/**
 * The province's situation over its open incidents (drills or real ones, never mixed): per city platform, and in
 * total.
 */
public record ProvinceRollup(Instant asOf, boolean exercise, List<CityRollup> cities, CityRollup total) {

	/**
	 * @param cityCode the city platform, or 350000 for the province's total
	 * @param incidents open incidents with at least one casualty or resource report
	 */
	public record CityRollup(String cityCode, long incidents, SitrepTotals totals) {
	}

}
