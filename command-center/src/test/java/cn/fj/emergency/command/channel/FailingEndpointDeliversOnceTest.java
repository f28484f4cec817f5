package cn.fj.emergency.command.channel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.alerting.channel.PublishedWarning;
import cn.fj.emergency.alerting.channel.webhook.WebhookSignature;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With channel endpoints failing for a while (a webhook answering 503, a webhook whose server is not up yet so the
 * connection is refused, an SMS gateway answering 503), every recipient ends with exactly one delivery, under one
 * message id, and the ledger shows it acknowledged (webhooks) or sent (SMS), each change seen live on the console.
 */
class FailingEndpointDeliversOnceTest {

	static final String SECRET = "a-shared-secret-of-the-webhook";

	static Receiver failingWebhook;

	static Receiver healthyWebhook;

	static Receiver smsGateway;

	static int refusedPort;

	static Hub hub;

	static String admin;

	@BeforeAll
	static void start() {
		failingWebhook = new Receiver(0, 3, a -> a.headers().get("X-Message-Id"), FailingEndpointDeliversOnceTest::signed);
		healthyWebhook = new Receiver(0, 0, a -> a.headers().get("X-Message-Id"), FailingEndpointDeliversOnceTest::signed);
		smsGateway = new Receiver(0, 3, a -> HubClient.JSON.readTree(a.body()).get("clientReference").asString(), a -> true);
		refusedPort = Warnings.freePort();
		Map<String, Object> settings = new HashMap<>(Hub.freshHubSettings());
		settings.put("hub.channels.worker.poll-interval", "100ms");
		settings.put("hub.channels.retry.first", "100ms");
		settings.put("hub.channels.retry.cap", "400ms");
		settings.put("hub.channels.retry.max-attempts", "30");
		settings.put("hub.channels.sms.gateway-url", smsGateway.url());
		hub = Hub.start(settings);
		admin = hub.adminToken();
	}

	@AfterAll
	static void stop() {
		hub.close();
		failingWebhook.close();
		healthyWebhook.close();
		smsGateway.close();
	}

	@Test
	void everyRecipientEndsWithExactlyOneDelivery() {
		// given webhooks and SMS recipients for Xiamen (350200) and one webhook for Fuzhou (350100) only
		subscribe("WEBHOOK", "failing", failingWebhook.url() + "/hook", List.of("350200"));
		subscribe("WEBHOOK", "healthy", healthyWebhook.url() + "/hook", List.of("350203"));
		subscribe("WEBHOOK", "refused", "http://127.0.0.1:" + refusedPort + "/hook", List.of("350200"));
		subscribe("WEBHOOK", "fuzhou", healthyWebhook.url() + "/fuzhou", List.of("350100"));
		subscribe("SMS", "siming duty phone", "+8613900000001", List.of("350203"));
		subscribe("SMS", "xiamen duty phone", "+8613900000002", List.of("350200"));
		String officer = hub.officerToken(null, "COMMANDER");
		List<JsonNode> events = new CopyOnWriteArrayList<>();
		try (HubClient console = hub.console(officer)) {
			Disposable watching = console.stream("events.stream", Map.of("after", 0, "streams", List.of("deliveries")))
				.subscribe(events::add);
			try {
				// when a warning for Siming district of Xiamen is published
				PublishedWarning warning = Warnings.alert("FJ-CH-0001", List.of("350200"), List.of("350203"));
				Warnings.distribute(hub, warning);

				// and the refused endpoint only comes up after it has been tried and failed
				Warnings.await(Duration.ofSeconds(20), () -> attemptsOf(officer, "refused") >= 2, "refused attempts");
				try (Receiver lateWebhook = new Receiver(refusedPort, 0, a -> a.headers().get("X-Message-Id"),
						FailingEndpointDeliversOnceTest::signed)) {
					Warnings.await(Duration.ofSeconds(30), () -> finished(officer), "every delivery finished");

					// then each recipient accepted exactly one delivery, under one message id, no duplicate
					assertThat(failingWebhook.requests()).isGreaterThan(3);
					assertThat(failingWebhook.countsByKey()).hasSize(1).containsValue(1);
					assertThat(lateWebhook.countsByKey()).hasSize(1).containsValue(1);
					assertThat(healthyWebhook.countsByKey()).hasSize(1).containsValue(1);
					assertThat(healthyWebhook.accepted().get(0).headers().get("Idempotency-Key"))
						.isEqualTo(healthyWebhook.accepted().get(0).key());
					assertThat(healthyWebhook.accepted().get(0).body()).contains("<identifier>FJ-CH-0001</identifier>");
					assertThat(smsGateway.requests()).isGreaterThan(3);
					assertThat(smsGateway.countsByKey()).hasSize(2).allSatisfy((ref, n) -> assertThat(n).isEqualTo(1));
					List<String> phones = new ArrayList<>();
					smsGateway.accepted().forEach(a -> phones.add(HubClient.JSON.readTree(a.body()).get("to").asString()));
					assertThat(phones).containsExactlyInAnyOrder("+8613900000001", "+8613900000002");

					// and the ledger shows webhooks acknowledged, SMS sent, under the message ids the receivers saw
					JsonNode ledger = hub.getJson("/api/deliveries/FJ-CH-0001", officer);
					assertThat(ledger.size()).isEqualTo(5);
					Set<String> ids = new java.util.HashSet<>();
					for (JsonNode row : ledger) {
						String expected = row.get("channel").asString().equals("SMS") ? "SENT" : "ACKNOWLEDGED";
						assertThat(row.get("state").asString()).isEqualTo(expected);
						ids.add(row.get("messageId").asString());
					}
					assertThat(ids).containsAll(failingWebhook.countsByKey().keySet())
						.containsAll(lateWebhook.countsByKey().keySet())
						.containsAll(smsGateway.countsByKey().keySet());
					assertThat(healthyWebhook.accepted()).noneMatch(a -> a.headers().get("X-Message-Id") == null
							|| !ids.contains(a.key()));

					// and the console saw every delivery reach its state, live
					Warnings.await(Duration.ofSeconds(10), () -> events.size() >= 5, "delivery events");
					assertThat(events).allSatisfy(e -> {
						assertThat(e.get("type").asString()).isEqualTo("delivery.state-changed");
						assertThat(e.get("cities").size()).isZero();
					});
				}
			}
			finally {
				watching.dispose();
			}
		}
	}

	private static boolean signed(Receiver.Accepted a) {
		String timestamp = a.headers().get("X-Hub-Timestamp");
		String messageId = a.headers().get("X-Message-Id");
		String signature = a.headers().get(WebhookSignature.HEADER);
		return timestamp != null && messageId != null && signature != null
				&& signature.equals(WebhookSignature.sign(SECRET, timestamp, messageId,
						a.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	private static void subscribe(String channel, String name, String address, List<String> areas) {
		Map<String, Object> body = new HashMap<>();
		body.put("channel", channel);
		body.put("name", name);
		body.put("address", address);
		body.put("areas", areas);
		if (channel.equals("WEBHOOK")) {
			body.put("secret", SECRET);
		}
		hub.http().post().uri("/api/admin/channels/subscriptions").headers(h -> h.setBearerAuth(admin))
			.bodyValue(body).exchange().expectStatus().isCreated();
	}

	private static Map<String, String> recipientNames() {
		Map<String, String> names = new HashMap<>();
		for (JsonNode s : hub.getJson("/api/admin/channels/subscriptions", admin)) {
			names.put(s.get("id").asString(), s.get("name").asString());
		}
		return names;
	}

	private static int attemptsOf(String officer, String name) {
		Map<String, String> names = recipientNames();
		for (JsonNode row : hub.getJson("/api/deliveries/FJ-CH-0001", officer)) {
			if (name.equals(names.get(row.get("recipient").asString()))) {
				return row.get("attempts").asInt();
			}
		}
		return 0;
	}

	private static boolean finished(String officer) {
		for (JsonNode row : hub.getJson("/api/deliveries/FJ-CH-0001", officer)) {
			if (row.get("state").asString().equals("PENDING")) {
				return false;
			}
		}
		return true;
	}

}
