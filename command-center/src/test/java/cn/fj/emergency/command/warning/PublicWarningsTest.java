package cn.fj.emergency.command.warning;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.HubEvent;
import cn.fj.emergency.command.stream.persistence.EventStore;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.WarningContents;
import cn.fj.emergency.command.support.HubClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public warnings end to end on a hub of two instances: dual control over HTTP and RSocket, the lifecycle through
 * publication, update, cancellation and expiry (exactly once across the instances), targeting to the city platforms
 * on {@code warnings.stream}, Exercise carried through, and identifiers unique under concurrency.
 */
class PublicWarningsTest {

	static final Duration WAIT = Duration.ofSeconds(15);

	static Hub hub;

	static Hub other;

	static String author;

	static String secondOfficer;

	static String commander;

	@BeforeAll
	static void startHub() {
		Map<String, Object> settings = Hub.freshHubSettings();
		settings.put("hub.warnings.expiry-check-interval", "200ms");
		hub = Hub.start(settings);
		other = Hub.start(settings);
		author = hub.officerToken(null, "DUTY_OFFICER");
		secondOfficer = hub.officerToken(null, "DUTY_OFFICER");
		commander = hub.officerToken(null, "COMMANDER");
	}

	@AfterAll
	static void stopHub() {
		other.close();
		hub.close();
	}

	static Map<String, Object> content(String colour, String status, List<String> codes, OffsetDateTime expires) {
		return WarningContents.content(colour, status, codes, expires);
	}

	static Map<String, Object> yellow(List<String> codes) {
		return content("yellow", "Actual", codes, inHours(6));
	}

	static OffsetDateTime inHours(int hours) {
		return WarningContents.inHours(hours);
	}

	static WebTestClient.ResponseSpec post(Hub on, String uri, String token, Object body) {
		return on.http()
			.post()
			.uri(uri)
			.headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	static JsonNode ok(WebTestClient.ResponseSpec response) {
		return response.expectStatus().is2xxSuccessful().expectBody(JsonNode.class).returnResult().getResponseBody();
	}

	static void refused(WebTestClient.ResponseSpec response, int status, String code) {
		response.expectStatus().isEqualTo(status).expectBody().jsonPath("$.code").isEqualTo(code);
	}

	static String compose(String token, Map<String, Object> content) {
		JsonNode draft = ok(post(hub, "/api/warnings", token, content));
		assertThat(draft.get("state").asString()).isEqualTo("DRAFT");
		return draft.get("identifier").asString();
	}

	static String submitted(String token, Map<String, Object> content) {
		String id = compose(token, content);
		assertThat(ok(post(hub, "/api/warnings/" + id + "/submit", token, Map.of())).get("state").asString())
			.isEqualTo("SUBMITTED");
		return id;
	}

	/** Composed by the author, approved by the second officer (a commander for red and orange), published. */
	static JsonNode published(Map<String, Object> content, String reviewer) {
		String id = submitted(author, content);
		ok(post(hub, "/api/warnings/" + id + "/approve", reviewer, Map.of()));
		JsonNode published = ok(post(hub, "/api/warnings/" + id + "/publish", author, Map.of()));
		assertThat(published.get("state").asString()).isEqualTo("PUBLISHED");
		return published;
	}

	static JsonNode get(String id) {
		return hub.getJson("/api/warnings/" + id, author);
	}

	static String capXml(String id) {
		return hub.http().get().uri("/api/warnings/" + id + "/cap").headers(h -> h.setBearerAuth(author)).exchange()
			.expectStatus().isOk()
			.expectHeader().contentType("application/cap+xml")
			.expectBody(String.class).returnResult().getResponseBody();
	}

	static long head() {
		return hub.context().getBean(EventStore.class).head().block(WAIT);
	}

	static List<HubEvent> eventsAfter(long after) {
		return hub.context().getBean(EventLog.class).readAfter(after, 10_000).collectList().block(WAIT);
	}

	static double checks(Hub on) {
		return on.context().getBean(MeterRegistry.class).counter("hub.warnings.expiry.checks").count();
	}

	static String rsocketRefusal(HubClient client, String route, Object request) {
		Throwable[] error = new Throwable[1];
		StepVerifier.create(client.request(route, request)).expectErrorSatisfies(e -> error[0] = e).verify(WAIT);
		return HubClient.errorBody(error[0]).get("code").asString();
	}

	@Test
	void theAuthorCannotApproveTheirOwnWarningOverHttpOrRSocketButASecondOfficerCan() {
		String id = submitted(author, yellow(List.of("350102")));

		refused(post(hub, "/api/warnings/" + id + "/approve", author, Map.of()), 403, "WARNING_SELF_APPROVAL");
		refused(post(hub, "/api/warnings/" + id + "/reject", author, Map.of("comment", "no")), 403, "WARNING_SELF_APPROVAL");
		try (HubClient console = hub.console(author)) {
			assertThat(rsocketRefusal(console, "warnings.approve", Map.of("identifier", id))).isEqualTo("WARNING_SELF_APPROVAL");
			assertThat(rsocketRefusal(console, "warnings.reject", Map.of("identifier", id, "comment", "no")))
				.isEqualTo("WARNING_SELF_APPROVAL");
		}
		assertThat(get(id).get("state").asString()).isEqualTo("SUBMITTED");

		try (HubClient console = hub.console(secondOfficer)) {
			StepVerifier.create(console.request("warnings.approve", Map.of("identifier", id, "comment", "checked")))
				.assertNext(approved -> {
					assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
					assertThat(approved.get("reviews").get(0).get("approved").asBoolean()).isTrue();
				})
				.verifyComplete();
		}
	}

	@Test
	void aSecondOfficerApprovesOverHttp() {
		String id = submitted(author, yellow(List.of("350102")));
		assertThat(ok(post(hub, "/api/warnings/" + id + "/approve", secondOfficer, Map.of())).get("state").asString())
			.isEqualTo("APPROVED");
	}

	@Test
	void aDepartmentSubmitsACapDocumentForApprovalButNeverReviewsIt() {
		String department = hub.http().post().uri("/api/admin/service-tokens").headers(h -> h.setBearerAuth(hub.adminToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("subject", "meteorological-bureau", "roles", Set.of("DEPARTMENT"), "description", "test"))
			.exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
			.get("token").asString();
		String cap = capXml(compose(author, yellow(List.of("350203"))));

		JsonNode draft = ok(hub.http().post().uri("/api/warnings").headers(h -> h.setBearerAuth(department))
			.contentType(MediaType.parseMediaType("application/cap+xml")).bodyValue(cap).exchange());
		String id = draft.get("identifier").asString();
		assertThat(draft.get("author").asString()).isEqualTo("service:meteorological-bureau");
		assertThat(draft.get("countyCodes").toString()).contains("350203");
		ok(post(hub, "/api/warnings/" + id + "/submit", department, Map.of()));

		refused(post(hub, "/api/warnings/" + id + "/approve", department, Map.of()), 403, "ACCESS_DENIED");
		refused(post(hub, "/api/warnings/" + id + "/publish", department, Map.of()), 403, "ACCESS_DENIED");
		assertThat(ok(post(hub, "/api/warnings/" + id + "/approve", author, Map.of())).get("state").asString())
			.isEqualTo("APPROVED");
	}

	@Test
	void aRedWarningNeedsACommander() {
		String id = submitted(author, content("red", "Actual", List.of("350102"), inHours(6)));

		refused(post(hub, "/api/warnings/" + id + "/approve", secondOfficer, Map.of()), 403, "WARNING_COMMANDER_REQUIRED");

		assertThat(ok(post(hub, "/api/warnings/" + id + "/approve", commander, Map.of())).get("state").asString())
			.isEqualTo("APPROVED");
	}

	@Test
	void aRejectionNeedsAComment() {
		String id = submitted(author, yellow(List.of("350102")));

		refused(post(hub, "/api/warnings/" + id + "/reject", secondOfficer, Map.of()), 400, "WARNING_COMMENT_REQUIRED");

		JsonNode rejected = ok(post(hub, "/api/warnings/" + id + "/reject", secondOfficer, Map.of("comment", "wrong area")));
		assertThat(rejected.get("state").asString()).isEqualTo("REJECTED");
		assertThat(rejected.get("reviews").get(0).get("comment").asString()).isEqualTo("wrong area");
	}

	@Test
	void aPublishedWarningIsImmutableAndItsDocumentIsThePublishedBytes() {
		JsonNode published = published(yellow(List.of("350102")), secondOfficer);
		String id = published.get("identifier").asString();
		String before = capXml(id);

		refused(hub.http().put().uri("/api/warnings/" + id).headers(h -> h.setBearerAuth(author))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(yellow(List.of("350203"))).exchange(), 409,
				"WARNING_PUBLISHED_IMMUTABLE");
		refused(post(hub, "/api/warnings/" + id + "/publish", author, Map.of()), 409, "WARNING_STATE_CONFLICT");

		assertThat(capXml(id)).isEqualTo(before).contains("<identifier>" + id + "</identifier>").contains("+08:00");
		assertThat(get(id).get("countyCodes").toString()).contains("350102").doesNotContain("350203");
	}

	@Test
	void anUpdateReferencesTheOldWarningAndEndsIt() {
		JsonNode old = published(yellow(List.of("350102")), secondOfficer);
		String oldId = old.get("identifier").asString();

		JsonNode update = ok(post(hub, "/api/warnings/" + oldId + "/update", author,
				content("orange", "Actual", List.of("350102"), inHours(8))));
		String newId = update.get("identifier").asString();
		assertThat(newId).isNotEqualTo(oldId);
		assertThat(update.get("msgType").asString()).isEqualTo("Update");
		assertThat(update.get("replaces").asString()).isEqualTo(oldId);
		assertThat(get(oldId).get("state").asString()).isEqualTo("PUBLISHED");

		// the Update draft is revised like any draft, and stays an Update of the old warning
		JsonNode revised = ok(hub.http().put().uri("/api/warnings/" + newId).headers(h -> h.setBearerAuth(author))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(content("orange", "Actual", List.of("350102", "350103"),
					inHours(9))).exchange());
		assertThat(revised.get("msgType").asString()).isEqualTo("Update");
		assertThat(revised.get("replaces").asString()).isEqualTo(oldId);

		ok(post(hub, "/api/warnings/" + newId + "/submit", author, Map.of()));
		ok(post(hub, "/api/warnings/" + newId + "/approve", commander, Map.of()));
		ok(post(hub, "/api/warnings/" + newId + "/publish", author, Map.of()));

		JsonNode ended = get(oldId);
		assertThat(ended.get("state").asString()).isEqualTo("UPDATED");
		assertThat(ended.get("endedBy").asString()).isEqualTo(newId);
		assertThat(capXml(newId)).contains("<msgType>Update</msgType>")
			.contains("<references>" + old.get("sender").asString() + "," + oldId + ",")
			.contains("<geocode>", "350103");
	}

	@Test
	void aCancelEndsThePublishedWarning() {
		String oldId = published(yellow(List.of("350102")), secondOfficer).get("identifier").asString();

		String cancelId = ok(post(hub, "/api/warnings/" + oldId + "/cancel", author, Map.of())).get("identifier").asString();
		ok(post(hub, "/api/warnings/" + cancelId + "/submit", author, Map.of()));
		ok(post(hub, "/api/warnings/" + cancelId + "/approve", secondOfficer, Map.of()));
		ok(post(hub, "/api/warnings/" + cancelId + "/publish", author, Map.of()));

		assertThat(get(oldId).get("state").asString()).isEqualTo("CANCELLED");
		assertThat(capXml(cancelId)).contains("<msgType>Cancel</msgType>");
		refused(post(hub, "/api/warnings/" + oldId + "/cancel", author, Map.of()), 409, "WARNING_STATE_CONFLICT");
	}

	@Test
	void aWarningExpiresExactlyOnceAcrossTwoInstances() throws InterruptedException {
		long start = head();
		// long enough to be composed, reviewed and published first on a loaded machine
		OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(20).withNano(0);
		String id = published(content("blue", "Actual", List.of("350203"), expires), secondOfficer).get("identifier")
			.asString();

		Instant deadline = expires.toInstant().plus(WAIT);
		while (!get(id).get("state").asString().equals("EXPIRED")) {
			assertThat(Instant.now()).as("expired by now").isBefore(deadline);
			Thread.sleep(100);
		}
		// both instances go on checking: let each complete two more checks, in which it would expire it again if it could
		double hubChecks = checks(hub) + 2;
		double otherChecks = checks(other) + 2;
		while (checks(hub) < hubChecks || checks(other) < otherChecks) {
			assertThat(Instant.now()).as("both instances checked again").isBefore(deadline.plus(WAIT));
			Thread.sleep(100);
		}

		List<HubEvent> expired = eventsAfter(start).stream()
			.filter(e -> e.type().equals("warning.expired") && id.equals(e.subjectId()))
			.toList();
		assertThat(expired).hasSize(1);
		assertThat(expired.get(0).cities()).containsExactly("350200");
	}

	@Test
	void aWarningForOneCountyReachesThatCountysCityPlatformOnlyAndCarriesExercise() {
		long start = head();
		try (HubClient xiamen = hub.city("350200"); HubClient fuzhou = other.city("350100")) {
			String siming = published(content("yellow", "Exercise", List.of("350203"), inHours(6)), secondOfficer)
				.get("identifier").asString();
			String gulou = published(yellow(List.of("350102")), secondOfficer).get("identifier").asString();
			String simingCap = capXml(siming);

			StepVerifier.create(xiamen.stream("warnings.stream", Map.of("after", start)))
				.assertNext(event -> {
					assertThat(event.get("type").asString()).isEqualTo("warning.published");
					assertThat(event.get("stream").asString()).isEqualTo("warnings");
					assertThat(event.get("subjectId").asString()).isEqualTo(siming);
					assertThat(event.get("exercise").asBoolean()).isTrue();
					assertThat(event.get("cities").toString()).contains("350200");
					assertThat(event.get("data").get("warning").get("status").asString()).isEqualTo("Exercise");
					assertThat(event.get("data").get("capXml").asString()).contains("<status>Exercise</status>")
						.isEqualTo(simingCap);
				})
				.thenCancel()
				.verify(WAIT);
			// Fuzhou's first warning is Gulou's: Siming's, published before it, never reached it
			StepVerifier.create(fuzhou.stream("warnings.stream", Map.of("after", start)))
				.assertNext(event -> {
					assertThat(event.get("subjectId").asString()).isEqualTo(gulou);
					assertThat(event.get("exercise").asBoolean()).isFalse();
				})
				.thenCancel()
				.verify(WAIT);
		}
	}

	@Test
	void aCircleReachesTheCountiesItCovers() {
		Map<String, Object> content = yellow(List.of("350203"));
		Map<String, Object> area = new HashMap<>();
		area.put("description", "Xiamen island and Jinjiang");
		area.put("codes", List.of("350203"));
		area.put("circles", List.of("24.81,118.58 5"));
		content.put("areas", List.of(area));

		JsonNode published = published(content, secondOfficer);

		assertThat(published.get("countyCodes").toString()).contains("350203", "350582");
		assertThat(published.get("cityCodes").toString()).contains("350200", "350500").doesNotContain("350100");
	}

	@Test
	void identifiersStayUniqueWhenManyAreComposedAtOnceOnBothInstances() throws Exception {
		int count = 16;
		List<Callable<String>> composing = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Hub on = i % 2 == 0 ? hub : other;
			composing.add(() -> ok(post(on, "/api/warnings", author, yellow(List.of("350102")))).get("identifier").asString());
		}
		ExecutorService pool = Executors.newFixedThreadPool(count);
		Set<String> identifiers = new HashSet<>();
		try {
			for (Future<String> f : pool.invokeAll(composing)) {
				identifiers.add(f.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(identifiers).hasSize(count).allMatch(id -> id.matches("35000041600000_\\d{14}_\\d"));
	}

}
