package cn.fj.emergency.command.order;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two hub instances, each checking for missed deadlines every 200 ms: a target city that has not accepted (or
 * rejected) an order by its deadline raises exactly one {@code order.overdue}, seen by consoles; a city that
 * accepted in time raises none.
 */
class OverdueAcrossInstancesTest {

	static final Duration WAIT = Duration.ofSeconds(20);

	static List<Hub> hubs;

	static String commander;

	@BeforeAll
	static void startTwoInstances() {
		Map<String, Object> settings = Hub.freshHubSettings();
		settings.put("hub.orders.overdue-check-interval", "200ms");
		hubs = List.of(Hub.start(settings), Hub.start(settings));
		commander = hubs.get(0).officerToken(null, "COMMANDER");
	}

	@AfterAll
	static void stop() {
		hubs.forEach(Hub::close);
	}

	static JsonNode issue(String ref, List<String> cities, OffsetDateTime deadline) {
		Map<String, Object> order = new HashMap<>();
		order.put("orderRef", ref);
		order.put("text", "Report the water level at every reservoir");
		order.put("targetCities", cities);
		order.put("deadline", deadline.toString());
		return hubs.get(0).http()
			.post()
			.uri("/api/orders")
			.headers(h -> h.setBearerAuth(commander))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(order)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	static Map<String, Object> ack(JsonNode order, String state, String ackId) {
		return Map.of("orderId", order.get("id").asString(), "state", state, "ackId", ackId);
	}

	/** The order.overdue events in the log, as city codes, however they were delivered. */
	static List<String> overdueInTheLog(String orderId) {
		return hubs.get(0).context().getBean(DatabaseClient.class)
			.sql("select payload->>'cityCode' as city from event_log where type = 'order.overdue' and subject_id = $1 order by seq")
			.bind(0, orderId)
			.map(r -> r.get("city", String.class))
			.all()
			.collectList()
			.block(WAIT);
	}

	@Test
	void aMissedDeadlineRaisesExactlyOneOverduePerCityThatDidNotAccept() {
		try (HubClient xiamen = hubs.get(1).city("350200"); HubClient fuzhou = hubs.get(0).city("350100");
				HubClient console = hubs.get(0).console(hubs.get(0).dutyOfficerToken())) {
			// the deadline leaves Xiamen time to accept, even on a busy machine
			OffsetDateTime deadline = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(4);
			JsonNode order = issue("reservoirs", List.of("350200", "350100", "350300"), deadline);
			String id = order.get("id").asString();
			xiamen.request("orders.ack", ack(order, "RECEIVED", "xm-1")).block(WAIT);
			JsonNode accepted = xiamen.request("orders.ack", ack(order, "ACCEPTED", "xm-2")).block(WAIT);
			assertThat(Instant.parse(accepted.get("acknowledgedAt").asString()))
				.as("Xiamen accepted before the deadline (else the machine is too slow for this test)")
				.isBefore(deadline.toInstant());
			fuzhou.request("orders.ack", ack(order, "RECEIVED", "fz-1")).block(WAIT);

			StepVerifier.create(console.stream("events.stream", Map.of("after", order.get("issuedSeq").asLong(),
					"streams", List.of("orders")))
				.filter(e -> e.get("type").asString().equals("order.overdue") && e.get("subjectId").asString().equals(id)))
				.recordWith(java.util.ArrayList::new)
				.expectNextCount(2)
				.consumeRecordedWith(events -> {
					assertThat(events.stream().map(e -> e.get("data").get("cityCode").asString()).collect(Collectors.toSet()))
						.isEqualTo(Set.of("350100", "350300"));
					for (JsonNode e : events) {
						assertThat(Instant.parse(e.get("data").get("overdueAt").asString())).isAfterOrEqualTo(deadline.toInstant());
						assertThat(e.get("cities")).hasSize(1);
					}
				})
				// several more checks of both instances go by: none raises another
				.expectNoEvent(Duration.ofSeconds(1))
				.thenCancel()
				.verify(WAIT);

			assertThat(overdueInTheLog(id)).containsExactlyInAnyOrder("350100", "350300");
			JsonNode fuzhouLate = fuzhou.request("orders.ack", ack(order, "ACCEPTED", "fz-2")).block(WAIT);
			assertThat(fuzhouLate.get("state").asString()).isEqualTo("ACCEPTED");
			JsonNode view = hubs.get(1).getJson("/api/orders/" + id, commander);
			Map<String, JsonNode> targets = new HashMap<>();
			view.get("targets").forEach(t -> targets.put(t.get("cityCode").asString(), t));
			assertThat(targets.get("350200").get("overdueAt").isNull()).isTrue();
			assertThat(targets.get("350200").get("answeredInTime").asBoolean()).isTrue();
			assertThat(targets.get("350100").get("overdueAt").isNull()).isFalse();
			assertThat(targets.get("350100").get("answeredInTime").asBoolean()).isFalse();
			assertThat(targets.get("350300").get("state").isNull()).isTrue();
			JsonNode overdueOnly = hubs.get(1).getJson("/api/orders?city=350300&overdue=true", commander);
			assertThat(overdueOnly.get("orders").get(0).get("id").asString()).isEqualTo(id);
		}
	}

	@Test
	void checksRacingOnBothInstancesMarkEachTargetOnce() {
		OffsetDateTime deadline = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(5);
		List<String> ids = Flux.range(0, 10)
			.flatMap(i -> Mono.fromCallable(() -> issue("race-" + i, List.of("350400", "350500"), deadline).get("id").asString())
				.subscribeOn(Schedulers.boundedElastic()))
			.collectList()
			.block(WAIT);
		List<RaisingOverdueOrders> checkers = hubs.stream().map(h -> h.context().getBean(RaisingOverdueOrders.class)).toList();

		Instant giveUp = Instant.now().plus(WAIT);
		long marked = 0;
		while (marked < 20 && Instant.now().isBefore(giveUp)) {
			// eight checks at once, four on each instance, racing each other and the instances' own checkers
			Flux.range(0, 8).flatMap(i -> checkers.get(i % 2).check()).blockLast(WAIT);
			marked = ids.stream().mapToLong(id -> overdueInTheLog(id).size()).sum();
		}

		for (String id : ids) {
			assertThat(overdueInTheLog(id)).containsExactlyInAnyOrder("350400", "350500");
		}
	}

}
