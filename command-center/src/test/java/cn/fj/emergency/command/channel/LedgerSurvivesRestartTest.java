package cn.fj.emergency.command.channel;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delivery still owed when the hub stops is made by the hub that starts next on the same database, once, under the
 * message id it was given at publication.
 */
class LedgerSurvivesRestartTest {

	@Test
	void pendingDeliveryIsMadeAfterRestart() {
		// given a webhook whose endpoint is down, and a warning for its area published on a hub that then stops
		int port = Warnings.freePort();
		Map<String, Object> settings = new HashMap<>(Hub.freshHubSettings());
		settings.put("hub.channels.worker.poll-interval", "100ms");
		settings.put("hub.channels.retry.first", "100ms");
		settings.put("hub.channels.retry.cap", "300ms");
		settings.put("hub.channels.retry.max-attempts", "1000");
		// an attempt cut off by the stop leaves its lease behind: short, so the next hub takes the row over soon
		settings.put("hub.channels.worker.lease", "2s");
		settings.put("hub.channels.worker.attempt-timeout", "1s");
		String messageId;
		try (Hub first = Hub.start(settings)) {
			String admin = first.adminToken();
			first.http().post().uri("/api/admin/channels/subscriptions").headers(h -> h.setBearerAuth(admin))
				.bodyValue(Map.of("channel", "WEBHOOK", "name", "down", "address", "http://127.0.0.1:" + port + "/hook",
						"secret", FailingEndpointDeliversOnceTest.SECRET, "areas", List.of("350200")))
				.exchange().expectStatus().isCreated();
			Warnings.distribute(first, Warnings.alert("FJ-RS-0001", List.of("350200"), List.of("350203")));
			Warnings.await(Duration.ofSeconds(20), () -> row(first, admin).get("attempts").asInt() >= 1, "a failed attempt");
			JsonNode before = row(first, admin);
			assertThat(before.get("state").asString()).isEqualTo("PENDING");
			messageId = before.get("messageId").asString();
		}

		// when the endpoint comes up and the hub starts again
		try (Receiver endpoint = new Receiver(port, 0, a -> a.headers().get("X-Message-Id"), a -> true);
				Hub second = Hub.start(settings)) {
			String admin = second.adminToken();

			// then the owed delivery is made, once, with its original message id
			Warnings.await(Duration.ofSeconds(30), () -> row(second, admin).get("state").asString().equals("ACKNOWLEDGED"),
					"the delivery acknowledged after restart");
			assertThat(endpoint.countsByKey()).containsExactly(Map.entry(messageId, 1));
		}
	}

	private static JsonNode row(Hub hub, String token) {
		return hub.getJson("/api/deliveries/FJ-RS-0001", token).get(0);
	}

}
