package cn.fj.emergency.command.uplink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;

import static cn.fj.emergency.command.uplink.Escalations.acknowledged;
import static cn.fj.emergency.command.uplink.Escalations.await;
import static cn.fj.emergency.command.uplink.Escalations.report;
import static cn.fj.emergency.command.uplink.Escalations.upstream;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two hub instances forward to one national peer: each forward reaches it exactly once, and what was queued while
 * the peer was down reaches it when it comes up. The peer is down when the hub starts, so the first test runs first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EscalationAcrossInstancesTest {

	static final Duration WAIT = Duration.ofSeconds(60);

	static NationalPeerStub peer;

	static List<Hub> hubs;

	static String officer;

	@BeforeAll
	static void startHubsWithThePeerDown() {
		peer = NationalPeerStub.onFreePort();
		Map<String, Object> settings = Escalations.settings(peer);
		hubs = List.of(Hub.start(settings), Hub.start(settings));
		officer = hubs.get(0).dutyOfficerToken();
	}

	@AfterAll
	static void stop() {
		hubs.forEach(Hub::close);
		peer.close();
	}

	/** Reports alternately through both instances; answers the incident ids. */
	static List<String> reportThroughBoth(String prefix, int count) {
		List<String> ids = new ArrayList<>();
		try (HubClient first = hubs.get(0).city("350200"); HubClient second = hubs.get(1).city("350200")) {
			for (int i = 0; i < count; i++) {
				HubClient via = i % 2 == 0 ? first : second;
				JsonNode receipt = via.request("incidents.report", report(prefix + i, i % 3 == 0 ? "II" : "I"))
					.block(Duration.ofSeconds(10));
				ids.add(receipt.get("incidentId").asString());
			}
		}
		return ids;
	}

	static JsonNode awaitAcknowledged(String incidentId) {
		JsonNode upstream = await(() -> upstream(hubs.get(1), officer, incidentId), Escalations::acknowledged, WAIT);
		assertThat(acknowledged(upstream)).as(upstream.toString()).isTrue();
		return upstream;
	}

	static void assertReachedThePeerOnce(String incidentId) {
		JsonNode upstream = awaitAcknowledged(incidentId);
		assertThat(upstream.get("forwards")).hasSize(1);
		String forwardId = upstream.get("forwards").get(0).get("forwardId").asString();
		assertThat(peer.requestsFor(incidentId)).as("requests for incident " + incidentId).hasSize(1);
		assertThat(peer.received.get(forwardId).get()).isEqualTo(1);
		assertThat(peer.acknowledgements.get(forwardId).get()).isEqualTo(1);
	}

	@Test
	@Order(1)
	void whatWasQueuedWhileThePeerWasDownIsDeliveredWhenItComesUp() {
		// given the peer is down, and level I/II incidents are reported through both instances
		List<String> incidents = reportThroughBoth("down-", 3);

		// then they are pending, each with failed attempts to connect
		for (String incidentId : incidents) {
			JsonNode pending = await(() -> upstream(hubs.get(0), officer, incidentId),
					u -> u.path("forwards").path(0).path("lastError").isString(), WAIT);
			assertThat(pending.get("upstream").asString()).as(pending.toString()).isEqualTo("PENDING");
			assertThat(pending.get("forwards").get(0).get("attempts").asInt()).isPositive();
		}
		assertThat(peer.requests).isEmpty();

		// when the peer comes up
		peer.start();

		// then every one of them reaches it, once
		incidents.forEach(EscalationAcrossInstancesTest::assertReachedThePeerOnce);
	}

	@Test
	@Order(2)
	void withTwoInstancesForwardingEachForwardReachesThePeerExactlyOnce() {
		// given the peer is up (started by the test before, or now)
		if (peer.requests.isEmpty()) {
			peer.start();
		}

		// when many level I/II incidents are reported through both instances, both forwarding
		List<String> incidents = reportThroughBoth("both-", 20);

		// then each was forwarded once and reached the peer exactly once
		incidents.forEach(EscalationAcrossInstancesTest::assertReachedThePeerOnce);
		assertThat(peer.received.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
	}

	@Test
	@Order(3)
	void afterThePeerRestartsTheInstancesReconnectAndDeliverWhatWasPending() {
		// given the instances are connected to the peer (the tests before delivered through it)
		assertThat(peer.requests).isNotEmpty();

		// when the peer goes away, closing their connections, and incidents are reported meanwhile
		peer.close();
		List<String> incidents = reportThroughBoth("restart-", 4);
		for (String incidentId : incidents) {
			JsonNode pending = await(() -> upstream(hubs.get(0), officer, incidentId),
					u -> u.path("forwards").path(0).path("lastError").isString(), WAIT);
			assertThat(pending.get("upstream").asString()).as(pending.toString()).isEqualTo("PENDING");
		}

		// then once it is back, they reconnect and each incident reaches it once
		peer.start();
		incidents.forEach(EscalationAcrossInstancesTest::assertReachedThePeerOnce);
	}

}
