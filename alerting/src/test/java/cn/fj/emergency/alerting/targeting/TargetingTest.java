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
	void aCircleCoversTheCountiesItReachesAndNothingOnTheSea() {
		Area wide = new Area("Jinjiang, 25 km", List.of(), List.of(Circle.parse("24.81,118.58 25")), List.of(), null, null);
		Area tiny = new Area("Pingtan, 1 km", List.of(), List.of(Circle.parse("25.51,119.78 1")), List.of(), null, null);
		// Pingtan's nearest shore is 4 km from 25.60,119.95
		Area offshore = new Area("east of Pingtan, 2 km", List.of(), List.of(Circle.parse("25.60,119.95 2")), List.of(),
				null, null);
		Area reaching = new Area("east of Pingtan, 5 km", List.of(), List.of(Circle.parse("25.60,119.95 5")), List.of(),
				null, null);

		assertThat(Targeting.fujian().resolve(withArea(wide)).countyCodes()).contains("350582", "350502", "350581")
			.doesNotContain("350203");
		assertThat(Targeting.fujian().resolve(withArea(tiny)).cityCodes()).containsExactly("350128");
		assertThat(Targeting.fujian().resolve(withArea(offshore)).countyCodes()).isEmpty();
		assertThat(Targeting.fujian().resolve(withArea(reaching)).countyCodes()).containsExactly("350128");
	}

	@Test
	void aCircleReachingACountysEdgeCoversItThoughItsSeatIsFarther() {
		// 25.37,119.61 lies in Fuqing, 30 km from Fuqing's seat; 5 km reach no other county
		Area area = new Area("Fuqing, south-east coast", List.of(), List.of(Circle.parse("25.37,119.61 2")), List.of(),
				null, null);

		assertThat(Targeting.fujian().resolve(withArea(area)).countyCodes()).containsExactly("350181");
	}

	@Test
	void aPolygonSmallerThanACountyReachesTheCountyItLiesIn() {
		Area gulou = new Area("Gulou", List.of(Alerts.square()), List.of(), List.of(), null, null);

		assertThat(Targeting.fujian().resolve(withArea(gulou)).countyCodes()).containsExactly("350102");
	}

	@Test
	void aPolygonOverPartOfACountyNearItsBorderTargetsThatCountyNotTheNearestSeat() {
		// south-east Fuqing, by the strait: Pingtan's county seat is nearer than Fuqing's, the land is Fuqing's
		Polygon fuqingCoast = Polygon.parse("25.36,119.60 25.36,119.62 25.38,119.62 25.38,119.60 25.36,119.60");
		Area area = new Area("Fuqing coast", List.of(fuqingCoast), List.of(), List.of(), null, null);

		WarningTargets targets = Targeting.fujian().resolve(withArea(area));

		assertThat(targets.countyCodes()).containsExactly("350181");
		assertThat(targets.cityCodes()).containsExactly("350100");
	}

	@Test
	void aPolygonOnTheSeaNextToACountyTargetsNoCounty() {
		// 2 km off Pingtan's eastern shore, whose county seat is the nearest
		Polygon offPingtan = Polygon.parse("25.58,119.93 25.58,119.97 25.62,119.97 25.62,119.93 25.58,119.93");
		Area area = new Area("east of Pingtan", List.of(offPingtan), List.of(), List.of(), null, null);

		WarningTargets targets = Targeting.fujian().resolve(withArea(area));

		assertThat(targets.countyCodes()).isEmpty();
		assertThat(targets.cityCodes()).isEmpty();
	}

	@Test
	void aPolygonCoversEveryCountyItOverlapsAndOneHoldingAWholeCountyCoversIt() {
		Polygon xiamenIsland = Polygon.parse("24.44,118.09 24.44,118.13 24.50,118.13 24.50,118.09 24.44,118.09");
		Polygon aroundXiamen = Polygon.parse("24.20,117.80 24.20,118.60 25.00,118.60 25.00,117.80 24.20,117.80");

		assertThat(Targeting.fujian().resolve(withArea(new Area("Xiamen island", List.of(xiamenIsland), List.of(),
				List.of(), null, null))).countyCodes()).containsExactly("350203", "350206");
		assertThat(Targeting.fujian().resolve(withArea(new Area("around Xiamen", List.of(aroundXiamen), List.of(),
				List.of(), null, null))).countyCodes()).contains("350203", "350205", "350206", "350211", "350212",
						"350213");
	}

	@Test
	void everyHubCountyHasExactlyOneShapeInItsPlatform() {
		List<String> hubCounties = lines(AreaCodes.class, "gbt2260-fujian.txt").stream()
			.map(l -> l.split("\t")[0])
			.filter(code -> !code.endsWith("00"))
			.toList();

		assertThat(Targeting.fujian().countyCodes()).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(hubCounties)
			.hasSize(84);
		for (String line : lines(Targeting.class, "fujian-counties.txt")) {
			String[] f = line.split("\t");
			assertThat(Targeting.fujian().resolve(withArea(codes(f[0]))).cityCodes()).as(f[0]).containsExactly(f[1]);
		}
	}

	@Test
	void countySeatsLieInsideTheirOwnShape() {
		for (String line : lines(Targeting.class, "fujian-counties.txt")) {
			String[] f = line.split("\t");
			assertThat(Targeting.fujian().countyContains(f[0], Double.parseDouble(f[2]), Double.parseDouble(f[3])))
				.as("seat of %s", f[0])
				.isTrue();
		}
	}

	private static List<String> lines(Class<?> near, String resource) {
		try (java.io.InputStream in = near.getResourceAsStream(resource)) {
			return new String(java.util.Objects.requireNonNull(in).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
				.lines()
				.filter(l -> !l.isBlank() && !l.startsWith("#"))
				.toList();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
