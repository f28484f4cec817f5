package cn.fj.emergency.alerting.cap;

import org.junit.jupiter.api.Test;

import static cn.fj.emergency.alerting.cap.Alerts.codes;
import static cn.fj.emergency.alerting.cap.Alerts.ownRedWarning;
import static cn.fj.emergency.alerting.cap.Alerts.withGeocodes;
import static org.assertj.core.api.Assertions.assertThat;

class AreaCodeChecksTest {

	@Test
	void knowsFujianProvinceCitiesPingtanAndCounties() {
		AreaCodes fujian = AreaCodes.fujian();
		assertThat(fujian.exists("350000")).isTrue();
		assertThat(fujian.exists("350200")).isTrue();
		assertThat(fujian.exists("350128")).isTrue();
		assertThat(fujian.exists("350981")).isTrue();
		assertThat(fujian.exists("350199")).isFalse();
		assertThat(fujian.exists("110000")).isFalse();
		// the province, ten platforms and 83 further counties (Pingtan is both)
		assertThat(FujianAreaCodes.INSTANCE.codes()).hasSize(94);
	}

	@Test
	void refusesUnknownGbt2260Code() {
		Alert alert = withGeocodes(ownRedWarning(), new NamedValue(AreaCodes.GEOCODE, "350102"),
				new NamedValue(AreaCodes.GEOCODE, "359999"));
		assertThat(codes(new AreaCodesExist(AreaCodes.fujian()).check(alert)))
			.containsOnly(CapErrorCode.CAP_AREA_CODE_UNKNOWN).hasSize(2);
	}

	@Test
	void asksThePortItIsGiven() {
		// given a hub whose reference data knows only Xiamen
		AreaCodes xiamenOnly = "350200"::equals;
		Alert alert = withGeocodes(ownRedWarning(), new NamedValue(AreaCodes.GEOCODE, "350200"));
		assertThat(new AreaCodesExist(xiamenOnly).check(alert)).isEmpty();
		assertThat(new AreaCodesExist(xiamenOnly).check(ownRedWarning())).isNotEmpty();
	}

	@Test
	void leavesOtherGeocodeSchemesAlone() {
		Alert alert = withGeocodes(ownRedWarning(), new NamedValue("SAME", "006109"));
		assertThat(new AreaCodesExist(AreaCodes.fujian()).check(alert)).isEmpty();
	}

	@Test
	void refusesOwnAreaWithoutGbt2260Code() {
		Alert alert = withGeocodes(ownRedWarning(), new NamedValue("SAME", "006109"));
		assertThat(codes(new AreasCoded().check(alert))).containsOnly(CapErrorCode.CAP_AREA_CODE_MISSING);
		assertThat(new AreasCoded().check(ownRedWarning())).isEmpty();
	}

}
