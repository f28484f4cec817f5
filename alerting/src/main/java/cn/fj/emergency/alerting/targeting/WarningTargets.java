package cn.fj.emergency.alerting.targeting;

import java.util.List;

/** What a warning covers: GB/T 2260 codes of the counties, and of the city platforms they belong to, sorted. */
public record WarningTargets(List<String> cityCodes, List<String> countyCodes) {

	public WarningTargets {
		cityCodes = List.copyOf(cityCodes);
		countyCodes = List.copyOf(countyCodes);
	}

}
