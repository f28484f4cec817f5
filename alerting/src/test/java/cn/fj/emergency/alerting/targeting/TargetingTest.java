package cn.fj.emergency.alerting.targeting;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.alerting.cap.Alert;
import cn.fj.emergency.alerting.cap.Alerts;
import cn.fj.emergency.alerting.cap.Area;
import cn.fj.emergency.alerting.cap.AreaCodes;
import cn.fj.emergency.alerting.cap.Circle;
import cn.fj.emergency.alerting.cap.Info;
import cn.fj.emergency.alerting.cap.NamedValue;
import cn.fj.emergency.alerting.cap.Polygon;

import static org.assertj.core.api.Assertions.assertThat;

/** Which counties and city platforms a warning's areas cover. */
class TargetingTest {

	static Alert withArea(Area area) {
		return Alerts.withInfos(Alerts.ownRedWarning(), info -> new Info(info.language(), info.categories(), info.event(),
				info.responseTypes(), info.urgency(), info.severity(), info.certainty(), info.audience(),
				info.eventCodes(), info.effective(), info.onset(), info.expires(), info.senderName(), info.headline(),
				info.description(), info.instruction(), info.web(), info.contact(), info.parameters(), info.resources(),
				List.of(area)));
	}

	static Area codes(String... codes) {
		return new Area("area", List.of(), List.of(),
				java.util.Arrays.stream(codes).map(c -> new NamedValue(AreaCodes.GEOCODE, c)).toList(), null, null);
	}

	@Test
	void aCountyCodeCoversThatCountyAndItsCityOnly() {
		WarningTargets targets = Targeting.fujian().resolve(withArea(codes("350203")));

		assertThat(targets.countyCodes()).containsExactly("350203");
		assertThat(targets.cityCodes()).containsExactly("350200");
	}

	@Test
	void aCityCodeCoversItsCountiesAndTheProvinceEveryPlatform() {
		assertThat(Targeting.fujian().resolve(withArea(codes("350200"))).countyCodes())
			.containsExactly("350203", "350205", "350206", "350211", "350212", "350213");
		assertThat(Targeting.fujian().resolve(withArea(codes("350000"))).cityCodes()).hasSize(10).contains("350128");
	}

	@Test
	void aCircleCoversTheCountiesWhoseCentresItHoldsAndAtLeastTheNearest() {
		Area wide = new Area("Jinjiang, 25 km", List.of(), List.of(Circle.parse("24.81,118.58 25")), List.of(), null, null);
		Area tiny = new Area("Pingtan, 1 km", List.of(), List.of(Circle.parse("25.51,119.78 1")), List.of(), null, null);

		assertThat(Targeting.fujian().resolve(withArea(wide)).countyCodes()).contains("350582", "350502", "350581")
			.doesNotContain("350203");
		assertThat(Targeting.fujian().resolve(withArea(tiny)).cityCodes()).containsExactly("350128");
	}

	@Test
	void aPolygonSmallerThanACountyReachesTheCountyItLiesIn() {
		Area gulou = new Area("Gulou", List.of(Alerts.square()), List.of(), List.of(), null, null);

		assertThat(Targeting.fujian().resolve(withArea(gulou)).countyCodes()).containsExactly("350102");
	}

	@Test
	void aPolygonCoversTheCountiesWhoseCentresLieInside() {
		Polygon xiamenIsland = Polygon.parse("24.40,118.00 24.40,118.20 24.55,118.20 24.55,118.00 24.40,118.00");
		Area area = new Area("Xiamen island", List.of(xiamenIsland), List.of(), List.of(), null, null);

		assertThat(Targeting.fujian().resolve(withArea(area)).countyCodes()).containsExactly("350203", "350206");
	}

}
