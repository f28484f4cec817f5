package cn.fj.emergency.alerting.channel;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an administrator may subscribe, and which warnings a recipient wants. */
class SubscriptionRequestTest {

	@Test
	void acceptsAWebhookWithUrlSecretAndAreas() {
		var request = new SubscriptionRequest("WEBHOOK", "county broadcast", "https://example.org/hook",
				"0123456789abcdef", List.of("350203"));
		assertThat(request.problems()).isEmpty();
	}

	@Test
	void refusesAWebhookWithoutSecretOrWithABadUrl() {
		var request = new SubscriptionRequest("WEBHOOK", "x", "ftp://example.org", null, List.of("350203"));
		assertThat(request.problems()).hasSize(2);
	}

	@Test
	void refusesMqttAndBadAreas() {
		var request = new SubscriptionRequest("MQTT", "x", "+8613900000001", null, List.of("3502"));
		assertThat(request.problems()).anyMatch(p -> p.startsWith("channel")).anyMatch(p -> p.startsWith("areas"));
	}

	@Test
	void recipientWantsWarningsCoveringItsCityOrCounty() {
		var s = new Subscription(java.util.UUID.randomUUID(), Channel.SMS, "x", "+8613900000001", null,
				List.of("350203"), java.time.Instant.now());
		assertThat(s.wants(List.of("350200"), List.of("350203"))).isTrue();
		assertThat(s.wants(List.of("350200"), List.of("350211"))).isFalse();
	}

}
