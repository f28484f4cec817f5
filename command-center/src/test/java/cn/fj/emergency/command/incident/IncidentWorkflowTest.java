package cn.fj.emergency.command.incident;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident workflow through the real HTTP API and city link: legal transitions appear on the live stream and
 * in the timeline, illegal ones are refused with their codes, merges, dismissals, levels, assignment, concurrent
 * changes, and the city scope.
 */
class IncidentWorkflowTest {

	static Hub hub;

	static IncidentApi api;

	static String xiamen;

	static String officer;

	@BeforeAll
	static void startHub() {
		hub = Hub.cluster(1).get(0);
		api = new IncidentApi(hub);
		xiamen = hub.cityPlatformToken("350200").get("token").asString();
		officer = hub.officerToken(null, "DUTY_OFFICER");
	}

	@AfterAll
	static void stopHub() {
		hub.close();
	}

	/** Status changes of these incidents as a console receives them, live, from {@code after}. */
	static Flux<JsonNode> statusChanges(HubClient console, long after, Set<String> ids) {
		return console.stream("events.stream", Map.of("after", after, "streams", List.of("incidents")))
			.filter(e -> e.get("type").asString().equals("incident.status-changed"))
			.filter(e -> ids.contains(e.get("subjectId").asString()));
	}

	@Test
	void everyLegalTransitionAppearsOnTheLiveStreamInOrderAndInTheTimeline() {
		// given one incident for the whole path and, for each open status, one to dismiss and one to merge from it
		JsonNode target = api.reportInXiamen(xiamen);
		String targetId = target.get("incidentId").asString();
		String path = api.reportInXiamen(xiamen).get("incidentId").asString();
		Map<String, String> exits = new HashMap<>();
		for (String from : List.of("REPORTED", "VERIFIED", "RESPONDING", "CONTAINED")) {
			exits.put(from + ">DISMISSED", api.incidentAt(xiamen, officer, from, targetId));
			exits.put(from + ">MERGED", api.incidentAt(xiamen, officer, from, targetId));
		}
		Set<String> ids = new java.util.HashSet<>(exits.values());
		ids.add(path);
		// everything above is preparation: the stream is read from after it
		long after = api.reportInXiamen(xiamen).get("seq").asLong();
		List<String[]> expected = new ArrayList<>();
		for (String[] step : new String[][] { { "REPORTED", "VERIFIED" }, { "VERIFIED", "RESPONDING" },
				{ "RESPONDING", "CONTAINED" }, { "CONTAINED", "CLOSED" } }) {
			expected.add(new String[] { path, step[0], step[1] });
		}
		exits.forEach((key, id) -> expected.add(new String[] { id, key.split(">")[0], key.split(">")[1] }));
		List<JsonNode> answers = new ArrayList<>();
		List<JsonNode> eventsSeen = new ArrayList<>();

		try (HubClient console = hub.console(hub.dutyOfficerToken())) {
			// when the transitions are made while the console watches
			StepVerifier.create(statusChanges(console, after, ids).take(expected.size()))
				.then(() -> expected.forEach(step -> answers.add(transition(step[0], step[2], targetId))))
				.thenConsumeWhile(e -> true, e -> {
					String[] step = expected.get(eventsSeen.size());
					eventsSeen.add(e);
					assertThat(e.get("subjectId").asString()).isEqualTo(step[0]);
					assertThat(e.get("data").get("previousStatus").asString()).isEqualTo(step[1]);
					assertThat(e.get("data").get("status").asString()).isEqualTo(step[2]);
				})
				.expectComplete()
				.verify(Duration.ofSeconds(60));
		}

		// then each answer, event and timeline entry agree
		assertThat(eventsSeen).hasSize(expected.size());
		for (int i = 0; i < expected.size(); i++) {
			JsonNode event = eventsSeen.get(i);
			JsonNode data = event.get("data");
			assertThat(event.get("cities")).hasSize(1);
			assertThat(event.get("cities").get(0).asString()).isEqualTo("350200");
			assertThat(event.get("exercise").asBoolean()).isFalse();
			assertThat(data.get("version").asLong()).isEqualTo(answers.get(i).get("version").asLong());
			assertThat(data.get("by").asString()).startsWith("officer:");
			assertThat(data.has("at")).isTrue();
			if (expected.get(i)[2].equals("MERGED")) {
				assertThat(data.get("mergedInto").asString()).isEqualTo(targetId);
			}
			else {
				assertThat(data.has("mergedInto")).isFalse();
			}
			if (expected.get(i)[2].equals("DISMISSED")) {
				assertThat(data.get("reason").asString()).isEqualTo("false alarm");
			}
			List<JsonNode> timeline = IncidentApi.list(api.get("/api/incidents/" + expected.get(i)[0] + "/timeline", officer, 200));
			long seq = event.get("seq").asLong();
			assertThat(timeline).anySatisfy(entry -> {
				assertThat(entry.get("seq").asLong()).isEqualTo(seq);
				assertThat(entry.get("type").asString()).isEqualTo("incident.status-changed");
				assertThat(entry.get("data")).isEqualTo(data);
				assertThat(entry.get("by").asString()).isEqualTo(data.get("by").asString());
			});
			assertThat(timeline.get(0).get("type").asString()).isEqualTo("incident.reported");
		}
		List<JsonNode> pathTimeline = IncidentApi.list(api.get("/api/incidents/" + path + "/timeline", officer, 200));
		assertThat(pathTimeline).extracting(e -> e.get("type").asString())
			.containsExactly("incident.reported", "incident.status-changed", "incident.status-changed",
					"incident.status-changed", "incident.status-changed");
		assertThat(pathTimeline).extracting(e -> e.get("seq").asLong()).isSorted();
	}

	static JsonNode transition(String id, String to, String mergeTarget) {
		Map<String, Object> change = new HashMap<>();
		change.put("status", to);
		if (to.equals("DISMISSED")) {
			change.put("reason", "false alarm");
		}
		if (to.equals("MERGED")) {
			change.put("mergedInto", mergeTarget);
		}
		return api.status(id, officer, change, 200);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	// representative: a skip, a repeat, each way back, and each way out of each final status (StatusPolicyTest has all 49)
	@CsvSource({ "REPORTED, CLOSED", "REPORTED, REPORTED", "VERIFIED, REPORTED", "CONTAINED, RESPONDING",
			"CLOSED, VERIFIED", "CLOSED, DISMISSED", "DISMISSED, MERGED", "MERGED, DISMISSED" })
	void illegalTransitionsAreRefusedWithTheirCodeAndLeaveNoTrace(String from, String to) {
		String target = api.reportInXiamen(xiamen).get("incidentId").asString();
		String id = api.incidentAt(xiamen, officer, from, target);
		int entries = api.get("/api/incidents/" + id + "/timeline", officer, 200).size();
		JsonNode before = api.get("/api/incidents/" + id, officer, 200);
		Map<String, Object> change = new HashMap<>();
		change.put("status", to);
		change.put("reason", "because");
		if (to.equals("MERGED")) {
			change.put("mergedInto", target);
		}

		JsonNode problem = api.status(id, officer, change, 409);

		assertThat(problem.get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(problem.get("from").asString()).isEqualTo(from);
		assertThat(problem.get("to").asString()).isEqualTo(to);
		assertThat(api.get("/api/incidents/" + id, officer, 200)).isEqualTo(before);
		assertThat(api.get("/api/incidents/" + id + "/timeline", officer, 200).size()).isEqualTo(entries);
	}

	@Test
	void aDrillStaysADrillInEveryEventAndView() {
		Map<String, Object> drill = Reports.xiamen("wf-drill-" + java.util.UUID.randomUUID());
		drill.put("exercise", true);
		JsonNode receipt = api.post("/api/incidents", xiamen, drill, 200);
		String id = receipt.get("incidentId").asString();

		api.moveTo(id, officer, "VERIFIED");
		api.post("/api/incidents/" + id + "/notes", officer, Map.of("text", "drill going well"), 201);
		api.post("/api/incidents/" + id + "/level", officer, Map.of("level", "II", "reason", "drill escalation"), 200);

		assertThat(api.get("/api/incidents/" + id, officer, 200).get("exercise").asBoolean()).isTrue();
		List<JsonNode> timeline = IncidentApi.list(api.get("/api/incidents/" + id + "/timeline", officer, 200));
		assertThat(timeline).hasSize(4).allSatisfy(entry -> assertThat(entry.get("exercise").asBoolean()).isTrue());
		assertThat(search(id)).isTrue();
		try (HubClient console = hub.console(officer)) {
			StepVerifier.create(console.stream("events.stream", Map.of("after", receipt.get("seq").asLong() - 1))
					.filter(e -> id.equals(e.get("subjectId").asString()))
					.take(4))
				.recordWith(ArrayList::new)
				.expectNextCount(4)
				.consumeRecordedWith(events -> {
					assertThat(events).extracting(e -> e.get("type").asString()).containsExactly("incident.reported",
							"incident.status-changed", "incident.note-added", "incident.level-changed");
					assertThat(events).allSatisfy(e -> assertThat(e.get("exercise").asBoolean()).isTrue());
				})
				.expectComplete()
				.verify(Duration.ofSeconds(10));
		}
	}

	static boolean search(String id) {
		JsonNode page = api.get("/api/incidents?city=350200&exercise=true&size=200", officer, 200);
		for (JsonNode item : page.get("items")) {
			if (item.get("id").asString().equals(id)) {
				return item.get("exercise").asBoolean();
			}
		}
		return false;
	}

	@Test
	void dismissingNeedsAReason() {
		String id = api.reportInXiamen(xiamen).get("incidentId").asString();

		JsonNode problem = api.status(id, officer, Map.of("status", "DISMISSED", "reason", "  "), 400);

		assertThat(problem.get("code").asString()).isEqualTo("REASON_REQUIRED");
		assertThat(problem.get("field").asString()).isEqualTo("reason");
		JsonNode dismissed = api.status(id, officer, Map.of("status", "DISMISSED", "reason", "prank call"), 200);
		assertThat(dismissed.get("status").asString()).isEqualTo("DISMISSED");
		assertThat(dismissed.get("version").asLong()).isEqualTo(2);
	}

	@Test
	void mergesOnlyIntoAnOpenIncidentTheActorMaySee() {
		String survivor = api.reportInXiamen(xiamen).get("incidentId").asString();
		String closed = api.incidentAt(xiamen, officer, "CLOSED", survivor);
		String duplicate = api.reportInXiamen(xiamen).get("incidentId").asString();
		String fuzhouIncident = api.post("/api/incidents", officer, Reports.fuzhou("wf-fz-" + java.util.UUID.randomUUID()), 200)
			.get("incidentId").asString();

		assertMergeRefused(duplicate, officer, duplicate, "SELF");
		assertMergeRefused(duplicate, officer, "0193a0d2-77aa-7c01-9b3e-5d1f0e2c4a68", "UNKNOWN");
		assertMergeRefused(duplicate, officer, closed, "FINISHED");
		assertMergeRefused(duplicate, xiamen, fuzhouIncident, "UNKNOWN");
		JsonNode merged = api.status(duplicate, xiamen, Map.of("status", "MERGED", "mergedInto", survivor), 200);

		assertThat(merged.get("status").asString()).isEqualTo("MERGED");
		assertThat(merged.get("mergedInto").asString()).isEqualTo(survivor);
		assertMergeRefused(api.reportInXiamen(xiamen).get("incidentId").asString(), officer, duplicate, "FINISHED");
		// a province-wide officer may merge across cities
		assertThat(api.status(fuzhouIncident, officer, Map.of("status", "MERGED", "mergedInto", survivor), 200)
			.get("mergedInto").asString()).isEqualTo(survivor);
	}

	static void assertMergeRefused(String id, String token, String target, String problem) {
		JsonNode refusal = api.status(id, token, Map.of("status", "MERGED", "mergedInto", target), 409);
		assertThat(refusal.get("code").asString()).isEqualTo("MERGE_TARGET_INVALID");
		assertThat(refusal.get("problem").asString()).isEqualTo(problem);
	}

	@Test
	void levelChangesNeedAReasonAndAreStreamedWithThePreviousLevel() {
		JsonNode receipt = api.reportInXiamen(xiamen);
		String id = receipt.get("incidentId").asString();

		assertThat(api.post("/api/incidents/" + id + "/level", officer, Map.of("level", "I"), 400).get("code").asString())
			.isEqualTo("REASON_REQUIRED");
		assertThat(api.post("/api/incidents/" + id + "/level", officer, Map.of("level", "III", "reason", "x"), 409)
			.get("code").asString()).isEqualTo("LEVEL_UNCHANGED");
		assertThat(api.post("/api/incidents/" + id + "/level", xiamen, Map.of("level", "I", "reason", "x"), 403)
			.get("code").asString()).isEqualTo("ACCESS_DENIED");
		JsonNode raised = api.post("/api/incidents/" + id + "/level", officer, Map.of("level", "I", "reason", "dyke breached"), 200);
		JsonNode lowered = api.post("/api/incidents/" + id + "/level", officer,
				Map.of("level", "II", "reason", "breach closed", "expectedVersion", 2), 200);

		assertThat(raised.get("level").asString()).isEqualTo("I");
		assertThat(lowered.get("version").asLong()).isEqualTo(3);
		try (HubClient console = hub.console(hub.dutyOfficerToken())) {
			StepVerifier.create(console.stream("events.stream", Map.of("after", receipt.get("seq").asLong()))
					.filter(e -> e.get("type").asString().equals("incident.level-changed") && e.get("subjectId").asString().equals(id))
					.take(2))
				.assertNext(e -> {
					JsonNode data = e.get("data");
					assertThat(data.get("level").asString()).isEqualTo("I");
					assertThat(data.get("previousLevel").asString()).isEqualTo("III");
					assertThat(data.get("reason").asString()).isEqualTo("dyke breached");
					assertThat(data.get("cityCode").asString()).isEqualTo("350200");
					assertThat(data.get("version").asLong()).isEqualTo(2);
					assertThat(data.get("by").asString()).startsWith("officer:");
				})
				.assertNext(e -> assertThat(e.get("data").get("previousLevel").asString()).isEqualTo("I"))
				.expectComplete()
				.verify(Duration.ofSeconds(10));
		}
	}

	@Test
	void assignsOnlyToDutyOfficersAndCommanders() {
		String id = api.reportInXiamen(xiamen).get("incidentId").asString();
		String commander = api.username(hub.officerToken(null, "COMMANDER"));
		String administrator = api.username(hub.officerToken(null, "ADMIN"));
		String fuzhouOfficer = api.username(hub.officerToken("350100", "DUTY_OFFICER"));

		for (String refused : List.of(administrator, fuzhouOfficer, "nobody-at-all")) {
			JsonNode problem = api.post("/api/incidents/" + id + "/assignment", officer, Map.of("assignee", refused), 400);
			assertThat(problem.get("code").asString()).isEqualTo("ASSIGNEE_INVALID");
		}
		JsonNode assigned = api.post("/api/incidents/" + id + "/assignment", officer, Map.of("assignee", commander), 200);

		assertThat(assigned.get("assignee").asString()).isEqualTo(commander);
		List<JsonNode> timeline = IncidentApi.list(api.get("/api/incidents/" + id + "/timeline", officer, 200));
		assertThat(timeline.get(1).get("type").asString()).isEqualTo("incident.assigned");
		assertThat(timeline.get(1).get("data").get("assignee").asString()).isEqualTo(commander);
	}

	@Test
	void aChangeMadeAgainstAStaleVersionIsRefusedAndConcurrentOnesTakeTurns() {
		String id = api.reportInXiamen(xiamen).get("incidentId").asString();
		Map<String, Object> verify = Map.of("status", "VERIFIED", "expectedVersion", 1);

		org.springframework.web.reactive.function.client.WebClient client = org.springframework.web.reactive.function.client.WebClient
			.create("http://127.0.0.1:" + hub.httpPort());
		List<Integer> statuses = Flux.range(0, 4)
			.flatMap(i -> client.post()
				.uri("/api/incidents/" + id + "/status")
				.headers(h -> h.setBearerAuth(officer))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.bodyValue(verify)
				.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())))
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(statuses).containsExactlyInAnyOrder(200, 409, 409, 409);
		JsonNode conflict = api.status(id, officer, Map.of("status", "RESPONDING", "expectedVersion", 1), 409);
		assertThat(conflict.get("code").asString()).isEqualTo("VERSION_CONFLICT");
		assertThat(conflict.get("version").asLong()).isEqualTo(2);
		assertThat(api.status(id, officer, Map.of("status", "RESPONDING", "expectedStatus", "VERIFIED"), 200)
			.get("version").asLong()).isEqualTo(3);
		assertThat(api.get("/api/incidents/" + id + "/timeline", officer, 200).size()).isEqualTo(3);
	}

	@Test
	void aCityMovesAndAnnotatesItsOwnIncidentsOverTheCityLinkButNeverAnotherCitys() {
		String id = api.reportInXiamen(xiamen).get("incidentId").asString();
		try (HubClient xm = hub.city("350200"); HubClient fz = hub.city("350100")) {
			StepVerifier.create(fz.request("incidents.update-status", Map.of("incidentId", id, "status", "VERIFIED")))
				.expectErrorSatisfies(e -> assertThat(HubClient.errorBody(e).get("code").asString()).isEqualTo("NOT_FOUND"))
				.verify(Duration.ofSeconds(10));
			StepVerifier.create(fz.request("incidents.add-note", Map.of("incidentId", id, "text", "ours?")))
				.expectErrorSatisfies(e -> assertThat(HubClient.errorBody(e).get("code").asString()).isEqualTo("NOT_FOUND"))
				.verify(Duration.ofSeconds(10));

			JsonNode verified = xm.request("incidents.update-status", Map.of("incidentId", id, "status", "VERIFIED",
					"expectedStatus", "REPORTED")).block(Duration.ofSeconds(10));
			JsonNode note = xm.request("incidents.add-note", Map.of("incidentId", id, "text", "pumps on site"))
				.block(Duration.ofSeconds(10));

			assertThat(verified.get("status").asString()).isEqualTo("VERIFIED");
			assertThat(note.get("type").asString()).isEqualTo("incident.note-added");
			assertThat(note.get("by").asString()).isEqualTo("city:350200");
			assertThat(note.get("data").get("text").asString()).isEqualTo("pumps on site");
		}
		String fuzhou = hub.cityPlatformToken("350100").get("token").asString();
		assertThat(api.get("/api/incidents/" + id, fuzhou, 404).get("code").asString()).isEqualTo("NOT_FOUND");
		assertThat(api.get("/api/incidents/" + id + "/timeline", fuzhou, 404).get("code").asString()).isEqualTo("NOT_FOUND");
		assertThat(api.status(id, fuzhou, Map.of("status", "RESPONDING"), 404).get("code").asString()).isEqualTo("NOT_FOUND");
		assertThat(api.post("/api/incidents/" + id + "/notes", fuzhou, Map.of("text", "x"), 404).get("code").asString())
			.isEqualTo("NOT_FOUND");
		assertThat(api.post("/api/incidents/" + id + "/notes", officer, Map.of("text", "province noted"), 201)
			.get("seq").asLong()).isPositive();
	}

}
