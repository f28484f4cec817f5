package cn.fj.emergency.command.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.BulkReports;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The picture of what is open (GET /api/incidents/picture) holds every open level I/II incident however many newer
 * ones there are, and counts the rest per county; the summary counts by level, status and city with drills apart,
 * over the whole hub and not a page.
 */
class OpenPictureAndCountsTest {

	static Hub hub;

	static String officer;

	@BeforeAll
	static void start() {
		hub = Hub.start(Hub.freshHubSettings());
		officer = hub.dutyOfficerToken();
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	static Map<String, Object> report(String id, String county, String level, boolean exercise) {
		Map<String, Object> report = Reports.report(id, county);
		report.put("level", level);
		report.put("exercise", exercise);
		if (county.startsWith("3501")) {
			report.put("latitude", 26.08);
			report.put("longitude", 119.30);
		}
		return report;
	}

	@Test
	void theOldLevelOneIsInThePictureAndTheCountsAreOfTheWholeHub() {
		// the real level I first (the oldest), then a real level II, a drill level II, one by one; then 230 newer ones
		List<String> ids = new ArrayList<>();
		for (Map<String, Object> grave : List.of(report("pic-real-I", "350203", "I", false),
				report("pic-real-II", "350102", "II", false), report("pic-drill-II", "350203", "II", true))) {
			ids.add(hub.postJson("/api/incidents", officer, grave, 200).get("incidentId").asString());
		}
		List<Map<String, Object>> reports = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			reports.add(report("pic-drill-" + i, "350203", i % 2 == 0 ? "III" : "IV", true));
		}
		for (int i = 0; i < 30; i++) {
			reports.add(report("pic-real-" + i, "350102", "IV", false));
		}
		ids.addAll(BulkReports.report(hub, officer, reports));
		String levelOne = ids.get(0);
		String realTwo = ids.get(1);
		String drillTwo = ids.get(2);
		// one real IV dismissed: no longer open
		hub.postJson("/api/incidents/" + ids.get(ids.size() - 1) + "/status", officer,
				Map.of("status", "DISMISSED", "reason", "false alarm"), 200);

		// the newest page of open incidents does not reach the level I incident ...
		JsonNode page = hub.getJson("/api/incidents?open=true&size=200", officer);
		assertThat(page.get("items").valueStream().map(i -> i.get("id").asString())).doesNotContain(levelOne);

		// ... the picture holds it, level I first, then the level IIs oldest first
		JsonNode picture = hub.getJson("/api/incidents/picture", officer);
		assertThat(picture.get("grave").valueStream().map(i -> i.get("id").asString()))
			.containsExactly(levelOne, realTwo, drillTwo);
		JsonNode real = hub.getJson("/api/incidents/picture?exercise=false", officer);
		assertThat(real.get("grave").valueStream().map(i -> i.get("id").asString())).containsExactly(levelOne, realTwo);
		// every open incident is counted per county, level and drill flag
		long counted = 0;
		long siMingDrillIII = 0;
		for (JsonNode row : picture.get("counties")) {
			counted += row.get("count").asLong();
			if (row.get("countyCode").asString().equals("350203") && row.get("level").asString().equals("III")
					&& row.get("exercise").asBoolean()) {
				siMingDrillIII = row.get("count").asLong();
				assertThat(row.get("cityCode").asString()).isEqualTo("350200");
			}
		}
		assertThat(counted).isEqualTo(232);
		assertThat(siMingDrillIII).isEqualTo(100);
		long realCounted = 0;
		for (JsonNode row : real.get("counties")) {
			assertThat(row.get("exercise").asBoolean()).isFalse();
			realCounted += row.get("count").asLong();
		}
		assertThat(realCounted).isEqualTo(31);

		// the summary: open real and drills apart, by level, status and city
		JsonNode summary = hub.getJson("/api/incidents/summary", officer);
		assertThat(summary.get("open").asLong()).isEqualTo(232);
		assertThat(summary.get("closed").asLong()).isEqualTo(1);
		assertThat(summary.get("openReal").asLong()).isEqualTo(31);
		assertThat(summary.get("openDrills").asLong()).isEqualTo(201);
		assertThat(tally(summary.get("levels"), "I")).containsExactly(1L, 0L);
		assertThat(tally(summary.get("levels"), "II")).containsExactly(1L, 1L);
		assertThat(tally(summary.get("levels"), "III")).containsExactly(0L, 100L);
		assertThat(tally(summary.get("levels"), "IV")).containsExactly(29L, 100L);
		assertThat(tally(summary.get("statuses"), "REPORTED")).containsExactly(31L, 201L);
		assertThat(tally(summary.get("statuses"), "DISMISSED")).containsExactly(1L, 0L);
		JsonNode fuzhou = summary.get("cities").valueStream().filter(c -> c.get("cityCode").asString().equals("350100"))
			.findFirst().orElseThrow();
		assertThat(fuzhou.get("open").asLong()).isEqualTo(30);
		assertThat(fuzhou.get("openReal").asLong()).isEqualTo(30);
		assertThat(fuzhou.get("openDrills").asLong()).isZero();
		assertThat(fuzhou.get("closed").asLong()).isEqualTo(1);
		// the cells still merge drills and real incidents of one city, level and status
		assertThat(summary.get("cells").valueStream().filter(c -> c.get("cityCode").asString().equals("350200")
				&& c.get("level").asString().equals("II")).map(c -> c.get("count").asLong())).containsExactly(1L);

		// a city-scoped officer's picture is of the own city only
		String xiamen = hub.officerToken("350200", "DUTY_OFFICER");
		JsonNode own = hub.getJson("/api/incidents/picture", xiamen);
		assertThat(own.get("grave").valueStream().map(i -> i.get("id").asString())).containsExactly(levelOne, drillTwo);
		own.get("counties").forEach(row -> assertThat(row.get("cityCode").asString()).isEqualTo("350200"));
	}

	@Test
	void thePictureRefusesWhatItCannotAnswer() {
		IncidentApi api = new IncidentApi(hub);
		JsonNode bad = api.get("/api/incidents/picture?exercise=maybe", officer, 400);
		assertThat(bad.get("code").asString()).isEqualTo("INVALID_FIELD");
		assertThat(bad.get("field").asString()).isEqualTo("exercise");
		String xiamen = hub.officerToken("350200", "DUTY_OFFICER");
		assertThat(api.get("/api/incidents/picture?city=350100", xiamen, 403).get("code").asString())
			.isEqualTo("CITY_SCOPE_VIOLATION");
	}

	static List<Long> tally(JsonNode tallies, String key) {
		JsonNode t = tallies.valueStream().filter(x -> x.get("key").asString().equals(key)).findFirst().orElseThrow();
		return List.of(t.get("real").asLong(), t.get("drills").asLong());
	}

}
