package cn.fj.emergency.command.channel;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An SMS gateway reports delivery receipts with a CHANNEL_GATEWAY token: a delivered SMS becomes ACKNOWLEDGED, an
 * undelivered one FAILED with the gateway's reason, republished under the same client reference; receipts sent again
 * change nothing, unknown references are named, bad ones refused with nothing applied; each change is a console event.
 */
class SmsReceiptsTest {

	static final Duration WAIT = Duration.ofSeconds(20);

	static Receiver gateway;

	static Hub hub;

	static String admin;

	static String officer;

	static String gatewayToken;

	@BeforeAll
	static void start() {
		gateway = new Receiver(0, 0, a -> HubClient.JSON.readTree(a.body()).get("clientReference").asString(), a -> true);
		Map<String, Object> settings = new HashMap<>(Hub.freshHubSettings());
		settings.put("hub.channels.worker.poll-interval", "100ms");
		settings.put("hub.channels.retry.first", "100ms");
		settings.put("hub.channels.sms.gateway-url", gateway.url());
		hub = Hub.start(settings);
		admin = hub.adminToken();
		officer = hub.officerToken(null, "COMMANDER");
		gatewayToken = hub.postJson("/api/admin/service-tokens", admin, Map.of("subject", "sms-gateway", "roles",
				Set.of("CHANNEL_GATEWAY"), "description", "the province's SMS gateway"), 201).get("token").asString();
		for (String phone : List.of("+8613900000011", "+8613900000012")) {
			hub.postJson("/api/admin/channels/subscriptions", admin, Map.of("channel", "SMS", "name", "duty " + phone,
					"address", phone, "areas", List.of("350203")), 201);
		}
	}

	@AfterAll
	static void stop() {
		hub.close();
		gateway.close();
	}

	@Test
	void receiptsAcknowledgeOrFailTheirDeliveries() {
		List<JsonNode> events = new CopyOnWriteArrayList<>();
		try (HubClient console = hub.console(officer)) {
			Disposable watching = console.stream("events.stream", Map.of("after", 0, "streams", List.of("deliveries")))
				.filter(e -> e.get("data").get("identifier").asString().equals("FJ-SMS-0001"))
				.subscribe(events::add);
			// given a warning handed to the gateway for two phones
			Warnings.distribute(hub, Warnings.alert("FJ-SMS-0001", List.of("350200"), List.of("350203")));
			Warnings.await(WAIT, () -> states().equals(List.of("SENT", "SENT")), "both SMS sent");
			List<String> references = rows("FJ-SMS-0001").stream().map(r -> r.get("messageId").asString()).toList();
			assertThat(gateway.countsByKey()).containsKeys(references.toArray(String[]::new));
			String delivered = references.get(0);
			String undelivered = references.get(1);

			// when the gateway reports one delivered and one not, with a reference the hub never sent
			String unknown = UUID.randomUUID().toString();
			JsonNode outcome = receipts(gatewayToken, List.of(
					Map.of("clientReference", delivered, "status", "DELIVERED"),
					Map.of("clientReference", undelivered, "status", "UNDELIVERED", "error", "handset unreachable"),
					Map.of("clientReference", unknown, "status", "DELIVERED")), 200);

			// then the ledger shows it, and the unknown one is named
			assertThat(outcome.get("applied").asInt()).isEqualTo(2);
			assertThat(outcome.get("unchanged").asInt()).isZero();
			assertThat(outcome.get("unknown").toString()).isEqualTo("[\"" + unknown + "\"]");
			assertThat(row(delivered).get("state").asString()).isEqualTo("ACKNOWLEDGED");
			assertThat(row(undelivered).get("state").asString()).isEqualTo("FAILED");
			assertThat(row(undelivered).get("lastError").asString()).contains("handset unreachable");

			// and the same receipts again change nothing
			JsonNode again = receipts(gatewayToken, List.of(Map.of("clientReference", delivered, "status", "DELIVERED"),
					Map.of("clientReference", undelivered, "status", "UNDELIVERED")), 200);
			assertThat(again.get("applied").asInt()).isZero();
			assertThat(again.get("unchanged").asInt()).isEqualTo(2);
			// nor does a late UNDELIVERED for the acknowledged one
			receipts(gatewayToken, List.of(Map.of("clientReference", delivered, "status", "UNDELIVERED")), 200);
			assertThat(row(delivered).get("state").asString()).isEqualTo("ACKNOWLEDGED");

			// and a republish sends the undelivered one again under the same reference, which is then delivered
			hub.postJson("/api/deliveries/FJ-SMS-0001/republish", officer, Map.of(), 200);
			Warnings.await(WAIT, () -> gateway.countsByKey().get(undelivered) == 2, "the SMS sent again");
			Warnings.await(WAIT, () -> row(undelivered).get("state").asString().equals("SENT"), "sent again");
			receipts(gatewayToken, List.of(Map.of("clientReference", undelivered, "status", "DELIVERED")), 200);
			assertThat(states()).containsExactly("ACKNOWLEDGED", "ACKNOWLEDGED");

			// and the console saw every change: 2 SENT, ACKNOWLEDGED, FAILED, PENDING, SENT, ACKNOWLEDGED
			Warnings.await(WAIT, () -> events.size() >= 7, "seven delivery events");
			assertThat(events).extracting(e -> e.get("data").get("state").asString())
				.containsExactlyInAnyOrder("SENT", "SENT", "ACKNOWLEDGED", "FAILED", "PENDING", "SENT", "ACKNOWLEDGED");
			watching.dispose();
		}
	}

	@Test
	void badReceiptsAreRefusedWithNothingApplied() {
		Warnings.distribute(hub, Warnings.alert("FJ-SMS-0002", List.of("350200"), List.of("350203")));
		Warnings.await(WAIT, () -> rows("FJ-SMS-0002").size() == 2
				&& rows("FJ-SMS-0002").stream().allMatch(r -> r.get("state").asString().equals("SENT")), "sent");
		String good = rows("FJ-SMS-0002").get(0).get("messageId").asString();

		// a good receipt with a bad one: refused, naming the bad one, and the good one is not applied either
		JsonNode refused = receipts(gatewayToken, List.of(Map.of("clientReference", good, "status", "DELIVERED"),
				Map.of("clientReference", good, "status", "READ")), 400);
		assertThat(refused.get("code").asString()).isEqualTo("INVALID_FIELD");
		assertThat(refused.get("field").asString()).isEqualTo("receipts[1].status");
		assertThat(receipts(gatewayToken, List.of(Map.of("clientReference", "not-a-uuid", "status", "DELIVERED")), 400)
			.get("field").asString()).isEqualTo("receipts[0].clientReference");
		assertThat(receipts(gatewayToken, List.of(Map.of("status", "DELIVERED")), 400).get("code").asString())
			.isEqualTo("FIELD_REQUIRED");
		assertThat(receipts(gatewayToken, List.of(), 400).get("field").asString()).isEqualTo("receipts");
		assertThat(rows("FJ-SMS-0002")).allSatisfy(r -> assertThat(r.get("state").asString()).isEqualTo("SENT"));

		// only the gateway's role may report receipts, and its token may do nothing else
		assertThat(receipts(officer, List.of(Map.of("clientReference", good, "status", "DELIVERED")), 403)
			.get("code").asString()).isEqualTo("ACCESS_DENIED");
		hub.http().get().uri("/api/deliveries/FJ-SMS-0002").headers(h -> h.setBearerAuth(gatewayToken)).exchange()
			.expectStatus().isForbidden();
		// and the role is held alone
		JsonNode mixed = hub.postJson("/api/admin/service-tokens", admin, Map.of("subject", "mixed", "roles",
				Set.of("CHANNEL_GATEWAY", "DEPARTMENT")), 400);
		assertThat(mixed.get("field").asString()).isEqualTo("roles");
	}

	private static JsonNode receipts(String token, List<Map<String, String>> receipts, int status) {
		return hub.postJson("/api/channels/sms/receipts", token, Map.of("receipts", receipts), status);
	}

	private static List<JsonNode> rows(String identifier) {
		List<JsonNode> rows = new java.util.ArrayList<>();
		hub.getJson("/api/deliveries/" + identifier, officer).forEach(rows::add);
		return rows;
	}

	private static List<String> states() {
		return rows("FJ-SMS-0001").stream().map(r -> r.get("state").asString()).sorted().toList();
	}

	private static JsonNode row(String messageId) {
		return rows("FJ-SMS-0001").stream().filter(r -> r.get("messageId").asString().equals(messageId)).findFirst()
			.orElseThrow();
	}

}
