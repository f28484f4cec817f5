package cn.fj.emergency.command.uplink;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;

import static cn.fj.emergency.command.uplink.Escalations.acknowledged;
import static cn.fj.emergency.command.uplink.Escalations.await;
import static cn.fj.emergency.command.uplink.Escalations.report;
import static cn.fj.emergency.command.uplink.Escalations.upstream;
import static org.assertj.core.api.Assertions.assertThat;

/** Level I/II incidents and level raises reach a real RSocket peer standing for the national platform. */
class EscalationToNationalPeerTest {

	static final Duration WAIT = Duration.ofSeconds(60);

	static NationalPeerStub peer;

	static Hub hub;

	static String officer;

	static HubClient xiamen;

	@BeforeAll
	static void start() {
		peer = NationalPeerStub.started();
		hub = Hub.start(Escalations.settings(peer));
		officer = hub.dutyOfficerToken();
		xiamen = hub.city("350200");
	}

	@AfterAll
	static void stop() {
		xiamen.close();
		hub.close();
		peer.close();
	}

	@AfterEach
	void peerAcknowledgesAgain() {
		peer.behave(NationalPeerStub.Behaviour.ACKNOWLEDGE);
	}

	static JsonNode reportAt(String reportId, String level) {
		return xiamen.request("incidents.report", report(reportId, level)).block(Duration.ofSeconds(10));
	}

	static JsonNode awaitAcknowledged(String incidentId) {
		JsonNode upstream = await(() -> upstream(hub, officer, incidentId), Escalations::acknowledged, WAIT);
		assertThat(acknowledged(upstream)).as(upstream.toString()).isTrue();
		return upstream;
	}

	@Test
	void aLevelOneReportReachesThePeerExactlyOnce() {
		// given a peer that acknowledges at once
		// when a city reports a level I incident
		JsonNode receipt = reportAt("esc-level-1", "I");
		String incidentId = receipt.get("incidentId").asString();

		// then it is acknowledged upstream, with the peer's receipt
		JsonNode upstream = awaitAcknowledged(incidentId);
		JsonNode forward = upstream.get("forwards").get(0);
		assertThat(upstream.get("forwards")).hasSize(1);
		assertThat(forward.get("kind").asString()).isEqualTo("INCIDENT_REPORTED");
		assertThat(forward.get("sourceSeq").asLong()).isEqualTo(receipt.get("seq").asLong());
		assertThat(forward.get("attempts").asInt()).isEqualTo(1);
		String forwardId = forward.get("forwardId").asString();
		assertThat(forward.get("receiptId").asString()).isEqualTo(peer.receipts.get(forwardId));

		// and the peer got it once, with the incident
		List<JsonNode> requests = peer.requestsFor(incidentId);
		assertThat(requests).hasSize(1);
		JsonNode request = requests.get(0);
		assertThat(request.get("forwardId").asString()).isEqualTo(forwardId);
		assertThat(request.get("kind").asString()).isEqualTo("INCIDENT_REPORTED");
		assertThat(request.get("provinceCode").asString()).isEqualTo("350000");
		assertThat(request.get("cityCode").asString()).isEqualTo("350200");
		assertThat(request.get("level").asString()).isEqualTo("I");
		assertThat(request.get("previousLevel").isNull()).isTrue();
		assertThat(request.get("incident").get("title").asString()).isEqualTo("Waterlogging esc-level-1");
		assertThat(request.get("incident").get("countyCode").asString()).isEqualTo("350203");

		// and consoles see the acknowledgement on their stream
		try (HubClient console = hub.console(officer)) {
			StepVerifier.create(console.stream("events.stream", Map.of("after", receipt.get("seq").asLong()))
					.filter(e -> "incident.upstream-acknowledged".equals(e.get("type").asString())
							&& incidentId.equals(e.get("subjectId").asString())))
				.assertNext(event -> {
					assertThat(event.get("cities").get(0).asString()).isEqualTo("350200");
					assertThat(event.get("data").get("forwardId").asString()).isEqualTo(forwardId);
					assertThat(event.get("data").get("receiptId").asString()).isEqualTo(peer.receipts.get(forwardId));
				})
				.thenCancel()
				.verify(Duration.ofSeconds(10));
		}

		// and nothing is sent again once acknowledged: a later forward is done, and this one still came once
		awaitAcknowledged(reportAt("esc-level-1-later", "II").get("incidentId").asString());
		assertThat(peer.received.get(forwardId).get()).isEqualTo(1);
	}

	@Test
	void aPeerFailingTheFirstThreeAttemptsGetsTheForwardAcknowledgedOnce() {
		// given a peer that answers with an error, then not at all, then an error again, and then acknowledges
		// only once the test has seen the forward pending
		CountDownLatch seenPending = new CountDownLatch(1);
		peer.behave(attempt -> {
			if (attempt == 1 || attempt == 3) {
				return NationalPeerStub.Answer.ERROR;
			}
			if (attempt == 2) {
				return NationalPeerStub.Answer.SILENCE;
			}
			return seenPending.getCount() == 0 ? NationalPeerStub.Answer.ACKNOWLEDGE : NationalPeerStub.Answer.ERROR;
		});

		// when a level II incident is reported
		String incidentId = reportAt("esc-flaky", "II").get("incidentId").asString();

		// then it shows as not yet acknowledged upstream, with the attempts and the last error
		JsonNode pending = await(() -> upstream(hub, officer, incidentId),
				u -> u.path("forwards").path(0).path("attempts").asInt() >= 3
						&& u.path("forwards").path(0).path("lastError").isString(),
				WAIT);
		assertThat(pending.get("upstream").asString()).as(pending.toString()).isEqualTo("PENDING");
		JsonNode forward = pending.get("forwards").get(0);
		assertThat(forward.get("state").asString()).isEqualTo("PENDING");
		assertThat(forward.get("attempts").asInt()).isGreaterThanOrEqualTo(3);
		assertThat(forward.get("lastError").asString()).isNotBlank();
		assertThat(forward.get("nextAttemptAt").isNull()).isFalse();
		assertThat(hub.getJson("/api/upstream?state=PENDING", officer).valueStream().map(f -> f.get("incidentId").asString())).contains(incidentId);
		seenPending.countDown();

		// and once the peer acknowledges, it is acknowledged, and was acknowledged by the peer exactly once
		JsonNode upstream = awaitAcknowledged(incidentId);
		String forwardId = upstream.get("forwards").get(0).get("forwardId").asString();
		assertThat(peer.received.get(forwardId).get()).isGreaterThanOrEqualTo(4);
		assertThat(peer.acknowledgements.get(forwardId).get()).isEqualTo(1);
		assertThat(upstream.get("forwards").get(0).get("attempts").asInt()).isEqualTo(peer.received.get(forwardId).get());
		assertThat(peer.requestsFor(incidentId)).extracting(r -> r.get("forwardId").asString()).containsOnly(forwardId);
		assertThat(hub.getJson("/api/upstream?state=PENDING", officer).valueStream()
			.map(f -> f.get("incidentId").asString())).doesNotContain(incidentId);
	}

	@Test
	void levelThreeAndFourReportsAreNotForwarded() {
		// when a level III and a level IV incident are reported, and after them a level II one
		String three = reportAt("esc-level-3", "III").get("incidentId").asString();
		String four = reportAt("esc-level-4", "IV").get("incidentId").asString();
		String two = reportAt("esc-level-2-after", "II").get("incidentId").asString();

		// then once the later one is acknowledged (the outbox is filled in log order), the others were passed over
		awaitAcknowledged(two);
		assertThat(upstream(hub, officer, three).get("upstream").asString()).isEqualTo("NOT_FORWARDED");
		assertThat(upstream(hub, officer, four).get("upstream").asString()).isEqualTo("NOT_FORWARDED");
		assertThat(peer.requestsFor(three)).isEmpty();
		assertThat(peer.requestsFor(four)).isEmpty();
	}

	@Test
	void aLevelRaiseIsForwardedAndALoweringIsNot() {
		// given a level III incident, not forwarded
		String incidentId = reportAt("esc-raised", "III").get("incidentId").asString();

		// when its level is raised to I
		long raisedSeq = Escalations.changeLevel(hub, incidentId, "III", "I");

		// then the raise reaches the peer, with the incident as reported
		JsonNode upstream = awaitAcknowledged(incidentId);
		assertThat(upstream.get("forwards")).hasSize(1);
		JsonNode forward = upstream.get("forwards").get(0);
		assertThat(forward.get("kind").asString()).isEqualTo("LEVEL_RAISED");
		assertThat(forward.get("sourceSeq").asLong()).isEqualTo(raisedSeq);
		List<JsonNode> requests = peer.requestsFor(incidentId);
		assertThat(requests).hasSize(1);
		JsonNode request = requests.get(0);
		assertThat(request.get("kind").asString()).isEqualTo("LEVEL_RAISED");
		assertThat(request.get("level").asString()).isEqualTo("I");
		assertThat(request.get("previousLevel").asString()).isEqualTo("III");
		assertThat(request.get("reason").asString()).isEqualTo("spreading");
		assertThat(request.get("changedBy").asString()).isEqualTo("officer:test");
		assertThat(request.get("incident").get("title").asString()).isEqualTo("Waterlogging esc-raised");

		// when it is lowered to II, and a level I incident is reported after that
		Escalations.changeLevel(hub, incidentId, "I", "II");
		awaitAcknowledged(reportAt("esc-after-lowering", "I").get("incidentId").asString());

		// then the lowering was passed over
		assertThat(upstream(hub, officer, incidentId).get("forwards")).hasSize(1);
		assertThat(peer.requestsFor(incidentId)).hasSize(1);
	}

	@Test
	void pendingForwardsAreListedForOfficersOnly() {
		// a city platform may not list the province's forwards
		hub.http()
			.get()
			.uri("/api/upstream?state=PENDING")
			.headers(h -> h.setBearerAuth(hub.cityPlatformToken("350200").get("token").asString()))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("ACCESS_DENIED");
		// and an unknown state is refused with the offending field
		hub.http()
			.get()
			.uri("/api/upstream?state=LOST")
			.headers(h -> h.setBearerAuth(officer))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("INVALID_FIELD")
			.jsonPath("$.field")
			.isEqualTo("state");
	}

	@Test
	void aCityPlatformSeesTheUpstreamStateOfItsOwnIncidentsOnly() {
		// given a Xiamen level I incident acknowledged upstream
		String incidentId = reportAt("esc-scope", "I").get("incidentId").asString();
		awaitAcknowledged(incidentId);

		// then Xiamen's platform sees its forward, and Fuzhou's platform sees none
		JsonNode own = upstream(hub, hub.cityPlatformToken("350200").get("token").asString(), incidentId);
		assertThat(own.get("upstream").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(own.get("forwards")).hasSize(1);
		JsonNode other = upstream(hub, hub.cityPlatformToken("350100").get("token").asString(), incidentId);
		assertThat(other.get("upstream").asString()).isEqualTo("NOT_FORWARDED");
		assertThat(other.get("forwards")).isEmpty();
	}

}
