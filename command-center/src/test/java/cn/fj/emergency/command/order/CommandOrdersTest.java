package cn.fj.emergency.command.order;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.SignatureException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.stream.persistence.EventStore;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Command orders end to end on one hub instance: a commander issues, the target cities receive the order on their
 * stream and verify its signature with the hub's published key as any city would, a third city sees nothing of it,
 * and acknowledgements follow their one legal order.
 */
class CommandOrdersTest {

	static final Duration WAIT = Duration.ofSeconds(10);

	static Hub hub;

	static String commander;

	@BeforeAll
	static void startHub() {
		hub = Hub.cluster(1).get(0);
		commander = hub.officerToken(null, "COMMANDER");
	}

	@AfterAll
	static void stopHub() {
		hub.close();
	}

	static Map<String, Object> order(String ref, List<String> cities) {
		Map<String, Object> order = new HashMap<>();
		order.put("orderRef", ref);
		order.put("text", "Open the shelters in the coastal townships by 18:00");
		order.put("targetCities", cities);
		order.put("deadline", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(2).withNano(0).toString());
		return order;
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

	static JsonNode issue(Map<String, Object> order) {
		return post("/api/orders", commander, order).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
	}

	static void refusedOverHttp(WebTestClient.ResponseSpec response, int status, String code) {
		response.expectStatus().isEqualTo(status).expectBody().jsonPath("$.code").isEqualTo(code);
	}

	static final Map<String, String> CITY_TOKENS = new ConcurrentHashMap<>();

	/** One service token per city for the whole class: issuing one signs the administrator in, which is slow. */
	static String cityToken(String city) {
		return CITY_TOKENS.computeIfAbsent(city, c -> hub.cityPlatformToken(c).get("token").asString());
	}

	static HubClient city(String city) {
		return HubClient.tcp(hub.cityLinkPort(), cityToken(city));
	}

	static long head() {
		return hub.context().getBean(EventStore.class).head().block(WAIT);
	}

	static Map<String, Object> ack(JsonNode order, String state, String ackId) {
		Map<String, Object> ack = new HashMap<>();
		ack.put("orderId", order.get("id").asString());
		ack.put("state", state);
		ack.put("ackId", ackId);
		return ack;
	}

	static String refusal(HubClient city, Map<String, Object> ack) {
		Throwable[] error = new Throwable[1];
		StepVerifier.create(city.request("orders.ack", ack)).expectErrorSatisfies(e -> error[0] = e).verify(WAIT);
		return HubClient.errorBody(error[0]).get("code").asString();
	}

	/** What a city does: fetch the JWKS, pick the key by kid, and verify the order's JWS with it. */
	static Jws<Claims> verifyAsACity(String jws) {
		JsonNode jwks = hub.http().get().uri("/api/auth/jwks").exchange().expectStatus().isOk()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		Jwk<?> jwk = Jwks.parser().build().parse(jwks.get("keys").get(0).toString());
		return Jwts.parser().verifyWith((PublicKey) jwk.toKey()).requireIssuer("fj-emergency-hub").build()
			.parseSignedClaims(jws);
	}

	@Test
	void anOrderToTwoCitiesReachesBothAndIsVerifiableWithTheProvincesPublicKey() {
		long start = head();
		try (HubClient xiamen = city("350200"); HubClient fuzhou = city("350100")) {
			JsonNode issued = issue(order("two-cities", List.of("350200", "350100")));

			for (HubClient city : List.of(xiamen, fuzhou)) {
				StepVerifier.create(city.stream("orders.stream", Map.of("after", start)))
					.assertNext(event -> {
						assertThat(event.get("type").asString()).isEqualTo("order.issued");
						assertThat(event.get("stream").asString()).isEqualTo("orders");
						assertThat(event.get("seq").asLong()).isEqualTo(issued.get("issuedSeq").asLong());
						assertThat(event.get("subjectId").asString()).isEqualTo(issued.get("id").asString());
						assertThat(event.get("criticality").asString()).isEqualTo("CRITICAL");
						assertThat(event.get("data").get("jws").asString()).isEqualTo(issued.get("jws").asString());
					})
					.thenCancel()
					.verify(WAIT);
			}

			Jws<Claims> verified = verifyAsACity(issued.get("jws").asString());
			Claims claims = verified.getPayload();
			assertThat(verified.getHeader().getKeyId()).isNotBlank();
			assertThat(verified.getHeader().getType()).isEqualTo("order+jwt");
			assertThat(claims.get("id", String.class)).isEqualTo(issued.get("id").asString());
			assertThat(claims.get("ref", String.class)).isEqualTo("two-cities");
			assertThat(claims.get("text", String.class)).isEqualTo("Open the shelters in the coastal townships by 18:00");
			assertThat(claims.get("targetCities")).isEqualTo(List.of("350100", "350200"));
			assertThat(claims.get("deadline", String.class)).isEqualTo(issued.get("deadline").asString());
			assertThat(claims.get("issuedAt", String.class)).isEqualTo(issued.get("issuedAt").asString());
			assertThat(claims.get("issuedBy", String.class)).isEqualTo(issued.get("issuedBy").asString());
			assertThat(claims.get("exercise", Boolean.class)).isFalse();
			assertThat(claims).doesNotContainKey("incidentId");
		}
	}

	@Test
	void aTamperedOrderDoesNotVerify() {
		JsonNode issued = issue(order("tampered", List.of("350200")));
		String[] parts = issued.get("jws").asString().split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String changed = payload.replace("Open the shelters", "Close the shelters");
		assertThat(changed).isNotEqualTo(payload);
		String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8))
				+ "." + parts[2];

		assertThat(verifyAsACity(issued.get("jws").asString()).getPayload().get("text", String.class)).startsWith("Open");
		assertThatThrownBy(() -> verifyAsACity(forged)).isInstanceOf(SignatureException.class);
	}

	@Test
	void aThirdCitySeesTheOrderNeitherOnItsStreamsNorOverHttp() {
		long start = head();
		String quanzhouToken = cityToken("350500");
		try (HubClient quanzhou = city("350500")) {
			JsonNode notForQuanzhou = issue(order("not-for-quanzhou", List.of("350200", "350100")));
			JsonNode forQuanzhou = issue(order("for-quanzhou", List.of("350500")));

			// the first order event Quanzhou sees after start is the one addressed to it, on both streams
			for (String route : List.of("orders.stream", "events.stream")) {
				StepVerifier.create(quanzhou.stream(route, Map.of("after", start)))
					.assertNext(event -> assertThat(event.get("subjectId").asString()).isEqualTo(forQuanzhou.get("id").asString()))
					.thenCancel()
					.verify(WAIT);
			}
			hub.http().get().uri("/api/orders/" + notForQuanzhou.get("id").asString())
				.headers(h -> h.setBearerAuth(quanzhouToken)).exchange().expectStatus().isNotFound()
				.expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
			JsonNode listed = hub.getJson("/api/orders?size=200", quanzhouToken);
			assertThat(listed.get("orders").valueStream().map(o -> o.get("id").asString()))
				.contains(forQuanzhou.get("id").asString())
				.doesNotContain(notForQuanzhou.get("id").asString());
			try (HubClient xiamen = city("350200")) {
				assertThat(refusal(quanzhou, ack(notForQuanzhou, "RECEIVED", "qz-1"))).isEqualTo("NOT_FOUND");
				xiamen.request("orders.ack", ack(notForQuanzhou, "RECEIVED", "xm-1")).block(WAIT);
			}
			JsonNode seenByQuanzhou = hub.getJson("/api/orders/" + forQuanzhou.get("id").asString(), quanzhouToken);
			assertThat(seenByQuanzhou.get("targets")).hasSize(1);
		}
	}

	@Test
	void resumingAfterNGivesExactlyTheLaterEvents() {
		try (HubClient xiamen = city("350200")) {
			JsonNode first = issue(order("resume-1", List.of("350200")));
			JsonNode received = xiamen.request("orders.ack", ack(first, "RECEIVED", "resume-ack-1")).block(WAIT);
			JsonNode second = issue(order("resume-2", List.of("350200")));

			StepVerifier.create(xiamen.stream("orders.stream", Map.of("after", first.get("issuedSeq").asLong())))
				.assertNext(event -> {
					assertThat(event.get("type").asString()).isEqualTo("order.acknowledged");
					assertThat(event.get("seq").asLong()).isEqualTo(received.get("seq").asLong());
					assertThat(event.get("data").get("state").asString()).isEqualTo("RECEIVED");
				})
				.assertNext(event -> assertThat(event.get("seq").asLong()).isEqualTo(second.get("issuedSeq").asLong()))
				.expectNoEvent(Duration.ofMillis(500))
				.thenCancel()
				.verify(WAIT);
		}
	}

	@Test
	void acknowledgementsFollowTheirLegalOrder() {
		String xiamenToken = cityToken("350200");
		try (HubClient xiamen = city("350200")) {
			JsonNode order = issue(order("progression", List.of("350200")));

			assertThat(refusal(xiamen, ack(order, "ACCEPTED", "p-0"))).isEqualTo("ACKNOWLEDGEMENT_OUT_OF_ORDER");
			assertThat(refusal(xiamen, ack(order, "COMPLETED", "p-0"))).isEqualTo("ACKNOWLEDGEMENT_OUT_OF_ORDER");
			JsonNode received = xiamen.request("orders.ack", ack(order, "RECEIVED", "p-1")).block(WAIT);
			assertThat(received.get("state").asString()).isEqualTo("RECEIVED");
			assertThat(received.get("previousState").isNull()).isTrue();
			assertThat(received.get("cityCode").asString()).isEqualTo("350200");
			assertThat(refusal(xiamen, ack(order, "REJECTED", "p-2"))).isEqualTo("FIELD_REQUIRED");
			JsonNode accepted = xiamen.request("orders.ack", ack(order, "ACCEPTED", "p-2")).block(WAIT);
			assertThat(accepted.get("previousState").asString()).isEqualTo("RECEIVED");
			Map<String, Object> reject = ack(order, "REJECTED", "p-3");
			reject.put("reason", "No boats left");
			assertThat(refusal(xiamen, reject)).isEqualTo("ACKNOWLEDGEMENT_OUT_OF_ORDER");
			JsonNode completed = post("/api/orders/" + order.get("id").asString() + "/acknowledgements", xiamenToken,
					Map.of("state", "COMPLETED", "ackId", "p-4", "reason", "All shelters open"))
				.expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
			assertThat(completed.get("previousState").asString()).isEqualTo("ACCEPTED");
			refusedOverHttp(post("/api/orders/" + order.get("id").asString() + "/acknowledgements", xiamenToken,
					Map.of("state", "ACCEPTED", "ackId", "p-5")), 409, "ACKNOWLEDGEMENT_OUT_OF_ORDER");

			JsonNode view = hub.getJson("/api/orders/" + order.get("id").asString(), commander);
			JsonNode target = view.get("targets").get(0);
			assertThat(target.get("state").asString()).isEqualTo("COMPLETED");
			assertThat(target.get("answeredInTime").asBoolean()).isTrue();
			assertThat(target.get("overdueAt").isNull()).isTrue();
			assertThat(target.get("acknowledgements").valueStream().map(a -> a.get("state").asString()))
				.containsExactly("RECEIVED", "ACCEPTED", "COMPLETED");
		}
	}

	@Test
	void aRejectionMayComeFirstAndEndsTheProgression() {
		try (HubClient fuzhou = city("350100")) {
			JsonNode order = issue(order("rejected-first", List.of("350100")));
			Map<String, Object> reject = ack(order, "REJECTED", "r-1");
			reject.put("reason", "The road to the coast is cut");

			JsonNode rejected = fuzhou.request("orders.ack", reject).block(WAIT);

			assertThat(rejected.get("reason").asString()).isEqualTo("The road to the coast is cut");
			assertThat(refusal(fuzhou, ack(order, "RECEIVED", "r-2"))).isEqualTo("ACKNOWLEDGEMENT_OUT_OF_ORDER");
		}
	}

	@Test
	void aRetriedAcknowledgementIsAnsweredTheSameAndRecordedOnce() {
		try (HubClient xiamen = city("350200")) {
			JsonNode order = issue(order("ack-retry", List.of("350200")));

			JsonNode first = xiamen.request("orders.ack", ack(order, "RECEIVED", "retry-1")).block(WAIT);
			JsonNode retry = xiamen.request("orders.ack", ack(order, "RECEIVED", "retry-1")).block(WAIT);
			JsonNode again = xiamen.request("orders.ack", ack(order, "RECEIVED", "retry-2")).block(WAIT);
			Map<String, Object> reused = ack(order, "REJECTED", "retry-1");
			reused.put("reason", "Changed our mind");

			assertThat(retry).isEqualTo(first);
			assertThat(again).isEqualTo(first);
			assertThat(refusal(xiamen, reused)).isEqualTo("ACK_ID_REUSED");
			JsonNode view = hub.getJson("/api/orders/" + order.get("id").asString(), commander);
			assertThat(view.get("targets").get(0).get("acknowledgements")).hasSize(1);
		}
	}

	@Test
	void aRetriedOrderIsAnsweredWithTheFirstAndARefReusedIsRefused() {
		Map<String, Object> order = order("order-retry", List.of("350300", "350400"));
		order.put("deadline", "2099-01-01T08:00:00+08:00");
		JsonNode first = issue(order);
		Map<String, Object> reordered = new HashMap<>(order);
		reordered.put("targetCities", List.of("350400", "350300"));
		reordered.put("deadline", "2099-01-01T00:00:00Z");

		JsonNode retry = issue(reordered);
		Map<String, Object> changed = new HashMap<>(order);
		changed.put("text", "Something else");

		assertThat(retry).isEqualTo(first);
		refusedOverHttp(post("/api/orders", commander, changed), 409, "ORDER_REF_REUSED");
	}

	@Test
	void anOrderAboutAnIncidentNamesItAndAnUnknownIncidentIsRefused() {
		try (HubClient xiamen = city("350200")) {
			Map<String, Object> report = Reports.xiamen("order-incident");
			report.put("exercise", true);
			JsonNode receipt = xiamen.request("incidents.report", report).block(WAIT);
			Map<String, Object> order = order("about-incident", List.of("350200"));
			order.put("incidentId", receipt.get("incidentId").asString());

			JsonNode issued = issue(order);
			Map<String, Object> unknown = order("unknown-incident", List.of("350200"));
			unknown.put("incidentId", UUID.randomUUID().toString());

			assertThat(issued.get("incidentId").asString()).isEqualTo(receipt.get("incidentId").asString());
			assertThat(issued.get("exercise").asBoolean()).isTrue();
			assertThat(verifyAsACity(issued.get("jws").asString()).getPayload().get("incidentId", String.class))
				.isEqualTo(receipt.get("incidentId").asString());
			post("/api/orders", commander, unknown).expectStatus().isNotFound().expectBody()
				.jsonPath("$.code").isEqualTo("NOT_FOUND").jsonPath("$.field").isEqualTo("incidentId");
			JsonNode byIncident = hub.getJson("/api/orders?incident=" + receipt.get("incidentId").asString(), commander);
			assertThat(byIncident.get("orders")).hasSize(1);
			assertThat(byIncident.get("orders").get(0).get("id").asString()).isEqualTo(issued.get("id").asString());
		}
	}

	@Test
	void onlyACommanderIssuesAndOnlyWithAFutureDeadlineAndKnownCities() {
		Map<String, Object> order = order("who-issues", List.of("350200"));
		refusedOverHttp(post("/api/orders", hub.dutyOfficerToken(), order), 403, "ACCESS_DENIED");
		refusedOverHttp(post("/api/orders", cityToken("350200"), order), 403,
				"ACCESS_DENIED");
		Map<String, Object> past = order("past-deadline", List.of("350200"));
		past.put("deadline", "2020-01-01T00:00:00Z");
		refusedOverHttp(post("/api/orders", commander, past), 400, "INVALID_FIELD");
		refusedOverHttp(post("/api/orders", commander, order("county", List.of("350203"))), 400, "UNKNOWN_AREA");
		try (HubClient console = hub.console(commander)) {
			StepVerifier.create(console.request("orders.ack", Map.of("orderId", UUID.randomUUID().toString())))
				.expectErrorSatisfies(e -> assertThat(HubClient.errorBody(e).get("code").asString()).isEqualTo("ACCESS_DENIED"))
				.verify(WAIT);
		}
	}

	@Test
	void officersQueryOrdersByCityStateAndOverdue() {
		try (HubClient putian = city("350300")) {
			JsonNode pending = issue(order("query-pending", List.of("350300", "350600")));
			JsonNode received = issue(order("query-received", List.of("350300")));
			putian.request("orders.ack", ack(received, "RECEIVED", "q-1")).block(WAIT);

			JsonNode putianPending = hub.getJson("/api/orders?city=350300&state=PENDING", commander);
			JsonNode putianReceived = hub.getJson("/api/orders?city=350300&state=RECEIVED&overdue=false", commander);
			JsonNode firstPage = hub.getJson("/api/orders?city=350300&size=1", commander);

			assertThat(putianPending.get("orders").valueStream().map(o -> o.get("id").asString()))
				.contains(pending.get("id").asString()).doesNotContain(received.get("id").asString());
			assertThat(putianReceived.get("orders").valueStream().map(o -> o.get("id").asString()))
				.contains(received.get("id").asString()).doesNotContain(pending.get("id").asString());
			assertThat(firstPage.get("orders")).hasSize(1);
			assertThat(firstPage.get("hasMore").asBoolean()).isTrue();
			assertThat(firstPage.get("orders").get(0).get("id").asString()).isEqualTo(received.get("id").asString());
			JsonNode pendingView = putianPending.get("orders").valueStream()
				.filter(o -> o.get("id").asString().equals(pending.get("id").asString())).findFirst().orElseThrow();
			assertThat(pendingView.get("targets")).as("an officer sees every target").hasSize(2);
			refusedOverHttp(hub.http().get().uri("/api/orders?state=DONE").headers(h -> h.setBearerAuth(commander)).exchange(),
					400, "INVALID_FIELD");
		}
	}

}
