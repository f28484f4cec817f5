package cn.fj.emergency.command.incident;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake from call-taking and sensor systems over HTTP, idempotent like city reports; likely duplicates flagged
 * for an officer to merge; searches, paging and the summary, scoped by city.
 */
class IncidentIntakeAndQueriesTest {

	static Hub hub;

	static IncidentApi api;

	static String officer;

	@BeforeAll
	static void startHubThatScreensDuplicates() {
		Map<String, Object> settings = Hub.freshHubSettings();
		settings.put("hub.incidents.duplicates.enabled", "true");
		hub = Hub.start(settings);
		api = new IncidentApi(hub);
		officer = hub.dutyOfficerToken();
	}

	@AfterAll
	static void stopHub() {
		hub.close();
	}

	static Map<String, Object> report(String county, double latitude, double longitude) {
		Map<String, Object> report = Reports.report("iq-" + UUID.randomUUID(), county);
		report.put("latitude", latitude);
		report.put("longitude", longitude);
		return report;
	}

	static long stored(String reportId) {
		return hub.context().getBean(DatabaseClient.class)
			.sql("select count(*) as n from incident where report_id = $1")
			.bind(0, reportId)
			.map(r -> r.get("n", Long.class))
			.one()
			.block(Duration.ofSeconds(10));
	}

	/** Sends the report {@code times} at once; answers the bodies. */
	static List<JsonNode> concurrently(String token, Map<String, Object> report, int times) {
		WebClient client = WebClient.create("http://127.0.0.1:" + hub.httpPort());
		return Flux.range(0, times)
			.flatMap(i -> client.post()
				.uri("/api/incidents")
				.headers(h -> h.setBearerAuth(token))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(report)
				.retrieve()
				.bodyToMono(JsonNode.class))
			.collectList()
			.block(Duration.ofSeconds(30));
	}

	@Test
	void aCallFrom110IsStoredOnceWithItsSourceHoweverOftenItIsSent() {
		String hotline = api.serviceToken("hotline-110-quanzhou", "INTAKE_SYSTEM", null).get("token").asString();
		Map<String, Object> report = report("350503", 24.90, 118.60);
		report.put("category", "22");
		report.put("source", Map.of("kind", "CALL_110", "reference", "110-20261123-0042"));

		List<JsonNode> answers = concurrently(hotline, report, 4);
		JsonNode retried = api.post("/api/incidents", hotline, report, 200);

		assertThat(answers).hasSize(4).allSatisfy(a -> assertThat(a).isEqualTo(retried));
		assertThat(stored((String) report.get("reportId"))).isEqualTo(1);
		JsonNode incident = api.get("/api/incidents/" + retried.get("incidentId").asString(), officer, 200);
		assertThat(incident.get("reporter").asString()).isEqualTo("service:hotline-110-quanzhou");
		assertThat(incident.get("source").get("kind").asString()).isEqualTo("CALL_110");
		assertThat(incident.get("source").get("reference").asString()).isEqualTo("110-20261123-0042");
		assertThat(incident.get("cityCode").asString()).isEqualTo("350500");

		report.put("source", Map.of("kind", "CALL_110", "reference", "110-20261123-0043"));
		assertThat(api.post("/api/incidents", hotline, report, 409).get("code").asString()).isEqualTo("REPORT_ID_REUSED");
		report.put("source", Map.of("kind", "CALL_12345"));
		assertThat(api.post("/api/incidents", hotline, report, 409).get("code").asString()).isEqualTo("REPORT_ID_REUSED");
	}

	@Test
	void aSensorAlarmCarriesItsMeasurementAndIsIdempotent() {
		String sensors = api.serviceToken("water-level-network", "INTAKE_SYSTEM", "350700").get("token").asString();
		Map<String, Object> report = report("350702", 26.64, 118.17);
		Map<String, Object> source = new HashMap<>(Map.of("kind", "SENSOR", "sensorId", "wl-minjiang-0042",
				"quantity", "WATER_LEVEL", "value", 5.2, "unit", "m"));
		report.put("source", source);

		JsonNode first = api.post("/api/incidents", sensors, report, 200);
		JsonNode again = api.post("/api/incidents", sensors, report, 200);

		assertThat(again).isEqualTo(first);
		JsonNode stored = api.get("/api/incidents/" + first.get("incidentId").asString(), officer, 200).get("source");
		assertThat(stored.get("kind").asString()).isEqualTo("SENSOR");
		assertThat(stored.get("sensorId").asString()).isEqualTo("wl-minjiang-0042");
		assertThat(stored.get("quantity").asString()).isEqualTo("WATER_LEVEL");
		assertThat(stored.get("value").asDouble()).isEqualTo(5.2);
		assertThat(stored.get("unit").asString()).isEqualTo("m");

		source.put("value", 5.3);
		assertThat(api.post("/api/incidents", sensors, report, 409).get("code").asString()).isEqualTo("REPORT_ID_REUSED");
	}

	@Test
	void intakeSystemsStateTheirSourceAndOthersMayNot() {
		String sensors = api.serviceToken("quake-network", "INTAKE_SYSTEM", "350700").get("token").asString();
		String xiamen = hub.cityPlatformToken("350200").get("token").asString();
		Map<String, Object> report = report("350702", 26.64, 118.17);

		assertRefused(sensors, report, 400, "FIELD_REQUIRED", "source");
		report.put("source", Map.of("kind", "SENSOR", "quantity", "EARTHQUAKE_INTENSITY", "value", 6, "unit", "degree"));
		assertRefused(sensors, report, 400, "FIELD_REQUIRED", "source.sensorId");
		report.put("source", Map.of("kind", "SENSOR", "sensorId", "s1", "quantity", "VIBES", "value", 6, "unit", "degree"));
		assertRefused(sensors, report, 400, "INVALID_FIELD", "source.quantity");
		report.put("source", Map.of("kind", "CITY_PLATFORM"));
		assertRefused(sensors, report, 400, "INVALID_FIELD", "source.kind");
		Map<String, Object> elsewhere = report("350203", 24.48, 118.09);
		elsewhere.put("source", Map.of("kind", "CALL_12345"));
		assertRefused(sensors, elsewhere, 403, "AREA_OUTSIDE_CITY", "countyCode");
		assertRefused(xiamen, elsewhere, 400, "INVALID_FIELD", "source");
		assertThat(api.get("/api/incidents?city=350700", sensors, 403).get("code").asString()).isEqualTo("ACCESS_DENIED");
		assertThat(api.post("/api/admin/service-tokens", hub.adminToken(), Map.of("subject", "mixed", "roles",
				List.of("INTAKE_SYSTEM", "CITY_PLATFORM"), "cityCode", "350700"), 400).get("field").asString()).isEqualTo("roles");
	}

	static void assertRefused(String token, Map<String, Object> report, int status, String code, String field) {
		JsonNode problem = api.post("/api/incidents", token, report, status);
		assertThat(problem.get("code").asString()).isEqualTo(code);
		assertThat(problem.get("field").asString()).isEqualTo(field);
	}

	@Test
	void aLikelyDuplicateIsFlaggedLiveAndAnOfficerMergesIt() {
		// given an incident in Longyan
		JsonNode first = api.post("/api/incidents", officer, report("350802", 25.0700, 117.0200), 200);
		String firstId = first.get("incidentId").asString();
		// near in place (about 300 m) and time, same sub-category (a kind of it), is flagged
		Map<String, Object> near = report("350802", 25.0727, 117.0200);
		near.put("category", "1102");
		// far (about 5 km), another sub-category, or a drill: not flagged
		Map<String, Object> far = report("350802", 25.1150, 117.0200);
		Map<String, Object> otherCategory = report("350802", 25.0700, 117.0200);
		otherCategory.put("category", "22");
		Map<String, Object> drill = report("350802", 25.0700, 117.0200);
		drill.put("exercise", true);
		Map<String, Object> later = report("350802", 25.0700, 117.0200);
		later.put("occurredAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(4).withNano(0).toString());

		try (HubClient console = hub.console(officer)) {
			List<String> ids = new ArrayList<>();
			java.util.concurrent.atomic.AtomicReference<JsonNode> flagged = new java.util.concurrent.atomic.AtomicReference<>();
			StepVerifier.create(console.stream("events.stream", Map.of("after", first.get("seq").asLong()))
					.filter(e -> e.get("type").asString().equals("incident.duplicate-suspected"))
					.take(1))
				.then(() -> {
					for (Map<String, Object> r : List.of(far, otherCategory, drill, later, near)) {
						ids.add(api.post("/api/incidents", officer, r, 200).get("incidentId").asString());
					}
				})
				.consumeNextWith(flagged::set)
				.expectComplete()
				.verify(Duration.ofSeconds(30));
			String nearId = ids.get(4);

			// then only the near one is flagged (the others came first: a flag of any would have been taken instead)
			JsonNode e = flagged.get();
			assertThat(e.get("subjectId").asString()).isEqualTo(nearId);
			assertThat(e.get("data").get("id").asString()).isEqualTo(nearId);
			assertThat(IncidentApi.list(e.get("data").get("candidates"))).extracting(JsonNode::asString).containsExactly(firstId);
			assertThat(e.get("cities").get(0).asString()).isEqualTo("350800");

			List<JsonNode> open = IncidentApi.list(api.get("/api/incidents/duplicate-suspicions?city=350800", officer, 200));
			assertThat(open).extracting(s -> s.get("incidentId").asString()).containsExactly(nearId);
			List<JsonNode> timeline = IncidentApi.list(api.get("/api/incidents/" + nearId + "/timeline", officer, 200));
			assertThat(timeline).extracting(t -> t.get("type").asString())
				.containsExactly("incident.reported", "incident.duplicate-suspected");
			assertThat(timeline.get(1).get("by").asString()).isEqualTo("hub");

			// when an officer merges it, the suspicion is closed
			api.status(nearId, officer, Map.of("status", "MERGED", "mergedInto", firstId, "reason", "same flooding"), 200);
			assertThat(api.get("/api/incidents/duplicate-suspicions?city=350800", officer, 200).size()).isZero();
		}
	}

	@Test
	void searchesFilterAndPageAndCitiesSeeOnlyTheirOwn() {
		// given five incidents in Ningde, at distinct hours
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);
		String[][] specs = { { "350921", "II", "11", "false" }, { "350921", "III", "22", "false" },
				{ "350921", "II", "2201", "true" }, { "350922", "I", "31", "false" }, { "350921", "IV", "11", "false" } };
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < specs.length; i++) {
			Map<String, Object> r = report(specs[i][0], 26.88 + i * 0.05, 120.0);
			r.put("level", specs[i][1]);
			r.put("category", specs[i][2]);
			r.put("exercise", Boolean.valueOf(specs[i][3]));
			r.put("occurredAt", now.minusHours(5 - i).toString());
			ids.add(api.post("/api/incidents", officer, r, 200).get("incidentId").asString());
		}

		assertThat(search("city=350900", officer)).containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
		assertThat(search("county=350921&level=II", officer)).containsExactly(ids.get(2), ids.get(0));
		assertThat(search("city=350900&level=I&level=IV", officer)).containsExactly(ids.get(4), ids.get(3));
		assertThat(search("city=350900&category=2", officer)).containsExactly(ids.get(2), ids.get(1));
		assertThat(search("city=350900&category=11", officer)).containsExactly(ids.get(4), ids.get(0));
		assertThat(search("city=350900&exercise=true", officer)).containsExactly(ids.get(2));
		String from = urlTime(now.minusHours(3).minusMinutes(30));
		String to = urlTime(now.minusHours(1).minusMinutes(30));
		assertThat(search("city=350900&from=" + from + "&to=" + to, officer)).containsExactly(ids.get(3), ids.get(2));
		api.moveTo(ids.get(1), officer, "VERIFIED");
		api.moveTo(ids.get(0), officer, "DISMISSED");
		assertThat(search("city=350900&status=VERIFIED", officer)).containsExactly(ids.get(1));
		assertThat(search("city=350900&open=false", officer)).containsExactly(ids.get(0));

		// paging: pages of two, each after the last id of the one before, the last without a next
		List<String> paged = new ArrayList<>();
		String next = null;
		int pages = 0;
		do {
			JsonNode page = api.get("/api/incidents?city=350900&size=2" + (next == null ? "" : "&before=" + next), officer, 200);
			IncidentApi.list(page.get("items")).forEach(i -> paged.add(i.get("id").asString()));
			next = page.get("next").isNull() ? null : page.get("next").asString();
			pages++;
		}
		while (next != null && pages < 10);
		assertThat(pages).isEqualTo(3);
		assertThat(paged).containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));

		// a city sees only its own
		String ningde = hub.cityPlatformToken("350900").get("token").asString();
		String xiamen = hub.cityPlatformToken("350200").get("token").asString();
		assertThat(search("", ningde)).containsExactlyElementsOf(paged);
		assertThat(search("", xiamen)).doesNotContainAnyElementsOf(paged);
		assertThat(api.get("/api/incidents?city=350900", xiamen, 403).get("code").asString()).isEqualTo("CITY_SCOPE_VIOLATION");
		assertThat(api.get("/api/incidents?size=201", officer, 400).get("field").asString()).isEqualTo("size");
		assertThat(api.get("/api/incidents?level=V", officer, 400).get("field").asString()).isEqualTo("level");

		// the summary counts by city, level and status
		JsonNode summary = api.get("/api/incidents/summary?city=350900", officer, 200);
		assertThat(summary.get("total").asLong()).isEqualTo(5);
		assertThat(summary.get("open").asLong()).isEqualTo(4);
		assertThat(summary.get("closed").asLong()).isEqualTo(1);
		assertThat(IncidentApi.list(summary.get("cells"))).anySatisfy(cell -> {
			assertThat(cell.get("level").asString()).isEqualTo("II");
			assertThat(cell.get("status").asString()).isEqualTo("REPORTED");
			assertThat(cell.get("count").asLong()).isEqualTo(1);
		});
		JsonNode drills = api.get("/api/incidents/summary?city=350900&exercise=true", officer, 200);
		assertThat(drills.get("total").asLong()).isEqualTo(1);
		JsonNode province = api.get("/api/incidents/summary", officer, 200);
		Set<String> cities = new HashSet<>();
		province.get("cities").forEach(c -> cities.add(c.get("cityCode").asString()));
		assertThat(cities).contains("350900");
		JsonNode xiamenSummary = api.get("/api/incidents/summary", xiamen, 200);
		xiamenSummary.get("cities").forEach(c -> assertThat(c.get("cityCode").asString()).isEqualTo("350200"));
	}

	static String urlTime(OffsetDateTime time) {
		return time.toInstant().toString();
	}

	static List<String> search(String query, String token) {
		JsonNode page = api.get("/api/incidents?size=200&" + query, token, 200);
		List<String> ids = new ArrayList<>();
		page.get("items").forEach(i -> ids.add(i.get("id").asString()));
		return ids;
	}

}
