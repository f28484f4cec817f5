package cn.fj.emergency.command.supplies;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;

import static cn.fj.emergency.command.support.Supplies.movement;
import static cn.fj.emergency.command.support.Supplies.post;
import static org.assertj.core.api.Assertions.assertThat;

/** Two instances run the expiry job over one database: every uncollected reservation expires exactly once. */
class ReservationExpiryClusterTest {

	static final int COMMITMENTS = 30;

	static List<Hub> hubs;

	static String officer;

	@BeforeAll
	static void startCluster() {
		Map<String, Object> settings = Hub.freshHubSettings();
		settings.put("hub.supplies.expiry-interval", "50ms");
		settings.put("hub.supplies.reservation-hold", "1500ms");
		hubs = List.of(Hub.start(settings), Hub.start(settings));
		officer = hubs.get(0).officerToken(null, "DUTY_OFFICER");
	}

	@AfterAll
	static void stopCluster() {
		hubs.forEach(Hub::close);
	}

	@Test
	void uncollectedReservationsExpireExactlyOnceWithTwoInstancesExpiring() {
		Hub first = hubs.get(0);
		String xiamen = first.cityPlatformToken("350200").get("token").asString();
		post(first, "/api/supplies/movements", officer, movement("x-1", "350000-01", "TENT-12", "RECEIPT", 100));
		JsonNode request = post(first, "/api/supplies/requests", xiamen,
				Map.of("requestId", "x-req-1", "lines", List.of(Map.of("itemCode", "TENT-12", "quantity", COMMITMENTS))));
		List<Map<String, Object>> lines = new ArrayList<>();
		for (int i = 0; i < COMMITMENTS; i++) {
			lines.add(Map.of("lineNo", 1, "depotCode", "350000-01", "quantity", 1));
		}
		String requestId = request.get("request").get("id").asString();

		JsonNode committed = post(first, "/api/supplies/requests/" + requestId + "/commitments", officer,
				Map.of("commitId", "x-c-1", "lines", lines));

		long start = committed.get("commitments").size();
		Instant deadline = Instant.now().plusSeconds(20);
		JsonNode view = first.getJson("/api/supplies/requests/" + requestId, officer);
		while (expired(view) < COMMITMENTS && Instant.now().isBefore(deadline)) {
			view = hubs.get(1).getJson("/api/supplies/requests/" + requestId, officer);
		}
		assertThat(start).isEqualTo(COMMITMENTS);
		assertThat(expired(view)).isEqualTo(COMMITMENTS);
		JsonNode level = first.getJson("/api/supplies/depots/350000-01/stock", officer).get(0);
		assertThat(level.get("onHand").asLong()).isEqualTo(100);
		assertThat(level.get("reserved").asLong()).isZero();

		// a marker movement after the expiries bounds the stream: every event up to it
		long marker = post(first, "/api/supplies/movements", officer, movement("x-2", "350000-01", "TENT-12", "RECEIPT", 1))
			.get("seq").asLong();
		List<JsonNode> events;
		try (HubClient console = first.console(officer)) {
			events = console.stream("events.stream", Map.of("after", 0, "streams", List.of("stock", "supplies")))
				.takeUntil(e -> e.get("seq").asLong() >= marker)
				.collectList()
				.block(Duration.ofSeconds(20));
		}
		Map<String, Long> expiriesPerCommitment = events.stream()
			.filter(e -> e.get("type").asString().equals("supply.commitment"))
			.filter(e -> e.get("data").get("status").asString().equals("EXPIRED"))
			.collect(Collectors.groupingBy(e -> e.get("subjectId").asString(), Collectors.counting()));
		long releases = events.stream()
			.filter(e -> e.get("type").asString().equals("stock.movement"))
			.filter(e -> e.get("data").get("type").asString().equals("RELEASE"))
			.count();
		assertThat(expiriesPerCommitment).hasSize(COMMITMENTS);
		assertThat(expiriesPerCommitment.values()).containsOnly(1L);
		assertThat(releases).isEqualTo(COMMITMENTS);
		assertThat(first.getJson("/api/supplies/verification", first.adminToken()).get("consistent").asBoolean()).isTrue();
	}

	static long expired(JsonNode view) {
		return view.get("commitments").valueStream()
			.map(c -> c.get("status").asString())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
			.getOrDefault("EXPIRED", 0L);
	}

}
