package cn.fj.emergency.command.supplies;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;

import static cn.fj.emergency.command.support.Supplies.movement;
import static cn.fj.emergency.command.support.Supplies.post;
import static cn.fj.emergency.command.support.Supplies.refusal;
import static cn.fj.emergency.command.support.Supplies.send;
import static org.assertj.core.api.Assertions.assertThat;

/** Depots report movements over RSocket and HTTP; each is applied once, in its city only, and on the live stream. */
class StockLedgerTest {

	static Hub hub;

	static String officer;

	@BeforeAll
	static void startHub() {
		hub = Hub.cluster(1).get(0);
		officer = hub.officerToken(null, "DUTY_OFFICER");
	}

	@AfterAll
	static void stopHub() {
		hub.close();
	}

	@Test
	void seedDataHoldsTheProvincesDepotsAndCatalogue() {
		JsonNode depots = hub.getJson("/api/supplies/depots", officer);
		JsonNode items = hub.getJson("/api/supplies/items", officer);

		assertThat(depots.size()).isGreaterThanOrEqualTo(30);
		assertThat(depots.valueStream().filter(d -> d.get("level").asString().equals("PROVINCE")).count()).isPositive();
		for (String city : List.of("350100", "350128", "350200", "350300", "350400", "350500", "350600", "350700",
				"350800", "350900")) {
			assertThat(depots.valueStream().filter(d -> d.get("ownerCity").asString().equals(city)).count())
				.as("depots of " + city).isPositive();
		}
		assertThat(items.valueStream().map(i -> i.get("category").asString()).distinct().toList())
			.contains("TENT", "QUILT", "DRINKING_WATER", "FOOD", "GENERATOR", "PUMP", "LIFE_JACKET", "MEDICINE");
		JsonNode central = hub.getJson("/api/supplies/depots/350000-01", officer);
		assertThat(central.get("nameZh").asString()).isEqualTo("福建省应急物资储备中心库");
	}

	@Test
	void aMovementReportedTwiceOverRSocketIsAppliedOnce() {
		try (HubClient xiamen = hub.city("350200")) {
			Map<String, Object> receipt = movement("xm-r-1", "350200-01", "TENT-12", "RECEIPT", 120);

			JsonNode first = xiamen.request("stock.movements", receipt).block(Duration.ofSeconds(10));
			JsonNode second = xiamen.request("stock.movements", receipt).block(Duration.ofSeconds(10));

			assertThat(second).isEqualTo(first);
			assertThat(first.get("onHand").asLong()).isEqualTo(120);
			assertThat(level("350200-01", "TENT-12").get("onHand").asLong()).isEqualTo(120);
			assertThat(ledgerIsConsistent()).isTrue();
		}
	}

	@Test
	void aMovementIdReusedForOtherContentIsRefused() {
		try (HubClient xiamen = hub.city("350200")) {
			xiamen.request("stock.movements", movement("xm-r-2", "350200-01", "WATER-550", "RECEIPT", 10))
				.block(Duration.ofSeconds(10));

			StepVerifier.create(xiamen.request("stock.movements", movement("xm-r-2", "350200-01", "WATER-550", "RECEIPT", 11)))
				.expectErrorSatisfies(error -> assertThat(HubClient.errorBody(error).get("code").asString())
					.isEqualTo("MOVEMENT_ID_REUSED"))
				.verify(Duration.ofSeconds(10));
			assertThat(level("350200-01", "WATER-550").get("onHand").asLong()).isEqualTo(10);
		}
	}

	@Test
	void aMovementReportedTwiceOverHttpIsAppliedOnce() {
		String quanzhou = hub.cityPlatformToken("350500").get("token").asString();
		Map<String, Object> receipt = movement("qz-h-1", "350500-01", "QUILT-COTTON", "RECEIPT", 300);
		Map<String, Object> issue = movement("qz-h-2", "350500-01", "QUILT-COTTON", "ISSUE", 45);

		post(hub, "/api/supplies/movements", quanzhou, receipt);
		JsonNode first = post(hub, "/api/supplies/movements", quanzhou, issue);
		JsonNode second = post(hub, "/api/supplies/movements", quanzhou, issue);

		assertThat(second).isEqualTo(first);
		JsonNode level = level("350500-01", "QUILT-COTTON");
		assertThat(level.get("onHand").asLong()).isEqualTo(255);
		assertThat(level.get("available").asLong()).isEqualTo(255);
	}

	@Test
	void refusesMovementForAnotherCitysDepot() {
		String xiamen = hub.cityPlatformToken("350200").get("token").asString();
		try (HubClient fuzhou = hub.city("350100")) {
			StepVerifier.create(fuzhou.request("stock.movements", movement("fz-x-1", "350200-01", "TENT-12", "RECEIPT", 5)))
				.expectErrorSatisfies(error -> assertThat(HubClient.errorBody(error).get("code").asString())
					.isEqualTo("DEPOT_OUTSIDE_CITY"))
				.verify(Duration.ofSeconds(10));
			StepVerifier.create(fuzhou.request("stock.movements", movement("fz-x-2", "350000-01", "TENT-12", "RECEIPT", 5)))
				.expectErrorSatisfies(error -> assertThat(HubClient.errorBody(error).get("code").asString())
					.isEqualTo("DEPOT_OUTSIDE_CITY"))
				.verify(Duration.ofSeconds(10));
		}
		assertThat(refusal(hub, HttpMethod.POST, "/api/supplies/movements", xiamen,
				movement("xm-f-1", "350100-01", "TENT-12", "RECEIPT", 5), 403)).isEqualTo("DEPOT_OUTSIDE_CITY");
		assertThat(refusal(hub, HttpMethod.PUT,
				"/api/supplies/depots/350100-01/stock/TENT-12/threshold", xiamen, Map.of("threshold", 1), 403))
			.isEqualTo("DEPOT_OUTSIDE_CITY");
	}

	@Test
	void neverGoesNegative() {
		String putian = hub.cityPlatformToken("350300").get("token").asString();
		post(hub, "/api/supplies/movements", putian, movement("pt-n-1", "350300-01", "GEN-5KW", "RECEIPT", 3));

		assertThat(refusal(hub, HttpMethod.POST, "/api/supplies/movements", putian,
				movement("pt-n-2", "350300-01", "GEN-5KW", "ISSUE", 4), 409)).isEqualTo("INSUFFICIENT_STOCK");
		assertThat(refusal(hub, HttpMethod.POST, "/api/supplies/movements", putian,
				movement("pt-n-3", "350300-01", "GEN-5KW", "ADJUSTMENT", -4), 409)).isEqualTo("INSUFFICIENT_STOCK");
		assertThat(refusal(hub, HttpMethod.POST, "/api/supplies/movements", putian,
				movement("pt-n-4", "350300-01", "GEN-5KW", "RESERVATION", 1), 400)).isEqualTo("MOVEMENT_NOT_REPORTABLE");
		assertThat(refusal(hub, HttpMethod.POST, "/api/supplies/movements", putian,
				movement("pt-n-5", "350300-01", "NO-SUCH-ITEM", "RECEIPT", 1), 400)).isEqualTo("UNKNOWN_ITEM");
		assertThat(level("350300-01", "GEN-5KW").get("onHand").asLong()).isEqualTo(3);
	}

	@Test
	void everyMovementIsOnTheLiveStreamWithItsLevel() {
		try (HubClient ningde = hub.city("350900"); HubClient console = hub.console(officer)) {
			JsonNode receipt = ningde.request("stock.movements", movement("nd-s-1", "350900-01", "LIFE-JACKET", "RECEIPT", 500))
				.block(Duration.ofSeconds(10));
			long seq = receipt.get("seq").asLong();

			StepVerifier.create(ningde.stream("events.stream", Map.of("after", seq - 1, "streams", List.of("stock"))).take(2))
				.assertNext(event -> {
					assertThat(event.get("type").asString()).isEqualTo("stock.movement");
					assertThat(event.get("criticality").asString()).isEqualTo("CRITICAL");
					assertThat(event.get("cities").get(0).asString()).isEqualTo("350900");
					assertThat(event.get("data").get("movementId").asString()).isEqualTo("nd-s-1");
				})
				.assertNext(event -> {
					assertThat(event.get("type").asString()).isEqualTo("stock.level");
					assertThat(event.get("criticality").asString()).isEqualTo("CONFLATABLE");
					assertThat(event.get("conflationKey").asString()).isEqualTo("stock.level:350900-01/LIFE-JACKET");
					assertThat(event.get("data").get("available").asLong()).isEqualTo(500);
				})
				.verifyComplete();
			StepVerifier.create(console.stream("events.stream", Map.of("after", seq - 1, "streams", List.of("stock"))).take(1))
				.assertNext(event -> assertThat(event.get("seq").asLong()).isEqualTo(seq))
				.verifyComplete();
		}
	}

	@Test
	void lowStockRaisesOneEventPerCrossing() {
		String longyan = hub.cityPlatformToken("350800").get("token").asString();
		String depot = "350800-01";
		String item = "PUMP-SUB";
		JsonNode start = post(hub, "/api/supplies/movements", longyan, movement("ly-l-1", depot, item, "RECEIPT", 100));
		send(hub, HttpMethod.PUT, "/api/supplies/depots/" + depot + "/stock/" + item + "/threshold", longyan,
				Map.of("threshold", 50)).expectStatus().isOk();

		post(hub, "/api/supplies/movements", longyan, movement("ly-l-2", depot, item, "ISSUE", 60)); // 40: crosses
		post(hub, "/api/supplies/movements", longyan, movement("ly-l-3", depot, item, "ISSUE", 10)); // 30: still low
		post(hub, "/api/supplies/movements", longyan, movement("ly-l-4", depot, item, "RECEIPT", 100)); // 130: recovered
		JsonNode last = post(hub, "/api/supplies/movements", longyan, movement("ly-l-5", depot, item, "ISSUE", 90)); // 40: crosses

		try (HubClient console = hub.console(officer)) {
			List<JsonNode> events = console.stream("events.stream",
					Map.of("after", start.get("seq").asLong(), "streams", List.of("stock")))
				// the last movement is followed by its level and its stock.low
				.takeUntil(e -> e.get("seq").asLong() >= last.get("seq").asLong() + 2)
				.collectList()
				.block(Duration.ofSeconds(10));
			List<JsonNode> low = events.stream().filter(e -> e.get("type").asString().equals("stock.low")).toList();
			assertThat(low).hasSize(2);
			assertThat(low.get(0).get("data").get("available").asLong()).isEqualTo(40);
			assertThat(low.get(1).get("data").get("available").asLong()).isEqualTo(40);
		}
	}

	@Test
	void theVerificationFindsTheLedgerEqualToTheLevels() {
		String sanming = hub.cityPlatformToken("350400").get("token").asString();
		post(hub, "/api/supplies/movements", sanming, movement("sm-v-1", "350400-01", "FOOD-NOODLE", "RECEIPT", 80));
		post(hub, "/api/supplies/movements", sanming, movement("sm-v-2", "350400-01", "FOOD-NOODLE", "ADJUSTMENT", -5));

		assertThat(ledgerIsConsistent()).isTrue();
		assertThat(level("350400-01", "FOOD-NOODLE").get("onHand").asLong()).isEqualTo(75);
	}

	static JsonNode level(String depot, String item) {
		JsonNode stock = hub.getJson("/api/supplies/depots/" + depot + "/stock", officer);
		return stock.valueStream().filter(b -> b.get("itemCode").asString().equals(item)).findFirst().orElseThrow();
	}

	static boolean ledgerIsConsistent() {
		JsonNode verification = hub.getJson("/api/supplies/verification", hub.adminToken());
		assertThat(verification.get("mismatches").size()).isZero();
		return verification.get("consistent").asBoolean();
	}

}
