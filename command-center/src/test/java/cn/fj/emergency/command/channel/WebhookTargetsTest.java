package cn.fj.emergency.command.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.alerting.channel.Channel;
import cn.fj.emergency.alerting.channel.Subscription;
import cn.fj.emergency.alerting.channel.persistence.SubscriptionStore;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.WarningContents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a hub whose operator allowed no webhook target, webhooks to loopback, private, link-local, unique-local,
 * multicast, unspecified and metadata addresses (in any spelling) are refused at subscription, and a recipient whose
 * host resolves to such an address by the time of delivery is never connected to.
 */
class WebhookTargetsTest {

	static final Duration WAIT = Duration.ofSeconds(20);

	static Hub hub;

	static String admin;

	static String officer;

	@BeforeAll
	static void startHub() {
		Map<String, Object> settings = new HashMap<>(Hub.freshHubSettings());
		settings.remove("hub.channels.webhook.allowed-targets");
		settings.put("hub.channels.worker.poll-interval", "100ms");
		settings.put("hub.channels.retry.first", "100ms");
		settings.put("hub.channels.retry.max-attempts", "2");
		hub = Hub.start(settings);
		admin = hub.adminToken();
		officer = hub.dutyOfficerToken();
	}

	@AfterAll
	static void stopHub() {
		hub.close();
	}

	static Map<String, Object> webhook(String address) {
		return Map.of("channel", "WEBHOOK", "name", "target " + address, "address", address, "secret",
				"webhook-secret-0123456789", "areas", List.of("350200"));
	}

	@Test
	void refusesLoopbackPrivateLinkLocalMetadataAndTrickSpellings() {
		List<String> refused = List.of("http://127.0.0.1:8080/hook", "http://127.8.9.10/hook", "http://[::1]/hook",
				"http://localhost:9000/hook", "http://LOCALHOST./hook", "http://api.localhost/hook",
				"http://169.254.169.254/latest/meta-data/", "http://100.100.100.200/latest/meta-data/",
				"http://[fd00:ec2::254]/latest/meta-data/", "http://0.0.0.0/hook", "http://[::]/hook",
				"http://10.1.2.3/hook", "https://172.16.0.1/hook", "https://172.31.255.254/hook",
				"http://192.168.1.10/hook", "http://[fc00::1]/hook", "http://[fe80::1]/hook",
				"http://[::ffff:127.0.0.1]/hook", "http://[::ffff:a9fe:a9fe]/hook", "http://[::ffff:10.0.0.1]/hook",
				"http://[64:ff9b::7f00:1]/hook", "http://[2002:7f00:1::]/hook", "http://224.0.0.1/hook",
				"http://[ff02::1]/hook", "http://255.255.255.255/hook", "http://[fe80::1%25eth0]/hook",
				"http://0177.0.0.1/hook", "http://2130706433/hook", "http://0x7f000001/hook", "http://017700000001/hook",
				"http://127.000.000.1/hook");
		for (String address : refused) {
			JsonNode answer = hub.postJson("/api/admin/channels/subscriptions", admin, webhook(address), 400);
			assertThat(answer.path("code").asString()).as(address).isEqualTo("WEBHOOK_TARGET_FORBIDDEN");
			assertThat(answer.path("address").asString()).as(address).isEqualTo(address);
			assertThat(answer.path("reason").asString()).as(address).isNotBlank();
		}
		// spellings that are no URL host at all are refused as invalid addresses
		for (String address : List.of("http://0x7f.0.0.1/hook", "http://127.1/hook", "http://127.0.0.1./hook")) {
			JsonNode answer = hub.postJson("/api/admin/channels/subscriptions", admin, webhook(address), 400);
			assertThat(answer.path("code").asString()).as(address).isEqualTo("SUBSCRIPTION_INVALID");
		}
		assertThat(hub.getJson("/api/admin/channels/subscriptions", admin).findValuesAsString("address"))
			.doesNotContainAnyElementsOf(refused);
	}

	@Test
	void acceptsAPublicAddress() {
		JsonNode subscribed = hub.postJson("/api/admin/channels/subscriptions", admin,
				webhook("https://93.184.215.14/warnings"), 201);
		assertThat(subscribed.path("exercises").asBoolean()).isFalse();
		hub.postJson("/api/admin/channels/subscriptions", admin, webhook("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/w"),
				201);
	}

	@Test
	void aRecipientThatResolvesToLoopbackAtDeliveryIsNeverConnectedTo() {
		try (Receiver byName = new Receiver(Warnings.freePort(), 0, a -> a.body(), a -> true);
				Receiver byAddress = new Receiver(Warnings.freePort(), 0, a -> a.body(), a -> true)) {
			// as if subscribed while their hosts pointed elsewhere (or before the rule): written to the store directly
			SubscriptionStore store = hub.context().getBean(SubscriptionStore.class);
			String nameUrl = byName.url().replace("127.0.0.1", "localhost") + "/hook";
			store.add(new Subscription(UUID.randomUUID(), Channel.WEBHOOK, "later loopback (name)", nameUrl,
					"webhook-secret-0123456789", List.of("350203"), Instant.now())).block(WAIT);
			store.add(new Subscription(UUID.randomUUID(), Channel.WEBHOOK, "later loopback (address)",
					byAddress.url() + "/hook", "webhook-secret-0123456789", List.of("350203"), Instant.now())).block(WAIT);

			String identifier = publish();

			Warnings.await(WAIT, () -> failed(identifier) == 2, "both webhook deliveries FAILED");
			JsonNode deliveries = hub.getJson("/api/deliveries/" + identifier, officer);
			for (JsonNode delivery : deliveries) {
				assertThat(delivery.path("attempts").asInt()).isEqualTo(2);
				assertThat(delivery.path("lastError").asString()).contains("refused");
			}
			assertThat(byName.requests()).isZero();
			assertThat(byAddress.requests()).isZero();
		}
	}

	static long failed(String identifier) {
		JsonNode deliveries = hub.http().get().uri("/api/deliveries/" + identifier)
			.headers(h -> h.setBearerAuth(officer)).exchange()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		long count = 0;
		for (JsonNode delivery : deliveries) {
			count += "FAILED".equals(delivery.path("state").asString()) ? 1 : 0;
		}
		return count;
	}

	/** A yellow Actual warning for Siming (350203), composed, approved by a second officer and published. */
	static String publish() {
		String author = hub.officerToken(null, "DUTY_OFFICER");
		String reviewer = hub.officerToken(null, "DUTY_OFFICER");
		return WarningContents.published(hub, author, reviewer, WarningContents.actual("yellow", List.of("350203")));
	}

}
