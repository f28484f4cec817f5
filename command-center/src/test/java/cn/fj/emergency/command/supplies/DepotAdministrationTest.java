package cn.fj.emergency.command.supplies;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;

import static cn.fj.emergency.command.support.Supplies.movement;
import static cn.fj.emergency.command.support.Supplies.post;
import static cn.fj.emergency.command.support.Supplies.refusal;
import static cn.fj.emergency.command.support.Supplies.send;
import static org.assertj.core.api.Assertions.assertThat;

/** An administrator registers and updates depots and catalogue items; each change is validated and on the stream. */
class DepotAdministrationTest {

	static Hub hub;

	static String admin;

	static String officer;

	@BeforeAll
	static void startHub() {
		hub = Hub.start(Hub.freshHubSettings());
		admin = hub.adminToken();
		officer = hub.officerToken(null, "DUTY_OFFICER");
	}

	@AfterAll
	static void stopHub() {
		hub.close();
	}

	static Map<String, Object> xiamenCountyDepot(String code) {
		Map<String, Object> depot = new HashMap<>();
		depot.put("code", code);
		depot.put("nameZh", "同安区应急物资储备库");
		depot.put("nameEn", "Tong'an District Supplies Depot");
		depot.put("level", "COUNTY");
		depot.put("ownerCity", "350200");
		depot.put("countyCode", "350212");
		depot.put("latitude", 24.73);
		depot.put("longitude", 118.15);
		depot.put("address", "厦门市同安区大同街道");
		depot.put("contactName", "陈明");
		depot.put("contactPhone", "0592-7000001");
		depot.put("capacityM3", 2500);
		return depot;
	}

	static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
		Map<String, Object> changed = new HashMap<>(base);
		changed.put(field, value);
		return changed;
	}

	static JsonNode event(String type, String subjectId) {
		try (HubClient console = hub.console(officer)) {
			return console.stream("events.stream", Map.of("after", 0, "streams", List.of("stock")))
				.filter(e -> e.get("type").asString().equals(type) && e.get("subjectId").asString().equals(subjectId))
				.next()
				.block(Duration.ofSeconds(10));
		}
	}

	@Test
	void registersADepotThatIsThenListedAndOnTheStreamOfItsCity() {
		JsonNode created = post(hub, "/api/supplies/admin/depots", admin, xiamenCountyDepot("350212-01"));

		assertThat(created.get("enabled").asBoolean()).isTrue();
		assertThat(hub.getJson("/api/supplies/depots/350212-01", officer).get("countyCode").asString()).isEqualTo("350212");
		JsonNode event = event("depot.registered", "350212-01");
		assertThat(event.get("cities").valueStream().map(JsonNode::asString).toList()).containsExactly("350200");
		assertThat(event.get("criticality").asString()).isEqualTo("CRITICAL");
		assertThat(event.get("data").get("nameEn").asString()).isEqualTo("Tong'an District Supplies Depot");
		assertThat(refusal(hub, HttpMethod.POST, "/api/supplies/admin/depots", admin, xiamenCountyDepot("350212-01"), 409))
			.isEqualTo("CODE_TAKEN");
	}

	@Test
	void refusesADepotWhoseAreasDoNotAgree() {
		Map<String, Object> depot = xiamenCountyDepot("350212-02");
		String api = "/api/supplies/admin/depots";

		String countyOfAnotherCity = refusal(hub, HttpMethod.POST, api, admin, with(depot, "countyCode", "350982"), 400);
		String codeOfAnotherArea = refusal(hub, HttpMethod.POST, api, admin, with(depot, "code", "350211-02"), 400);
		String notACity = refusal(hub, HttpMethod.POST, api, admin, with(depot, "ownerCity", "350212"), 400);
		String provinceNotOwnedByProvince = refusal(hub, HttpMethod.POST, api, admin,
				with(with(depot, "level", "PROVINCE"), "code", "350000-09"), 400);
		String outsideTheProvince = refusal(hub, HttpMethod.POST, api, admin, with(depot, "latitude", 39.9), 400);
		String noCapacity = refusal(hub, HttpMethod.POST, api, admin, with(depot, "capacityM3", 0), 400);
		String noName = refusal(hub, HttpMethod.POST, api, admin, with(depot, "nameZh", " "), 400);

		assertThat(List.of(countyOfAnotherCity, codeOfAnotherArea, notACity, provinceNotOwnedByProvince,
				outsideTheProvince, noCapacity)).containsOnly("INVALID_FIELD");
		assertThat(noName).isEqualTo("FIELD_REQUIRED");
		send(hub, HttpMethod.GET, "/api/supplies/depots/350212-02", officer, Map.of()).expectStatus().isNotFound();
	}

	@Test
	void onlyTheAdministratorAdministers() {
		assertThat(refusal(hub, HttpMethod.POST, "/api/supplies/admin/depots", officer, xiamenCountyDepot("350212-03"), 403))
			.isEqualTo("ACCESS_DENIED");
		String commander = hub.officerToken(null, "COMMANDER");
		assertThat(refusal(hub, HttpMethod.PUT, "/api/supplies/admin/items/TENT-12", commander,
				Map.of("nameZh", "x", "nameEn", "x", "unitZh", "顶", "unitEn", "tent", "category", "TENT"), 403))
			.isEqualTo("ACCESS_DENIED");
	}

	@Test
	void aDepotWithStockIsDisabledKeepsItsStockAndTakesNoCommitment() {
		Map<String, Object> depot = xiamenCountyDepot("350212-05");
		post(hub, "/api/supplies/admin/depots", admin, depot);
		post(hub, "/api/supplies/movements", officer, movement("adm-1", "350212-05", "TENT-12", "RECEIPT", 30));

		JsonNode disabled = send(hub, HttpMethod.PUT, "/api/supplies/admin/depots/350212-05", admin,
				with(with(depot, "enabled", false), "contactName", "李华")).expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		assertThat(disabled.get("enabled").asBoolean()).isFalse();
		assertThat(disabled.get("contactName").asString()).isEqualTo("李华");
		JsonNode stock = hub.getJson("/api/supplies/depots/350212-05/stock", officer);
		assertThat(stock.get(0).get("onHand").asLong()).isEqualTo(30);
		assertThat(event("depot.updated", "350212-05").get("data").get("enabled").asBoolean()).isFalse();
		String xiamen = hub.cityPlatformToken("350200").get("token").asString();
		JsonNode request = post(hub, "/api/supplies/requests", xiamen,
				Map.of("requestId", "adm-req-1", "lines", List.of(Map.of("itemCode", "TENT-12", "quantity", 5))));
		assertThat(refusal(hub, HttpMethod.POST,
				"/api/supplies/requests/" + request.get("request").get("id").asString() + "/commitments", officer,
				Map.of("commitId", "adm-c-1", "lines",
						List.of(Map.of("lineNo", 1, "depotCode", "350212-05", "quantity", 5))), 409))
			.isEqualTo("DEPOT_DISABLED");
		JsonNode sources = hub.getJson("/api/supplies/sources?latitude=24.73&longitude=118.15&item=TENT-12:1", officer);
		assertThat(sources.valueStream().map(s -> s.get("depot").get("code").asString()).toList())
			.doesNotContain("350212-05");
	}

	@Test
	void registersAndUpdatesACatalogueItem() {
		Map<String, Object> item = new HashMap<>(Map.of("code", "SANDBAG-50", "nameZh", "防汛沙袋", "nameEn",
				"Flood sandbag, 50 kg", "unitZh", "只", "unitEn", "bag", "category", "RESCUE_EQUIPMENT"));

		post(hub, "/api/supplies/admin/items", admin, item);
		JsonNode updated = send(hub, HttpMethod.PUT, "/api/supplies/admin/items/SANDBAG-50", admin,
				with(item, "nameEn", "Flood sandbag")).expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		assertThat(updated.get("nameEn").asString()).isEqualTo("Flood sandbag");
		assertThat(hub.getJson("/api/supplies/items", officer).valueStream()
			.filter(i -> i.get("code").asString().equals("SANDBAG-50"))
			.map(i -> i.get("nameEn").asString())
			.toList()).containsExactly("Flood sandbag");
		assertThat(event("item.registered", "SANDBAG-50").get("cities").size()).isEqualTo(10);
		assertThat(event("item.updated", "SANDBAG-50").get("data").get("nameEn").asString()).isEqualTo("Flood sandbag");
		assertThat(refusal(hub, HttpMethod.POST, "/api/supplies/admin/items", admin, with(item, "code", "bad code"), 400))
			.isEqualTo("INVALID_FIELD");
		assertThat(refusal(hub, HttpMethod.POST, "/api/supplies/admin/items", admin,
				with(with(item, "code", "SANDBAG-25"), "category", "TOYS"), 400)).isEqualTo("INVALID_FIELD");
		assertThat(refusal(hub, HttpMethod.PUT, "/api/supplies/admin/items/NO-SUCH", admin, item, 400))
			.isEqualTo("UNKNOWN_ITEM");
	}

}
