package cn.fj.emergency.command.disaster;

import java.security.PublicKey;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.stream.persistence.EventStore;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Disaster events and responses end to end on a real hub (PostgreSQL, Redis): the membership rule, taking a member
 * out, the response's activate / raise / lower / end with their refusals, signatures, log events, audit records,
 * the national forward of a raise into Ⅱ, and what each city sees on its link.
 */
class DisasterEventsAndResponsesTest {

	static final Duration WAIT = Duration.ofSeconds(20);

	static Hub hub;

	static String commander;

	static String commanderName;

	static String duty;

	static String admin;

	@BeforeAll
	static void startHub() {
		Map<String, Object> settings = Hub.freshHubSettings();
		settings.put("hub.disaster-events.rule-interval", "200ms");
		settings.put("hub.national.poll-interval", "100ms");
		hub = Hub.start(settings);
		commander = hub.officerToken(null, "COMMANDER");
		commanderName = hub.getJson("/api/auth/me", commander).get("subject").asString();
		duty = hub.dutyOfficerToken();
		admin = hub.adminToken();
	}

	@AfterAll
	static void stopHub() {
		hub.close();
	}

	static Map<String, Object> event(String name, List<String> cities, String category) {
		Map<String, Object> event = new HashMap<>();
		event.put("category", category);
		event.put("nameZh", name);
		event.put("nameEn", "Typhoon " + name);
		event.put("cities", cities);
		event.put("startsAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0).toString());
		return event;
	}

	static JsonNode report(HubClient city, Map<String, Object> report) {
		return city.request("incidents.report", report).block(WAIT);
	}

	static Map<String, Object> typhoonReport(Map<String, Object> report) {
		report.put("category", "1201");
		return report;
	}

	static Map<String, Object> body(Object... pairs) {
		Map<String, Object> body = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			body.put((String) pairs[i], pairs[i + 1]);
		}
		return body;
	}

	static JsonNode page(String eventId) {
		return hub.getJson("/api/disaster-events/" + eventId, duty);
	}

	static List<String> members(JsonNode page, boolean active) {
		List<String> ids = new ArrayList<>();
		page.get("members").forEach(m -> {
			if (m.get("removedAt").isNull() == active) {
				ids.add(m.get("memberId").asString());
			}
		});
		return ids;
	}

	static JsonNode await(Supplier<JsonNode> poll, Predicate<JsonNode> until) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		JsonNode last = poll.get();
		while (!until.test(last) && System.nanoTime() < deadline) {
			LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
			last = poll.get();
		}
		return last;
	}

	static long head() {
		return hub.context().getBean(EventStore.class).head().block(WAIT);
	}

	static void refused(String uri, String token, Object body, int status, String code) {
		assertThat(hub.postJson(uri, token, body, status).get("code").asString()).isEqualTo(code);
	}

	static Jws<Claims> verifyAsACity(String jws) {
		JsonNode jwks = hub.getJson("/api/auth/jwks", admin);
		Jwk<?> jwk = Jwks.parser().build().parse(jwks.get("keys").get(0).toString());
		return Jwts.parser().verifyWith((PublicKey) jwk.toKey()).requireIssuer("fj-emergency-hub").build()
			.parseSignedClaims(jws);
	}

	static List<JsonNode> audit() {
		List<JsonNode> all = new ArrayList<>();
		hub.getJson("/api/admin/audit?limit=1000", admin).forEach(all::add);
		return all;
	}

	@Test
	void incidentsOfTheCategoryInTheAreaJoinByRuleAndOneTakenOutStaysOut() {
		JsonNode event = hub.postJson("/api/disaster-events", commander,
				event("台风“杜苏芮”过程", List.of("350900", "350100"), "1201"), 200);
		String eventId = event.get("id").asString();
		assertThat(event.get("state").asString()).isEqualTo("OPEN");
		assertThat(event.get("concernedCities").valueStream().map(JsonNode::asString)).containsExactly("350100", "350900");

		try (HubClient fuzhou = hub.city("350100"); HubClient xiamen = hub.city("350200")) {
			String inFuzhou = report(fuzhou, typhoonReport(Reports.fuzhou("rule-fz-1"))).get("incidentId").asString();
			String takenOut = report(fuzhou, typhoonReport(Reports.fuzhou("rule-fz-2"))).get("incidentId").asString();
			String otherCategory = report(fuzhou, Reports.fuzhou("rule-fz-flood")).get("incidentId").asString();
			String inXiamen = report(xiamen, typhoonReport(Reports.xiamen("rule-xm-1"))).get("incidentId").asString();
			Map<String, Object> drill = typhoonReport(Reports.fuzhou("rule-fz-drill"));
			drill.put("exercise", true);
			String drillInFuzhou = report(fuzhou, drill).get("incidentId").asString();

			JsonNode joined = await(() -> page(eventId), p -> members(p, true).containsAll(List.of(inFuzhou, takenOut)));
			assertThat(members(joined, true)).contains(inFuzhou, takenOut).doesNotContain(inXiamen, otherCategory, drillInFuzhou);
			assertThat(joined.get("counts").get("incidents").asLong()).isEqualTo(2);
			assertThat(joined.get("counts").get("incidentsByLevel").get("III").asLong()).isEqualTo(2);

			// a duty officer takes one out: a reason is required
			refused("/api/disaster-events/" + eventId + "/members/remove", duty, body("kind", "INCIDENT", "memberId", takenOut),
					400, "REASON_REQUIRED");
			JsonNode removed = hub.postJson("/api/disaster-events/" + eventId + "/members/remove", duty,
					body("kind", "INCIDENT", "memberId", takenOut, "reason", "Not caused by the typhoon"), 200);
			assertThat(removed.get("removeReason").asString()).isEqualTo("Not caused by the typhoon");

			// several rule rounds later it is still out; a new incident in the area still joins
			String later = report(fuzhou, typhoonReport(Reports.fuzhou("rule-fz-3"))).get("incidentId").asString();
			JsonNode after = await(() -> page(eventId), p -> members(p, true).contains(later));
			LockSupport.parkNanos(Duration.ofMillis(800).toNanos());
			after = page(eventId);
			assertThat(members(after, true)).contains(inFuzhou, later).doesNotContain(takenOut, inXiamen, drillInFuzhou);
			// nor may an officer mix a drill into a real event
			assertThat(hub.postJson("/api/disaster-events/" + eventId + "/members", duty,
					body("kind", "INCIDENT", "memberId", drillInFuzhou), 409).get("code").asString())
				.isEqualTo("MEMBER_EXERCISE_MISMATCH");
			assertThat(members(after, false)).containsExactly(takenOut);

			// by hand: the Xiamen incident may be added by an officer, with who and why
			JsonNode added = hub.postJson("/api/disaster-events/" + eventId + "/members", duty,
					body("kind", "INCIDENT", "memberId", inXiamen, "reason", "Outer rain band"), 200);
			assertThat(added.get("joinedByRule").asBoolean()).isFalse();
			// what the hub does not hold cannot be added
			JsonNode unknown = hub.postJson("/api/disaster-events/" + eventId + "/members", duty,
					body("kind", "WARNING", "memberId", "35000041600000-20260727080000-0001"), 404);
			assertThat(unknown.get("code").asString()).isEqualTo("NOT_FOUND");
			assertThat(unknown.get("field").asString()).isEqualTo("memberId");
			assertThat(page(eventId).get("counts").get("warningsInForce").asLong()).isZero();

			// the timeline shows the member events and the incidents' own events, newest first
			JsonNode timeline = hub.getJson("/api/disaster-events/" + eventId + "/timeline?size=100", duty);
			List<String> types = timeline.get("events").valueStream().map(e -> e.get("type").asString()).toList();
			assertThat(types).contains("disaster-event.opened", "disaster-event.member-added",
					"disaster-event.member-removed", "incident.reported");
			List<Long> seqs = timeline.get("events").valueStream().map(e -> e.get("seq").asLong()).toList();
			assertThat(seqs).isSortedAccordingTo((a, b) -> Long.compare(b, a));
		}
	}

	@Test
	void aCommanderRunsTheResponseEachChangeSignedLoggedAuditedAndIiForwarded() {
		long start = head();
		String eventId = hub.postJson("/api/disaster-events", commander,
				event("台风“海葵”过程", List.of("350100", "350900"), "1201"), 200).get("id").asString();
		String base = "/api/disaster-events/" + eventId + "/response/";

		// refused: a duty officer, a missing reason, an unknown level
		refused(base + "activate", duty, body("level", "RESPONSE_IV", "reason", "Typhoon approaching"), 403, "ACCESS_DENIED");
		refused(base + "activate", commander, body("level", "RESPONSE_IV"), 400, "REASON_REQUIRED");
		refused(base + "activate", commander, body("level", "IV", "reason", "x"), 400, "INVALID_RESPONSE_LEVEL");
		refused(base + "raise", commander, body("level", "RESPONSE_II", "reason", "x"), 409, "NO_ACTIVE_RESPONSE");

		JsonNode activated = hub.postJson(base + "activate", commander,
				body("level", "RESPONSE_IV", "reason", "Typhoon Haikui expected to land within 48 hours"), 200);
		String responseId = activated.get("id").asString();
		assertThat(activated.get("level").asString()).isEqualTo("RESPONSE_IV");
		assertThat(activated.get("planId").isNull()).isTrue();
		refused(base + "activate", commander, body("level", "RESPONSE_III", "reason", "again"), 409, "RESPONSE_ALREADY_ACTIVE");
		refused(base + "raise", commander, body("level", "RESPONSE_IV", "reason", "same"), 409, "RESPONSE_LEVEL_NOT_HIGHER");
		refused(base + "raise", duty, body("level", "RESPONSE_II", "reason", "x"), 403, "ACCESS_DENIED");
		refused(base + "raise", commander, body("level", "RESPONSE_II"), 400, "REASON_REQUIRED");

		// the province-wide list shows it
		JsonNode active = hub.getJson("/api/disaster-responses", duty);
		assertThat(active.get("responses").valueStream().map(r -> r.get("responseId").asString())).contains(responseId);

		JsonNode raised = hub.postJson(base + "raise", commander,
				body("level", "RESPONSE_II", "reason", "Red typhoon warning for Fuzhou and Ningde"), 200);
		refused(base + "lower", commander, body("level", "RESPONSE_I", "reason", "x"), 409, "RESPONSE_LEVEL_NOT_LOWER");
		JsonNode lowered = hub.postJson(base + "lower", commander, body("level", "RESPONSE_III", "reason", "Weakened"), 200);
		refused(base + "end", commander, body(), 400, "REASON_REQUIRED");
		refused(base + "end", duty, body("reason", "Passed"), 403, "ACCESS_DENIED");
		JsonNode ended = hub.postJson(base + "end", commander, body("reason", "The typhoon has passed"), 200);
		assertThat(raised.get("level").asString()).isEqualTo("RESPONSE_II");
		assertThat(lowered.get("level").asString()).isEqualTo("RESPONSE_III");
		assertThat(ended.get("state").asString()).isEqualTo("ENDED");
		assertThat(hub.getJson("/api/disaster-responses", duty).get("responses").valueStream()
			.map(r -> r.get("responseId").asString())).doesNotContain(responseId);

		// four signed changes, each verifiable with the hub's published key
		JsonNode changes = ended.get("changes");
		assertThat(changes.valueStream().map(c -> c.get("action").asString()))
			.containsExactly("ACTIVATED", "RAISED", "LOWERED", "ENDED");
		List<String> levels = List.of("RESPONSE_IV", "RESPONSE_II", "RESPONSE_III", "RESPONSE_III");
		for (int i = 0; i < 4; i++) {
			JsonNode change = changes.get(i);
			Jws<Claims> verified = verifyAsACity(change.get("jws").asString());
			assertThat(verified.getHeader().getType()).isEqualTo("response+jwt");
			Claims claims = verified.getPayload();
			assertThat(claims.get("responseId", String.class)).isEqualTo(responseId);
			assertThat(claims.get("eventId", String.class)).isEqualTo(eventId);
			assertThat(claims.get("action", String.class)).isEqualTo(change.get("action").asString());
			assertThat(claims.get("level", String.class)).isEqualTo(levels.get(i));
			assertThat(claims.get("reason", String.class)).isEqualTo(change.get("reason").asString());
			assertThat(claims.get("changedBy", String.class)).isEqualTo(commanderName);
			assertThat(change.get("seq").isNull()).isFalse();
		}

		// each change on the log, in the event's timeline, and in the audit trail as the commander's act
		JsonNode timeline = hub.getJson("/api/disaster-events/" + eventId + "/timeline", duty);
		assertThat(timeline.get("events").valueStream().map(e -> e.get("type").asString())).containsSubsequence(
				"disaster-response.ended", "disaster-response.lowered", "disaster-response.raised",
				"disaster-response.activated", "disaster-event.opened");
		List<JsonNode> trail = audit();
		for (String action : List.of("disaster-response.activated", "disaster-response.raised",
				"disaster-response.lowered", "disaster-response.ended")) {
			assertThat(trail).as(action).anySatisfy(r -> {
				assertThat(r.get("action").asString()).isEqualTo(action);
				assertThat(r.path("subject").asString()).isEqualTo(responseId);
				assertThat(r.toString()).contains(commanderName);
			});
		}
		assertThat(trail).anySatisfy(r -> {
			assertThat(r.get("action").asString()).isEqualTo("disaster-event.opened");
			assertThat(r.path("subject").asString()).isEqualTo(eventId);
		});

		// the raise into Ⅱ is queued for the national platform; the Ⅳ activation is not
		JsonNode upstream = await(() -> hub.getJson("/api/upstream", duty),
				list -> list.valueStream().anyMatch(f -> eventId.equals(f.get("incidentId").asString())));
		List<JsonNode> forwards = upstream.valueStream().filter(f -> eventId.equals(f.get("incidentId").asString())).toList();
		assertThat(forwards).hasSize(1);
		assertThat(forwards.get(0).get("kind").asString()).isEqualTo("RESPONSE_RAISED");
		assertThat(forwards.get(0).get("level").asString()).isEqualTo("II");
		assertThat(forwards.get(0).get("previousLevel").asString()).isEqualTo("IV");
		assertThat(forwards.get(0).get("cityCode").asString()).isEqualTo("350100");
		assertThat(forwards.get(0).get("exercise").asBoolean()).isFalse();

		// Ningde (concerned) sees the response's events on its link
		try (HubClient ningde = hub.city("350900")) {
			StepVerifier.create(ningde.stream("events.stream", Map.of("after", start, "streams", List.of("disaster-responses")))
				.take(4)
				.map(e -> e.get("type").asString()))
				.expectNext("disaster-response.activated", "disaster-response.raised", "disaster-response.lowered",
						"disaster-response.ended")
				.verifyComplete();
		}
	}

	@Test
	void aCitySeesItsOwnEventsAndNotAnotherCitys() {
		long start = head();
		String notForXiamen = hub.postJson("/api/disaster-events", commander,
				event("闽江洪水", List.of("350100"), "1101"), 200).get("id").asString();
		String forXiamen = hub.postJson("/api/disaster-events", commander,
				event("厦门内涝", List.of("350200"), "1102"), 200).get("id").asString();
		hub.postJson("/api/disaster-events/" + notForXiamen + "/response/activate", commander,
				body("level", "RESPONSE_III", "reason", "Min River flood peak"), 200);
		String xiamenToken = hub.cityPlatformToken("350200").get("token").asString();
		try (HubClient xiamen = HubClient.tcp(hub.cityLinkPort(), xiamenToken)) {
			StepVerifier.create(xiamen.stream("events.stream",
					Map.of("after", start, "streams", List.of("disaster-events", "disaster-responses"))))
				.assertNext(e -> {
					assertThat(e.get("type").asString()).isEqualTo("disaster-event.opened");
					assertThat(e.get("subjectId").asString()).isEqualTo(forXiamen);
				})
				.thenCancel()
				.verify(WAIT);
		}
		// over HTTP, another city's event does not exist for Xiamen; its own does
		hub.http().get().uri("/api/disaster-events/" + notForXiamen).headers(h -> h.setBearerAuth(xiamenToken)).exchange()
			.expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
		assertThat(hub.getJson("/api/disaster-events/" + forXiamen, xiamenToken).get("event").get("id").asString())
			.isEqualTo(forXiamen);
		assertThat(hub.getJson("/api/disaster-events?size=200", xiamenToken).get("events").valueStream()
			.map(e -> e.get("id").asString())).contains(forXiamen).doesNotContain(notForXiamen);
		assertThat(hub.getJson("/api/disaster-responses", xiamenToken).get("responses")).isEmpty();
	}

}
