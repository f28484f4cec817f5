package cn.fj.emergency.command.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.area.Areas;

/**
 * The county a PIDF-LO civic address names: country CN, A1 the province (福建 / Fujian), A2 the city platform and A3
 * the county, each by its Chinese or English name (as our exports write them). Without A2, A3 must be unique in the
 * province.
 */
final class CivicCounty {

	private CivicCounty() {
	}

	static Optional<Areas.County> of(PidfLo.@Nullable Civic civic) {
		if (civic == null || !"CN".equalsIgnoreCase(String.valueOf(civic.country())) || civic.a3() == null) {
			return Optional.empty();
		}
		String province = String.valueOf(civic.a1());
		if (!(province.startsWith("福建") || province.toLowerCase(Locale.ROOT).startsWith("fujian"))) {
			return Optional.empty();
		}
		List<Areas.County> matches = new ArrayList<>();
		for (Areas.City city : Areas.cities()) {
			if (civic.a2() != null && !named(civic.a2(), city.nameZh(), city.nameEn())) {
				continue;
			}
			for (Areas.County county : city.counties()) {
				if (named(civic.a3(), county.nameZh(), county.nameEn())) {
					matches.add(county);
				}
			}
		}
		return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
	}

	private static boolean named(String text, String nameZh, String nameEn) {
		String t = text.strip();
		return t.equals(nameZh) || t.equalsIgnoreCase(nameEn) || t.equalsIgnoreCase(nameEn + " City")
				|| t.equalsIgnoreCase(nameEn + " County") || t.equalsIgnoreCase(nameEn + " District");
	}

}
