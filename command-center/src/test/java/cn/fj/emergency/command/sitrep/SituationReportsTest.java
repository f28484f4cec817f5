package cn.fj.emergency.command.sitrep;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/** Cities report on their incidents over the city link and HTTP; the province reads the roll-ups. */
class SituationReportsTest {

	static Hub hub;

	static String officer;

	static HubClient xiamen;

	static HubClient fuzhou;

	static String fuzhouToken;

	static final OffsetDateTime T0 = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(3).withNano(0);

	@BeforeAll
	static void startHub() {
		hub = Hub.cluster(1).get(0);
		officer = hub.dutyOfficerToken();
		xiamen = hub.city("350200");
		fuzhouToken = hub.cityPlatformToken("350100").get("token").asString();
		fuzhou = HubClient.tcp(hub.cityLinkPort(), fuzhouToken);
	}

	@AfterAll
	static void stopHub() {
		xiamen.close();
		fuzhou.close();
		hub.close();
	}

	@Test
	void submissionIsIdempotentAndVisibleOnTheStream() {
		try (HubClient console = hub.console(officer)) {
			String incident = report(xiamen, Reports.xiamen("sr-idem"));
			Map<String, Object> sitrep = casualties("xm-sr-1", incident, T0, 1);
			AtomicReference<JsonNode> first = new AtomicReference<>();
			AtomicReference<JsonNode> event = new AtomicReference<>();

			// from the log's start (this hub's database is its own): a submission committed before the live stream took
			// its start position is then backfilled instead of lost to the race
			StepVerifier.create(console.stream("events.stream", Map.of("streams", java.util.List.of("sitreps"), "after", 0))
					.filter(e -> e.get("data").get("sitrepId").asString().equals("xm-sr-1")))
				.then(() -> first.set(xiamen.request("sitreps.submit", sitrep).block(Duration.ofSeconds(10))))
				.consumeNextWith(event::set)
				.thenCancel()
				.verify(Duration.ofSeconds(30));
			JsonNode again = xiamen.request("sitreps.submit", sitrep).block(Duration.ofSeconds(10));

			assertThat(again).isEqualTo(first.get());
			assertThat(event.get().get("seq").asLong()).isEqualTo(first.get().get("seq").asLong());
			assertThat(event.get().get("type").asString()).isEqualTo("sitrep.submitted");
			assertThat(event.get().get("cities").get(0).asString()).isEqualTo("350200");
			assertThat(event.get().get("data").get("source").asString()).isEqualTo("350200");
			assertThat(event.get().get("data").get("content").get("dead").asLong()).isEqualTo(1);
			assertThat(hub.getJson("/api/incidents/" + incident + "/sitreps", officer)).hasSize(1);
		}
	}

	@Test
	void refusesASitrepIdReusedForOtherContent() {
		String incident = report(xiamen, Reports.xiamen("sr-reuse"));
		xiamen.request("sitreps.submit", casualties("xm-sr-reuse", incident, T0, 1)).block(Duration.ofSeconds(10));

		StepVerifier.create(xiamen.request("sitreps.submit", casualties("xm-sr-reuse", incident, T0, 2)))
			.expectErrorSatisfies(error -> assertThat(HubClient.errorBody(error).get("code").asString())
				.isEqualTo("SITREP_ID_REUSED"))
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void refusesReportOnAnotherCitysIncident() {
		String incident = report(xiamen, Reports.xiamen("sr-scope"));

		StepVerifier.create(fuzhou.request("sitreps.submit", casualties("fz-sr-1", incident, T0, 1)))
			.expectErrorSatisfies(error -> assertThat(HubClient.errorBody(error).get("code").asString())
				.isEqualTo("NOT_FOUND"))
			.verify(Duration.ofSeconds(10));
		hub.http().get().uri("/api/incidents/" + incident + "/sitreps/rollup")
			.headers(h -> h.setBearerAuth(fuzhouToken))
			.exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
		hub.http().get().uri("/api/sitreps/rollup")
			.headers(h -> h.setBearerAuth(fuzhouToken))
			.exchange()
			.expectStatus().isForbidden();
	}

	@Test
	void refusesAnInvalidSitrepOverHttpWithItsCode() {
		String incident = report(xiamen, Reports.xiamen("sr-invalid"));
		Map<String, Object> bad = casualties("xm-sr-bad", incident, T0, -3);

		post("/api/incidents/" + incident + "/sitreps", officer, bad).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.code").isEqualTo("INVALID_COUNT")
			.jsonPath("$.field").isEqualTo("casualtyAndIllnessSummary.dead");
	}

	/**
	 * Xiamen's casualty report is superseded by a later one, and not by an older one that arrives last; a province
	 * officer's report on the same incident counts beside it; two resource reports with the same time are decided by
	 * submission; Fuzhou's reports count for Fuzhou. Drill incidents, so the real figures are untouched.
	 */
	@Test
	void rollUpsTakeEachPartysLatestReportAndSumThem() {
		String xm = report(xiamen, drill(Reports.xiamen("sr-roll-xm")));
		String fz = report(fuzhou, drill(Reports.fuzhou("sr-roll-fz")));
		submit(xiamen, casualties("roll-xm-1", xm, T0, 1));
		submit(xiamen, casualties("roll-xm-2", xm, T0.plusHours(1), 3));
		submit(xiamen, casualties("roll-xm-late", xm, T0.minusHours(1), 100));
		post("/api/incidents/" + xm + "/sitreps", officer, casualties("roll-prov-1", xm, T0, 2)).expectStatus().isOk();
		submit(xiamen, resources("roll-xm-res-1", xm, T0, 10));
		submit(xiamen, resources("roll-xm-res-2", xm, T0, 12));
		submit(xiamen, situation("roll-xm-sit", xm, T0));
		submit(fuzhou, casualties("roll-fz-1", fz, T0, 5));
		submit(fuzhou, resources("roll-fz-res", fz, T0, 40));

		JsonNode rollup = hub.getJson("/api/incidents/" + xm + "/sitreps/rollup", officer);
		assertThat(rollup.get("latest")).hasSize(4);
		assertThat(rollup.get("totals").get("casualties").get("dead").asLong()).isEqualTo(5);
		assertThat(rollup.get("totals").get("casualties").get("evacuated").asLong()).isEqualTo(600);
		assertThat(rollup.get("totals").get("casualtyReports").asLong()).isEqualTo(2);
		assertThat(rollup.get("totals").get("resources").get("personnel").asLong()).isEqualTo(12);
		assertThat(rollup.get("totals").get("resourceReports").asLong()).isEqualTo(1);
		assertThat(latestIds(rollup)).containsExactlyInAnyOrder("roll-prov-1", "roll-xm-2", "roll-xm-res-2",
				"roll-xm-sit");
		assertThat(hub.getJson("/api/incidents/" + xm + "/sitreps", officer)).hasSize(7);

		JsonNode province = hub.getJson("/api/sitreps/rollup?exercise=true", officer);
		assertThat(province.get("exercise").asBoolean()).isTrue();
		Map<String, JsonNode> cities = new HashMap<>();
		province.get("cities").forEach(c -> cities.put(c.get("cityCode").asString(), c));
		assertThat(cities.keySet()).containsExactlyInAnyOrder("350200", "350100");
		assertThat(cities.get("350200").get("totals").get("casualties").get("dead").asLong()).isEqualTo(5);
		assertThat(cities.get("350100").get("totals").get("casualties").get("dead").asLong()).isEqualTo(5);
		assertThat(cities.get("350100").get("incidents").asLong()).isEqualTo(1);
		assertThat(province.get("total").get("cityCode").asString()).isEqualTo("350000");
		assertThat(province.get("total").get("incidents").asLong()).isEqualTo(2);
		assertThat(province.get("total").get("totals").get("casualties").get("dead").asLong()).isEqualTo(10);
		assertThat(province.get("total").get("totals").get("resources").get("personnel").asLong()).isEqualTo(52);
		// when each city last reported: the latest time of the reports summed (not the late one that describes 1 h before)
		assertThat(Instant.parse(cities.get("350200").get("lastReportedAt").asString())).isEqualTo(T0.plusHours(1).toInstant());
		assertThat(Instant.parse(cities.get("350100").get("lastReportedAt").asString())).isEqualTo(T0.toInstant());
		assertThat(Instant.parse(province.get("total").get("lastReportedAt").asString())).isEqualTo(T0.plusHours(1).toInstant());
		assertThat(cities.get("350100").get("lastSubmittedAt").isNull()).isFalse();
	}

	static java.util.List<String> latestIds(JsonNode rollup) {
		java.util.List<String> ids = new java.util.ArrayList<>();
		rollup.get("latest").forEach(s -> ids.add(s.get("sitrepId").asString()));
		return ids;
	}

	static Map<String, Object> drill(Map<String, Object> report) {
		report.put("exercise", true);
		return report;
	}

	static String report(HubClient city, Map<String, Object> report) {
		return city.request("incidents.report", report).block(Duration.ofSeconds(10)).get("incidentId").asString();
	}

	static void submit(HubClient city, Map<String, Object> sitrep) {
		city.request("sitreps.submit", sitrep).block(Duration.ofSeconds(10));
	}

	static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String uri, String token,
			Object body) {
		return hub.http().post().uri(uri).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body).exchange();
	}

	static Map<String, Object> sitrep(String sitrepId, String incident, String kind, OffsetDateTime at) {
		Map<String, Object> sitrep = new HashMap<>();
		sitrep.put("sitrepId", sitrepId);
		sitrep.put("incidentId", incident);
		sitrep.put("kind", kind);
		sitrep.put("reportedAt", at.toString());
		return sitrep;
	}

	static Map<String, Object> casualties(String sitrepId, String incident, OffsetDateTime at, long dead) {
		Map<String, Object> sitrep = sitrep(sitrepId, incident, "CASUALTY_AND_ILLNESS_SUMMARY", at);
		sitrep.put("casualtyAndIllnessSummary", Map.of("dead", dead, "injured", 4, "missing", 1, "ill", 0, "trapped", 0,
				"rescued", 2, "evacuated", 300, "sheltered", 120));
		return sitrep;
	}

	static Map<String, Object> resources(String sitrepId, String incident, OffsetDateTime at, long personnel) {
		Map<String, Object> sitrep = sitrep(sitrepId, incident, "RESPONSE_RESOURCES_TOTALS", at);
		sitrep.put("responseResourcesTotals", Map.of("personnel", personnel, "teams", 2, "vehicles", 5, "boats", 1,
				"aircraft", 0, "heavyEquipment", 1));
		return sitrep;
	}

	static Map<String, Object> situation(String sitrepId, String incident, OffsetDateTime at) {
		Map<String, Object> sitrep = sitrep(sitrepId, incident, "SITUATION_INFORMATION", at);
		sitrep.put("situationInformation", Map.of("summary", "Water receding", "severity", "MODERATE", "trend", "IMPROVING"));
		return sitrep;
	}

}
