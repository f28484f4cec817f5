package cn.fj.emergency.command.channel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.WarningContents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reach preview over HTTP on a real hub and PostgreSQL ({@code GET /api/warnings/{id}/reach}, docs/channels.md,
 * "Reach preview"): subscriptions covering part of a warning's counties are listed per channel with their receiver
 * estimate, the county no subscription wants is named; an Exercise warning reaches only recipients for exercises; a
 * warning no subscription covers says so; and what the preview lists is what publishing then records deliveries for.
 */
class ReachPreviewTest {

	static Hub hub;

	static String author;

	static String reviewer;

	static final Map<String, String> ids = new HashMap<>();

	@BeforeAll
	static void start() {
		Map<String, Object> settings = new HashMap<>(Hub.freshHubSettings());
		// SMS subscriptions count only where a gateway is configured (nothing listens there: deliveries just fail)
		settings.put("hub.channels.sms.gateway-url", "http://127.0.0.1:" + Warnings.freePort() + "/sms");
		settings.put("hub.channels.retry.max-attempts", "1");
		hub = Hub.start(settings);
		author = hub.officerToken(null, "DUTY_OFFICER");
		reviewer = hub.officerToken(null, "DUTY_OFFICER");
		subscribe("WEBHOOK", "Siming broadcast", "http://127.0.0.1:9/siming", List.of("350203"), false, 120000);
		subscribe("WEBHOOK", "Xiamen city system", "http://127.0.0.1:9/xiamen", List.of("350200"), false, null);
		subscribe("SMS", "Gulou duty phone", "+8613900000001", List.of("350102"), false, null);
		subscribe("WEBHOOK", "Siming drill hook", "http://127.0.0.1:9/drill", List.of("350203"), true, 50);
		subscribe("WEBHOOK", "Putian broadcast", "http://127.0.0.1:9/putian", List.of("350300"), false, 9000);
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	static void subscribe(String channel, String name, String address, List<String> areas, boolean exercises,
			Integer receivers) {
		Map<String, Object> body = new HashMap<>(Map.of("channel", channel, "name", name, "address", address, "areas",
				areas, "exercises", exercises));
		if (channel.equals("WEBHOOK")) {
			body.put("secret", "a-shared-secret-of-the-webhook");
		}
		if (receivers != null) {
			body.put("receivers", receivers);
		}
		JsonNode s = hub.postJson("/api/admin/channels/subscriptions", hub.adminToken(), body, 201);
		assertThat(s.path("receivers").isNull() ? null : s.path("receivers").asInt()).isEqualTo(receivers);
		ids.put(name, s.get("id").asString());
	}

	static String approved(String status, List<String> codes) {
		String id = hub.postJson("/api/warnings", author,
				WarningContents.content("yellow", status, codes, WarningContents.inHours(6)), 201)
			.get("identifier").asString();
		hub.postJson("/api/warnings/" + id + "/submit", author, Map.of(), 200);
		hub.postJson("/api/warnings/" + id + "/approve", reviewer, Map.of("comment", "checked"), 200);
		return id;
	}

	static JsonNode channel(JsonNode reach, String channel) {
		for (JsonNode c : reach.get("channels")) {
			if (c.get("channel").asString().equals(channel)) {
				return c;
			}
		}
		return null;
	}

	static List<String> strings(JsonNode array) {
		List<String> out = new ArrayList<>();
		array.forEach(n -> out.add(n.asString()));
		return out;
	}

	@Test
	void subscriptionsCoveringPartOfTheAreasAreCountedAndTheUncoveredCountyIsNamed() {
		// Siming (Xiamen), Gulou (Fuzhou) and Youxi (Sanming): nobody subscribed Youxi or Sanming
		String id = approved("Actual", List.of("350203", "350102", "350426"));
		JsonNode reach = hub.getJson("/api/warnings/" + id + "/reach", author);

		assertThat(reach.get("audience").asString()).isEqualTo("REAL");
		assertThat(strings(reach.get("countyCodes"))).containsExactly("350102", "350203", "350426");
		assertThat(strings(reach.get("uncoveredCounties"))).containsExactly("350426");
		assertThat(strings(reach.get("coveredCounties"))).containsExactly("350102", "350203");

		JsonNode webhook = channel(reach, "WEBHOOK");
		assertThat(webhook.get("subscriptions").asInt()).isEqualTo(2);
		// the declared 120,000 of Siming's broadcaster plus the city system counted as one
		assertThat(webhook.get("receivers").asLong()).isEqualTo(120001);
		assertThat(webhook.get("declared").asInt()).isEqualTo(1);
		assertThat(webhook.get("recipients")).extracting(r -> r.get("name").asString())
			.containsExactlyInAnyOrder("Siming broadcast", "Xiamen city system");
		assertThat(strings(webhook.get("coveredCounties"))).containsExactly("350203");
		JsonNode sms = channel(reach, "SMS");
		assertThat(sms.get("subscriptions").asInt()).isEqualTo(1);
		assertThat(sms.get("receivers").asLong()).isEqualTo(1);
		assertThat(sms.get("recipients").get(0).get("name").asString()).isEqualTo("Gulou duty phone");
		assertThat(channel(reach, "ATOM")).as("an Actual alert is listed in the public feed").isNotNull();
		assertThat(channel(reach, "ATOM").get("receivers").isNull()).isTrue();
		assertThat(channel(reach, "MQTT")).as("no broker configured").isNull();

		// publishing records a delivery to exactly the subscriptions the preview listed, named by subscription
		hub.postJson("/api/warnings/" + id + "/publish", author, Map.of(), 200);
		JsonNode deliveries = hub.getJson("/api/deliveries/" + id, author);
		List<String> recipients = new ArrayList<>();
		deliveries.forEach(d -> recipients.add(d.get("recipient").asString()));
		assertThat(recipients).containsExactlyInAnyOrder(ids.get("Siming broadcast"), ids.get("Xiamen city system"),
				ids.get("Gulou duty phone"));
		assertThat(deliveries).extracting(d -> d.get("recipientName").asString())
			.containsExactlyInAnyOrder("Siming broadcast", "Xiamen city system", "Gulou duty phone");
	}

	@Test
	void anExerciseReachesOnlyRecipientsForExercisesAndSaysSo() {
		String id = approved("Exercise", List.of("350203", "350426"));
		JsonNode reach = hub.getJson("/api/warnings/" + id + "/reach", author);
		assertThat(reach.get("audience").asString()).isEqualTo("EXERCISE");
		JsonNode webhook = channel(reach, "WEBHOOK");
		assertThat(webhook.get("recipients")).extracting(r -> r.get("name").asString())
			.containsExactly("Siming drill hook");
		assertThat(webhook.get("receivers").asLong()).isEqualTo(50);
		assertThat(channel(reach, "SMS")).isNull();
		assertThat(channel(reach, "ATOM")).as("exercises are not in the public feed").isNull();
		assertThat(strings(reach.get("uncoveredCounties"))).containsExactly("350426");
	}

	@Test
	void aWarningNoSubscriptionCoversSaysSo() {
		String id = approved("Actual", List.of("350426"));
		JsonNode reach = hub.getJson("/api/warnings/" + id + "/reach", author);
		assertThat(strings(reach.get("coveredCounties"))).isEmpty();
		assertThat(strings(reach.get("uncoveredCounties"))).containsExactly("350426");
		assertThat(channel(reach, "WEBHOOK")).isNull();
		assertThat(channel(reach, "SMS")).isNull();
	}

	@Test
	void refusals() {
		hub.http().get().uri("/api/warnings/no-such-warning/reach").headers(h -> h.setBearerAuth(author)).exchange()
			.expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("WARNING_NOT_FOUND");
		String id = approved("Actual", List.of("350203"));
		// a department drafts warnings but does not read the administrators' recipients
		String department = hub.http().post().uri("/api/admin/service-tokens").headers(h -> h.setBearerAuth(hub.adminToken()))
			.bodyValue(Map.of("subject", "meteorological-bureau", "roles", List.of("DEPARTMENT"), "description", "test"))
			.exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
			.get("token").asString();
		hub.http().get().uri("/api/warnings/" + id + "/reach").headers(h -> h.setBearerAuth(department)).exchange()
			.expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("ACCESS_DENIED");
		hub.http().get().uri("/api/warnings/" + id + "/reach").exchange().expectStatus().isUnauthorized();
		hub.http().post().uri("/api/admin/channels/subscriptions").headers(h -> h.setBearerAuth(hub.adminToken()))
			.bodyValue(Map.of("channel", "SMS", "name", "zero", "address", "+8613900000009", "areas", List.of("350203"),
					"receivers", 0))
			.exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("SUBSCRIPTION_INVALID");
	}

}
