package cn.fj.emergency.command.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.security.AuditRecord;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.HubEvent;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.WarningContents;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;
import cn.fj.emergency.command.support.Supplies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every change of state a principal makes over the API is in the audit trail with who and when; the hub signs the
 * trail's head at intervals and publishes it; a rewrite of records together with the head shows against the anchors.
 * The second test forges the trail, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditOfActsTest {

	static final Duration WAIT = Duration.ofSeconds(20);

	static List<Hub> hubs;

	static Hub hub;

	static String admin;

	@BeforeAll
	static void startTwoInstances() {
		Map<String, Object> settings = Hub.freshHubSettings();
		settings.put("hub.audit.anchor-interval", "300ms");
		hubs = List.of(Hub.start(settings), Hub.start(settings));
		hub = hubs.get(0);
		admin = hub.adminToken();
	}

	@AfterAll
	static void stop() {
		hubs.forEach(Hub::close);
	}

	@Test
	@Order(1)
	void everyActOverHttpAndRSocketIsInTheTrailWithWhoAndWhen() {
		Instant before = Instant.now();
		String author = hub.officerToken(null, "DUTY_OFFICER");
		String reviewer = hub.officerToken(null, "DUTY_OFFICER");
		String commander = hub.officerToken(null, "COMMANDER");
		JsonNode city = hub.cityPlatformToken("350200");
		String cityToken = city.get("token").asString();
		String authorName = username(author);
		String reviewerName = username(reviewer);
		String commanderName = username(commander);

		// warnings: composed, submitted, approved, published; rejected (over RSocket); updated; cancelled
		String yellow = submitted(author, warning("yellow", List.of("350102")));
		ok(post("/api/warnings/" + yellow + "/approve", reviewer, Map.of()));
		ok(post("/api/warnings/" + yellow + "/publish", author, Map.of()));
		String refused = submitted(author, warning("yellow", List.of("350203")));
		try (HubClient console = hub.console(reviewer)) {
			assertThat(console.request("warnings.reject", Map.of("identifier", refused, "comment", "wrong area"))
				.block(WAIT)
				.get("state")
				.asString()).isEqualTo("REJECTED");
		}
		String update = ok(post("/api/warnings/" + yellow + "/update", author, warning("orange", List.of("350102"))))
			.get("identifier")
			.asString();
		ok(post("/api/warnings/" + update + "/submit", author, Map.of()));
		ok(post("/api/warnings/" + update + "/approve", commander, Map.of()));
		ok(post("/api/warnings/" + update + "/publish", author, Map.of()));
		String cancel = ok(post("/api/warnings/" + update + "/cancel", author, Map.of())).get("identifier").asString();
		ok(post("/api/warnings/" + cancel + "/submit", author, Map.of()));
		ok(post("/api/warnings/" + cancel + "/approve", commander, Map.of()));
		ok(post("/api/warnings/" + cancel + "/publish", author, Map.of()));

		// an order issued
		Map<String, Object> order = new HashMap<>();
		order.put("orderRef", "audit-1");
		order.put("text", "Open the shelters");
		order.put("targetCities", List.of("350200"));
		order.put("deadline", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(2).withNano(0).toString());
		String orderId = ok(post("/api/orders", commander, order)).get("id").asString();

		// an incident's status and level changed (its report is not an officer's act: the event log holds it)
		String incident = hub.postJson("/api/incidents", cityToken, Reports.xiamen("audit-1"), 200).get("incidentId").asString();
		hub.postJson("/api/incidents/" + incident + "/status", author, Map.of("status", "VERIFIED"), 200);
		hub.postJson("/api/incidents/" + incident + "/level", author, Map.of("level", "II", "reason", "spreading"), 200);

		// a stock movement keyed in by the city
		String movement = Supplies.post(hub, "/api/supplies/movements", cityToken,
				Supplies.movement("audit-m-1", "350200-01", "TENT-12", "RECEIPT", 5))
			.get("id")
			.asString();

		// a service token revoked (its issue is above)
		hub.postJson("/api/admin/service-tokens/" + city.get("tokenId").asString() + "/revoke", admin, Map.of(), 200);

		// a drill started and cancelled
		String drill = hub.postJson("/api/drills", commander,
				Map.of("scenario", "typhoon-fujian", "timeScale", 1, "rateMultiplier", 0.01), 201)
			.path("id")
			.asString();
		hub.postJson("/api/drills/" + drill + "/cancel", commander, Map.of(), 200);
		Instant after = Instant.now();

		List<JsonNode> trail = trail();
		assertAct(trail, "warning.drafted", yellow, authorName, before, after);
		assertAct(trail, "warning.submitted", yellow, authorName, before, after);
		assertAct(trail, "warning.approved", yellow, reviewerName, before, after);
		assertAct(trail, "warning.published", yellow, authorName, before, after);
		assertAct(trail, "warning.rejected", refused, reviewerName, before, after);
		assertAct(trail, "warning.drafted", update, authorName, before, after);
		assertAct(trail, "warning.approved", update, commanderName, before, after);
		assertAct(trail, "warning.updated", yellow, authorName, before, after);
		assertAct(trail, "warning.published", cancel, authorName, before, after);
		assertAct(trail, "warning.cancelled", update, authorName, before, after);
		assertAct(trail, "order.issued", orderId, commanderName, before, after);
		assertAct(trail, "incident.status-changed", incident, authorName, before, after);
		assertAct(trail, "incident.level-changed", incident, authorName, before, after);
		JsonNode stock = assertAct(trail, "stock.movement", movement, "platform-350200", before, after);
		assertThat(stock.get("actorKind").asString()).isEqualTo("SERVICE");
		assertAct(trail, "service-token.issue", city.get("tokenId").asString(), "admin", before, after);
		assertAct(trail, "service-token.revoke", city.get("tokenId").asString(), "admin", before, after);
		assertAct(trail, "drill.started", drill, commanderName, before, after);
		assertAct(trail, "drill.cancelled", drill, commanderName, before, after);

		// each act's record names the event it made visible
		JsonNode approval = assertAct(trail, "warning.approved", yellow, reviewerName, before, after);
		long eventSeq = HubClient.JSON.readTree(approval.get("details").asString()).get("eventSeq").asLong();
		HubEvent event = events(eventSeq - 1).get(0);
		assertThat(event.seq()).isEqualTo(eventSeq);
		assertThat(event.type()).isEqualTo("warning.approved");
		assertThat(event.subjectId()).isEqualTo(yellow);
		assertThat(verification().get("intact").asBoolean()).isTrue();
	}

	@Test
	@Order(2)
	void aChangeWhoseAuditRecordCannotBeWrittenDoesNotCommit() {
		String author = hub.officerToken(null, "DUTY_OFFICER");
		long head = events(0).stream().mapToLong(HubEvent::seq).max().orElse(0);
		sql("alter function audit_append(text[], text[], text[], text[], text[], text[], text[]) rename to audit_append_off");
		try {
			post("/api/warnings", author, warning("yellow", List.of("350102"))).expectStatus().is5xxServerError();
		}
		finally {
			sql("alter function audit_append_off(text[], text[], text[], text[], text[], text[], text[]) rename to audit_append");
		}
		assertThat(events(head)).noneMatch(e -> e.type().equals("warning.drafted"));
		assertThat(hub.getJson("/api/warnings?state=DRAFT", author).toString()).doesNotContain(username(author));
		assertThat(verification().get("chainIntact").asBoolean()).isTrue();
	}

	@Test
	@Order(3)
	void theHeadIsSignedAndPublishedAndARewriteWithTheHeadShowsAgainstTheAnchors() throws Exception {
		String author = hub.officerToken(null, "DUTY_OFFICER");
		String authorName = username(author);
		String first = compose(author, warning("yellow", List.of("350102")));
		compose(author, warning("yellow", List.of("350103")));

		// every record is anchored within a few intervals, on one of the two instances, each head once
		await().atMost(WAIT).until(() -> verification().get("unanchoredRecords").asLong() == 0);
		JsonNode intact = verification();
		assertThat(intact.get("intact").asBoolean()).as(intact.toString()).isTrue();
		long anchored = intact.get("lastAnchoredSeq").asLong();
		assertThat(anchored).isEqualTo(intact.get("records").asLong());
		List<HubEvent> published = events(0).stream().filter(e -> e.type().equals("audit.anchor")).toList();
		assertThat(published).hasSize(intact.get("anchors").asInt());
		assertThat(published).allSatisfy(e -> assertThat(e.stream()).isEqualTo("audit"));

		// the published anchor verifies with the key of /api/auth/jwks and names the head's seq and hash
		HubEvent last = published.get(published.size() - 1);
		JsonNode data = HubClient.JSON.readTree(last.data());
		String jwks = hub.http().get().uri("/api/auth/jwks").exchange().expectBody(String.class).returnResult().getResponseBody();
		PublicJwk<?> key = (PublicJwk<?>) Jwks.setParser().build().parse(jwks).getKeys().iterator().next();
		byte[] payload = Jwts.parser().verifyWith(key.toKey()).build().parseSignedContent(data.get("jws").asString()).getPayload();
		JsonNode signed = HubClient.JSON.readTree(payload);
		JsonNode header = HubClient.JSON.readTree(java.util.Base64.getUrlDecoder().decode(data.get("jws").asString().split("\\.")[0]));
		assertThat(header.get("typ").asString()).isEqualTo("audit-anchor");
		assertThat(header.get("cty").asString()).isEqualTo("json");
		assertThat(header.get("alg").asString()).isEqualTo("ES256");
		assertThat(header.get("kid").asString()).isEqualTo(key.getId()).isEqualTo(data.get("keyId").asString());
		assertThat(signed.get("seq").asLong()).isEqualTo(anchored).isEqualTo(data.get("seq").asLong());
		assertThat(signed.get("hash").asString()).isEqualTo(intact.get("lastHash").asString());
		// an anchor is not a token
		hub.http().get().uri("/api/auth/me").headers(h -> h.setBearerAuth(data.get("jws").asString())).exchange()
			.expectStatus().isUnauthorized();

		// someone who can write the database (but holds no signing key) rewrites who drafted the first warning, and
		// every record after it, and the head: the chain is consistent in itself again, but not with the anchors
		List<AuditRecord> records = storedRecords();
		int rewritten = indexOf(records, "warning.drafted", first);
		assertThat(records.get(rewritten).actor()).isEqualTo(authorName);
		rewriteFrom(records, rewritten, "someone-else");
		JsonNode forged = verification();
		assertThat(forged.get("chainIntact").asBoolean()).as(forged.toString()).isTrue();
		assertThat(forged.get("intact").asBoolean()).isFalse();
		assertThat(forged.get("failedAnchors").asLong()).isPositive();
		assertThat(forged.get("anchorProblems").findValuesAsString("problem")).contains("HASH_MISMATCH");

		// removing the anchored end of the trail (and moving the head back) shows too
		long keep = records.get(rewritten).seq();
		sql("delete from audit_record where seq > " + keep);
		sql("update audit_head set last_seq = " + keep + ", last_hash = (select hash from audit_record where seq = " + keep
				+ ") where log = 'audit'");
		JsonNode cut = verification();
		assertThat(cut.get("chainIntact").asBoolean()).as(cut.toString()).isTrue();
		assertThat(cut.get("intact").asBoolean()).isFalse();
		assertThat(cut.get("anchorProblems").findValuesAsString("problem")).contains("NOT_IN_CHAIN");
	}

	static JsonNode assertAct(List<JsonNode> trail, String action, String subject, String actor, Instant from,
			Instant to) {
		List<JsonNode> found = trail.stream()
			.filter(r -> r.get("action").asString().equals(action) && subject.equals(r.path("subject").asString()))
			.toList();
		assertThat(found).as(action + " of " + subject + " in " + actions(trail)).isNotEmpty();
		JsonNode record = found.get(found.size() - 1);
		assertThat(record.get("actor").asString()).as(action + " by").isEqualTo(actor);
		assertThat(record.get("outcome").asString()).isEqualTo("DONE");
		Instant at = Instant.parse(record.get("at").asString());
		assertThat(at).as(action + " at").isBetween(from.minusMillis(1), to.plusMillis(1));
		return record;
	}

	static List<String> actions(List<JsonNode> trail) {
		return trail.stream().map(r -> r.get("action").asString() + ":" + r.path("subject").asString()).toList();
	}

	static List<JsonNode> trail() {
		List<JsonNode> all = new ArrayList<>();
		long after = 0;
		while (true) {
			JsonNode page = hub.getJson("/api/admin/audit?limit=1000&after=" + after, admin);
			page.forEach(all::add);
			if (page.size() < 1000) {
				return all;
			}
			after = page.get(page.size() - 1).get("seq").asLong();
		}
	}

	static JsonNode verification() {
		return hub.getJson("/api/admin/audit/verification", admin);
	}

	static List<HubEvent> events(long after) {
		return hub.context().getBean(EventLog.class).readAfter(after, 10_000).collectList().block(WAIT);
	}

	static List<AuditRecord> storedRecords() {
		List<AuditRecord> records = new ArrayList<>();
		trail().forEach(r -> records.add(new AuditRecord(r.get("seq").asLong(), Instant.parse(r.get("at").asString()),
				r.get("actor").asString(), r.get("actorKind").asString(), r.get("action").asString(),
				r.get("subject").isNull() ? null : r.get("subject").asString(),
				AuditRecord.Outcome.valueOf(r.get("outcome").asString()), r.get("details").asString(),
				r.get("prevHash").asString(), r.get("hash").asString())));
		return records;
	}

	static int indexOf(List<AuditRecord> records, String action, String subject) {
		for (int i = 0; i < records.size(); i++) {
			if (records.get(i).action().equals(action) && subject.equals(records.get(i).subject())) {
				return i;
			}
		}
		throw new AssertionError("No " + action + " of " + subject);
	}

	/** Changes the actor of record {@code from} and re-seals it and every record after it, and the head, by SQL. */
	static void rewriteFrom(List<AuditRecord> records, int from, String actor) {
		String prev = records.get(from).prevHash();
		for (int i = from; i < records.size(); i++) {
			AuditRecord r = records.get(i);
			String who = (i == from) ? actor : r.actor();
			String hash = AuditRecord.hashOf(prev, r.seq(), r.at(), who, r.actorKind(), r.action(), r.subject(), r.outcome(),
					r.details());
			sql("update audit_record set actor = '" + who + "', prev_hash = '" + prev + "', hash = '" + hash
					+ "' where seq = " + r.seq());
			prev = hash;
		}
		sql("update audit_head set last_hash = '" + prev + "' where log = 'audit'");
	}

	static void sql(String statement) {
		hub.context().getBean(DatabaseClient.class).sql(statement).then().block(WAIT);
	}

	static String username(String token) {
		return hub.getJson("/api/auth/me", token).get("subject").asString();
	}

	static Map<String, Object> warning(String colour, List<String> codes) {
		return WarningContents.actual(colour, codes);
	}

	static String compose(String token, Map<String, Object> content) {
		return ok(post("/api/warnings", token, content)).get("identifier").asString();
	}

	static String submitted(String token, Map<String, Object> content) {
		String id = compose(token, content);
		ok(post("/api/warnings/" + id + "/submit", token, Map.of()));
		return id;
	}

	static WebTestClient.ResponseSpec post(String uri, String token, Object body) {
		return hub.http()
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

}
