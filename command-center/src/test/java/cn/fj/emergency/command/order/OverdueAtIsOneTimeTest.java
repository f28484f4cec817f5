package cn.fj.emergency.command.order;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** When a target was found overdue is written one way: the order.overdue event and the order's record agree. */
class OverdueAtIsOneTimeTest {

	static Hub hub;

	static String commander;

	@BeforeAll
	static void startHub() {
		Map<String, Object> settings = Hub.freshHubSettings();
		settings.put("hub.orders.overdue-check-interval", "200ms");
		hub = Hub.start(settings);
		commander = hub.officerToken(null, "COMMANDER");
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	@Test
	void theOverdueEventAndTheOrdersRecordShowTheSameOverdueAt() {
		Map<String, Object> order = new HashMap<>();
		order.put("orderRef", "overdue-precision");
		order.put("text", "Report the water level at every reservoir");
		order.put("targetCities", List.of("350300"));
		order.put("deadline", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(1).toString());
		String id = hub.postJson("/api/orders", commander, order, 200).get("id").asString();

		String inTheEvent = await().atMost(Duration.ofSeconds(20)).until(() -> overdueAtInTheEvent(id), at -> at != null);
		JsonNode view = hub.getJson("/api/orders/" + id, commander);

		assertThat(view.get("targets").get(0).get("overdueAt").asString()).isEqualTo(inTheEvent);
	}

	private static String overdueAtInTheEvent(String orderId) {
		return hub.context().getBean(DatabaseClient.class)
			.sql("select payload->>'overdueAt' as at from event_log where type = 'order.overdue' and subject_id = $1")
			.bind(0, orderId)
			.map(r -> r.get("at", String.class))
			.one()
			.block(Duration.ofSeconds(10));
	}

}
