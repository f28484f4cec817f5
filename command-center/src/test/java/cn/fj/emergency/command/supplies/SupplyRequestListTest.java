package cn.fj.emergency.command.supplies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.Reports;

import static cn.fj.emergency.command.support.Supplies.movement;
import static cn.fj.emergency.command.support.Supplies.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listing supply requests by the incident they name ({@code GET /api/supplies/requests?incident=...}): exactly that
 * incident's requests, each with its need and commitments; a city platform sees only its own city's; paging by
 * keyset; bad parameters refused with {@code INVALID_FIELD} and the field.
 */
class SupplyRequestListTest {

	static Hub hub;

	static String officer;

	static String xiamen;

	static String fuzhou;

	/** Two incidents of Xiamen. */
	static String flood;

	static String landslide;

	@BeforeAll
	static void startHub() {
		hub = Hub.start(Hub.freshHubSettings());
		officer = hub.dutyOfficerToken();
		xiamen = hub.cityPlatformToken("350200").get("token").asString();
		fuzhou = hub.cityPlatformToken("350100").get("token").asString();
		flood = hub.postJson("/api/incidents", xiamen, Reports.xiamen("list-flood"), 200).get("incidentId").asString();
		landslide = hub.postJson("/api/incidents", xiamen, Reports.xiamen("list-slide"), 200).get("incidentId").asString();
		post(hub, "/api/supplies/movements", officer, movement("list-m-1", "350000-01", "TENT-12", "RECEIPT", 100));
		post(hub, "/api/supplies/movements", officer, movement("list-m-2", "350200-01", "WATER-5L", "RECEIPT", 500));
	}

	@AfterAll
	static void stopHub() {
		hub.close();
	}

	static JsonNode request(String token, String requestId, String incidentId, String item, long quantity) {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("requestId", requestId);
		if (incidentId != null) {
			body.put("incidentId", incidentId);
		}
		body.put("lines", List.of(Map.of("itemCode", item, "quantity", quantity)));
		return post(hub, "/api/supplies/requests", token, body);
	}

	static String id(JsonNode view) {
		return view.get("request").get("id").asString();
	}

	static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").forEach(view -> ids.add(id(view)));
		return ids;
	}

	static JsonNode problem(String uri, String token, int status) {
		return hub.http()
			.get()
			.uri(uri)
			.headers(h -> h.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void listsExactlyTheIncidentsRequestsWithTheirCommitmentsAndTheCitysOwnOnly() {
		JsonNode tents = request(xiamen, "xm-flood-tents", flood, "TENT-12", 30);
		// the incident id as a requester may type it, in upper case, is the same incident
		JsonNode water = request(xiamen, "xm-flood-water", flood.toUpperCase(Locale.ROOT), "WATER-5L", 200);
		JsonNode fromFuzhou = request(fuzhou, "fz-flood-help", flood, "TENT-12", 5);
		JsonNode other = request(xiamen, "xm-slide-tents", landslide, "TENT-12", 10);
		JsonNode none = request(xiamen, "xm-no-incident", null, "TENT-12", 1);
		JsonNode ownId = request(xiamen, "xm-own-id", "typhoon-2026-14", "TENT-12", 1);
		post(hub, "/api/supplies/requests/" + id(tents) + "/commitments", officer, Map.of("commitId", "list-c-1", "lines",
				List.of(Map.of("lineNo", 1, "depotCode", "350000-01", "quantity", 20))));
		post(hub, "/api/supplies/requests/" + id(water) + "/commitments", officer, Map.of("commitId", "list-c-2", "lines",
				List.of(Map.of("lineNo", 1, "depotCode", "350200-01", "quantity", 200))));

		JsonNode page = hub.getJson("/api/supplies/requests?incident=" + flood, officer);

		// newest first, exactly the flood's, each with its lines' need and its commitments
		assertThat(ids(page)).containsExactly(id(fromFuzhou), id(water), id(tents));
		assertThat(page.get("next").isNull()).isTrue();
		JsonNode tentsView = page.get("items").get(2);
		assertThat(tentsView.get("request").get("cityCode").asString()).isEqualTo("350200");
		assertThat(tentsView.get("request").get("lines").get(0).get("itemCode").asString()).isEqualTo("TENT-12");
		assertThat(tentsView.get("needs").get(0).get("requested").asLong()).isEqualTo(30);
		assertThat(tentsView.get("needs").get(0).get("remaining").asLong()).isEqualTo(10);
		assertThat(tentsView.get("commitments").size()).isEqualTo(1);
		JsonNode commitment = tentsView.get("commitments").get(0);
		assertThat(commitment.get("depotCode").asString()).isEqualTo("350000-01");
		assertThat(commitment.get("quantity").asLong()).isEqualTo(20);
		assertThat(commitment.get("status").asString()).isEqualTo("RESERVED");
		JsonNode waterView = page.get("items").get(1);
		assertThat(waterView.get("needs").get(0).get("remaining").asLong()).isZero();
		assertThat(waterView.get("commitments").get(0).get("depotCode").asString()).isEqualTo("350200-01");
		assertThat(page.get("items").get(0).get("commitments").size()).isZero();
		// as GET /api/supplies/requests/{id} answers it
		assertThat(tentsView).isEqualTo(hub.getJson("/api/supplies/requests/" + id(tents), officer));

		// the other incident's; a province officer narrows by city
		assertThat(ids(hub.getJson("/api/supplies/requests?incident=" + landslide, officer))).containsExactly(id(other));
		assertThat(ids(hub.getJson("/api/supplies/requests?incident=" + flood + "&city=350100", officer)))
			.containsExactly(id(fromFuzhou));

		// a city platform sees its own city's only, whether it names its city or not; another city is refused
		assertThat(ids(hub.getJson("/api/supplies/requests?incident=" + flood, xiamen))).containsExactly(id(water), id(tents));
		assertThat(ids(hub.getJson("/api/supplies/requests?incident=" + flood + "&city=350200", xiamen)))
			.containsExactly(id(water), id(tents));
		assertThat(ids(hub.getJson("/api/supplies/requests?incident=" + flood, fuzhou))).containsExactly(id(fromFuzhou));
		assertThat(ids(hub.getJson("/api/supplies/requests?incident=" + landslide, fuzhou))).isEmpty();
		assertThat(problem("/api/supplies/requests?incident=" + flood + "&city=350200", fuzhou, 403).get("code").asString())
			.isEqualTo("CITY_SCOPE_VIOLATION");

		// without an incident: all of them, the requests without one and with a sender's own id too
		assertThat(ids(hub.getJson("/api/supplies/requests?size=200", officer))).contains(id(none), id(ownId), id(other),
				id(tents));
		assertThat(ids(hub.getJson("/api/supplies/requests?size=200", fuzhou))).containsExactly(id(fromFuzhou));
	}

	@Test
	void pagesByKeysetNewestFirst() {
		String incident = hub.postJson("/api/incidents", xiamen, Reports.xiamen("list-paged"), 200).get("incidentId").asString();
		List<String> made = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			made.add(0, id(request(xiamen, "xm-paged-" + i, incident, "TENT-12", i)));
		}

		JsonNode first = hub.getJson("/api/supplies/requests?incident=" + incident + "&size=2", officer);
		JsonNode second = hub.getJson("/api/supplies/requests?incident=" + incident + "&size=2&before="
				+ first.get("next").asString(), officer);
		JsonNode last = hub.getJson("/api/supplies/requests?incident=" + incident + "&size=2&before="
				+ second.get("next").asString(), officer);

		assertThat(ids(first)).containsExactly(made.get(0), made.get(1));
		assertThat(first.get("next").asString()).isEqualTo(made.get(1));
		assertThat(ids(second)).containsExactly(made.get(2), made.get(3));
		assertThat(ids(last)).containsExactly(made.get(4));
		assertThat(last.get("next").isNull()).isTrue();
		assertThat(hub.getJson("/api/supplies/requests?incident=" + incident + "&size=5", officer).get("next").isNull())
			.isTrue();
	}

	@Test
	void refusesBadParametersWithTheField() {
		Map<String, String> bad = Map.of(
				"incident=not-a-uuid", "incident",
				"incident=1-2-3-4-5", "incident",
				"incident=" + flood + "&before=42", "before",
				"incident=" + flood + "&size=0", "size",
				"incident=" + flood + "&size=201", "size",
				"incident=" + flood + "&size=ten", "size",
				"incident=" + flood + "&city=359900", "city");

		bad.forEach((query, field) -> {
			JsonNode problem = problem("/api/supplies/requests?" + query, officer, 400);
			assertThat(problem.get("code").asString()).as(query).isEqualTo("INVALID_FIELD");
			assertThat(problem.get("field").asString()).as(query).isEqualTo(field);
		});
	}

	@Test
	void onlyOfficersAndCityPlatformsRead() {
		String department = hub.http()
			.post()
			.uri("/api/admin/service-tokens")
			.headers(h -> h.setBearerAuth(hub.adminToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("subject", "meteorology", "roles", Set.of("DEPARTMENT"), "description", "test department"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("token")
			.asString();

		assertThat(problem("/api/supplies/requests?incident=" + flood, department, 403).get("code").asString())
			.isEqualTo("ACCESS_DENIED");
		assertThat(hub.getJson("/api/supplies/requests?incident=" + flood, hub.officerToken(null, "COMMANDER"))
			.get("items")
			.isArray()).isTrue();
		assertThat(hub.getJson("/api/supplies/requests?incident=" + flood, hub.adminToken()).get("items").isArray()).isTrue();
	}

}
