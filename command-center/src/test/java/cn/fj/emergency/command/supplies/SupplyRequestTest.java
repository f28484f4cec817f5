package cn.fj.emergency.command.supplies;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.Conformance;

import static cn.fj.emergency.command.support.Supplies.movement;
import static cn.fj.emergency.command.support.Supplies.post;
import static cn.fj.emergency.command.support.Supplies.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/** A city requests supplies; the province commits stock from depots; commitments are dispatched, released, expire. */
class SupplyRequestTest {

	static final Path SAMPLES = Conformance.path("edxl-rm");

	static Hub hub;

	static String officer;

	static String xiamen;

	static String fuzhou;

	@BeforeAll
	static void startHub() {
		Map<String, Object> settings = Hub.freshHubSettings();
		settings.put("hub.supplies.expiry-interval", "200ms");
		hub = Hub.start(settings);
		officer = hub.officerToken(null, "DUTY_OFFICER");
		xiamen = hub.cityPlatformToken("350200").get("token").asString();
		fuzhou = hub.cityPlatformToken("350100").get("token").asString();
	}

	@AfterAll
	static void stopHub() {
		hub.close();
	}

	static void receive(String id, String depot, String item, long quantity) {
		post(hub, "/api/supplies/movements", officer, movement(id, depot, item, "RECEIPT", quantity));
	}

	static JsonNode request(String requestId, Object... itemAndQuantity) {
		List<Map<String, Object>> lines = new java.util.ArrayList<>();
		for (int i = 0; i < itemAndQuantity.length; i += 2) {
			lines.add(Map.of("itemCode", itemAndQuantity[i], "quantity", itemAndQuantity[i + 1]));
		}
		return post(hub, "/api/supplies/requests", xiamen,
				Map.of("requestId", requestId, "incidentId", "typhoon-2026-14", "lines", lines));
	}

	static JsonNode commit(JsonNode request, String commitId, List<Map<String, Object>> lines) {
		return post(hub, "/api/supplies/requests/" + id(request) + "/commitments", officer,
				Map.of("commitId", commitId, "lines", lines));
	}

	static Map<String, Object> line(int lineNo, String depot, long quantity) {
		return Map.of("lineNo", lineNo, "depotCode", depot, "quantity", quantity);
	}

	static String id(JsonNode view) {
		return view.get("request").get("id").asString();
	}

	static long remaining(JsonNode view, int lineNo) {
		return view.get("needs").get(lineNo - 1).get("remaining").asLong();
	}

	/** The id of the view's commitment of this quantity (commitments of one call share their time: no order). */
	static String commitmentOf(JsonNode view, long quantity) {
		return view.get("commitments").valueStream().filter(c -> c.get("quantity").asLong() == quantity)
			.findFirst().orElseThrow().get("id").asString();
	}

	static JsonNode level(String depot, String item) {
		JsonNode stock = hub.getJson("/api/supplies/depots/" + depot + "/stock", officer);
		return stock.valueStream().filter(b -> b.get("itemCode").asString().equals(item)).findFirst().orElseThrow();
	}

	@Test
	void aRequestPartiallyCommittedFromTwoDepotsShowsTheRemainingNeed() {
		receive("p-1", "350000-01", "TENT-36", 300);
		receive("p-2", "350200-01", "TENT-36", 150);
		receive("p-3", "350000-01", "WATER-5L", 800);
		JsonNode request = request("xm-tents-1", "TENT-36", 500, "WATER-5L", 2000);

		JsonNode view = commit(request, "commit-1", List.of(line(1, "350000-01", 200), line(1, "350200-01", 100),
				line(2, "350000-01", 800)));

		assertThat(remaining(view, 1)).isEqualTo(200);
		assertThat(remaining(view, 2)).isEqualTo(1200);
		assertThat(view.get("commitments").size()).isEqualTo(3);
		assertThat(level("350000-01", "TENT-36").get("reserved").asLong()).isEqualTo(200);
		assertThat(level("350000-01", "TENT-36").get("available").asLong()).isEqualTo(100);
		assertThat(level("350200-01", "TENT-36").get("reserved").asLong()).isEqualTo(100);
		assertThat(remaining(hub.getJson("/api/supplies/requests/" + id(request), xiamen), 1)).isEqualTo(200);

		// the same call again commits nothing more; beyond the need or the stock is refused, and all of a call or none
		assertThat(remaining(commit(request, "commit-1", List.of(line(1, "350000-01", 200), line(1, "350200-01", 100),
				line(2, "350000-01", 800))), 1)).isEqualTo(200);
		assertThat(refusal(hub, HttpMethod.POST, "/api/supplies/requests/" + id(request) + "/commitments", officer,
				Map.of("commitId", "commit-2", "lines", List.of(line(1, "350000-01", 201))), 409))
			.isEqualTo("EXCEEDS_REMAINING_NEED");
		assertThat(refusal(hub, HttpMethod.POST, "/api/supplies/requests/" + id(request) + "/commitments", officer,
				Map.of("commitId", "commit-3", "lines", List.of(line(1, "350200-01", 10), line(1, "350000-01", 101))), 409))
			.isEqualTo("INSUFFICIENT_STOCK");
		assertThat(level("350200-01", "TENT-36").get("reserved").asLong()).isEqualTo(100);
	}

	@Test
	void refusesACommitIdReusedWithOtherContent() {
		receive("r-1", "350000-01", "QUILT-COTTON", 100);
		receive("r-2", "350200-01", "QUILT-COTTON", 100);
		JsonNode request = request("xm-quilts-1", "QUILT-COTTON", 150);
		commit(request, "commit-q", List.of(line(1, "350000-01", 40)));
		String uri = "/api/supplies/requests/" + id(request) + "/commitments";

		String otherQuantity = refusal(hub, HttpMethod.POST, uri, officer,
				Map.of("commitId", "commit-q", "lines", List.of(line(1, "350000-01", 41))), 409);
		String otherDepot = refusal(hub, HttpMethod.POST, uri, officer,
				Map.of("commitId", "commit-q", "lines", List.of(line(1, "350200-01", 40))), 409);
		String moreLines = refusal(hub, HttpMethod.POST, uri, officer,
				Map.of("commitId", "commit-q", "lines", List.of(line(1, "350000-01", 40), line(1, "350200-01", 1))), 409);
		JsonNode retried = commit(request, "commit-q", List.of(line(1, "350000-01", 40)));

		assertThat(List.of(otherQuantity, otherDepot, moreLines)).containsOnly("COMMIT_ID_REUSED");
		assertThat(retried.get("commitments").size()).isEqualTo(1);
		assertThat(remaining(retried, 1)).isEqualTo(110);
		assertThat(level("350000-01", "QUILT-COTTON").get("reserved").asLong()).isEqualTo(40);
		assertThat(level("350200-01", "QUILT-COTTON").get("reserved").asLong()).isZero();
	}

	@Test
	void committedStockIsDispatchedDeliveredReturnedOrReleased() {
		receive("l-1", "350000-01", "GEN-5KW", 40);
		JsonNode request = request("xm-gen-1", "GEN-5KW", 30);
		JsonNode view = commit(request, "commit-gen", List.of(line(1, "350000-01", 20), line(1, "350000-01", 10)));
		// commitments made in one call share their time: tell them apart by quantity, not by position
		String delivered = commitmentOf(view, 20);
		String released = commitmentOf(view, 10);

		for (String step : List.of("requisition", "ship", "deliver")) {
			post(hub, "/api/supplies/commitments/" + delivered + "/" + step, officer, Map.of());
		}
		JsonNode afterDelivery = level("350000-01", "GEN-5KW");
		post(hub, "/api/supplies/commitments/" + released + "/release", officer, Map.of());
		JsonNode returned = post(hub, "/api/supplies/commitments/" + delivered + "/return", officer, Map.of("quantity", 5));

		assertThat(afterDelivery.get("onHand").asLong()).isEqualTo(20);
		assertThat(afterDelivery.get("reserved").asLong()).isEqualTo(10);
		assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
		JsonNode finalLevel = level("350000-01", "GEN-5KW");
		assertThat(finalLevel.get("onHand").asLong()).isEqualTo(25);
		assertThat(finalLevel.get("reserved").asLong()).isZero();
		assertThat(remaining(hub.getJson("/api/supplies/requests/" + id(request), officer), 1)).isEqualTo(10);
		assertThat(refusal(hub, HttpMethod.POST, "/api/supplies/commitments/" + released + "/deliver", officer, Map.of(), 409))
			.isEqualTo("COMMITMENT_STATE_CONFLICT");
		assertThat(hub.getJson("/api/supplies/verification", hub.adminToken()).get("consistent").asBoolean()).isTrue();
	}

	@Test
	void anUncollectedReservationExpiresAndReleasesItsStock() {
		receive("e-1", "350000-01", "PUMP-MOBILE", 12);
		JsonNode request = request("xm-pump-1", "PUMP-MOBILE", 5);
		String holdUntil = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(1).toString();
		JsonNode view = post(hub, "/api/supplies/requests/" + id(request) + "/commitments", officer,
				Map.of("commitId", "commit-pump", "holdUntil", holdUntil, "lines", List.of(line(1, "350000-01", 5))));
		String commitment = view.get("commitments").get(0).get("id").asString();

		Instant deadline = Instant.now().plusSeconds(20);
		JsonNode now = hub.getJson("/api/supplies/commitments/" + commitment, officer);
		while (!now.get("status").asString().equals("EXPIRED") && Instant.now().isBefore(deadline)) {
			now = hub.getJson("/api/supplies/commitments/" + commitment, officer);
		}

		assertThat(now.get("status").asString()).isEqualTo("EXPIRED");
		assertThat(level("350000-01", "PUMP-MOBILE").get("reserved").asLong()).isZero();
		assertThat(remaining(hub.getJson("/api/supplies/requests/" + id(request), officer), 1)).isEqualTo(5);
	}

	@Test
	void theEdxlSamplesImportAndTheCommitMeetsPartOfTheNeed() throws Exception {
		byte[] requestXml = Files.readAllBytes(SAMPLES.resolve("RequestResource.xml"));
		byte[] commitXml = Files.readAllBytes(SAMPLES.resolve("CommitResource.xml"));

		JsonNode request = importXml("/api/supplies/edxl-rm/requests", xiamen, requestXml);
		JsonNode committed = importXml("/api/supplies/edxl-rm/commitments", officer, commitXml);
		JsonNode again = importXml("/api/supplies/edxl-rm/commitments", officer, commitXml);

		assertThat(request.get("request").get("messageId").asString()).isEqualTo("RequestResource.1");
		assertThat(request.get("request").get("lines").get(0).get("resourceName").asString()).isEqualTo("Track Dozer");
		assertThat(remaining(request, 1)).isEqualTo(4);
		assertThat(remaining(committed, 1)).isEqualTo(2);
		assertThat(committed.get("commitments").valueStream().map(c -> c.get("resourceId").asString()).toList())
			.allMatch(r -> r.startsWith("TD"));
		assertThat(remaining(again, 1)).isEqualTo(2);
	}

	@Test
	void anExportedRequestReimportsAsTheSameRequest() {
		JsonNode request = post(hub, "/api/supplies/requests", xiamen, Map.of("requestId", "xm-export-1", "incidentId",
				"typhoon-2026-14", "note", "思明区安置点 <3 处>", "location", "Siming", "lines",
				List.of(Map.of("itemCode", "QUILT-COTTON", "quantity", 600), Map.of("itemCode", "MED-KIT", "quantity", 80))));

		byte[] exported = hub.http()
			.get()
			.uri("/api/supplies/requests/" + id(request) + "/edxl-rm")
			.headers(h -> h.setBearerAuth(xiamen))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		JsonNode reimported = importXml("/api/supplies/edxl-rm/requests", xiamen, exported);

		assertThat(reimported.get("request")).isEqualTo(request.get("request"));
	}

	@Test
	void aCitySeesOnlyItsOwnRequests() {
		JsonNode request = request("xm-private-1", "FLASHLIGHT", 10);

		assertThat(refusal(hub, HttpMethod.GET, "/api/supplies/requests/" + id(request), fuzhou, Map.of(), 404))
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void findsTheDepotsThatCanSupplyNearestFirst() {
		receive("f-1", "350000-01", "RAINCOAT", 1000);
		receive("f-2", "350200-01", "RAINCOAT", 100);
		receive("f-3", "350900-01", "RAINCOAT", 100);

		JsonNode sources = hub.getJson("/api/supplies/sources?latitude=24.48&longitude=118.09&item=RAINCOAT:500", officer);

		assertThat(sources.valueStream().map(s -> s.get("depot").get("code").asString()).toList())
			.containsExactly("350200-01", "350000-01", "350900-01");
		assertThat(sources.get(0).get("coversAll").asBoolean()).isFalse();
		assertThat(sources.get(1).get("coversAll").asBoolean()).isTrue();
		assertThat(sources.get(0).get("distanceKm").asDouble()).isLessThan(sources.get(1).get("distanceKm").asDouble());
	}

	static JsonNode importXml(String uri, String token, byte[] xml) {
		return hub.http()
			.post()
			.uri(uri)
			.headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_XML)
			.bodyValue(xml)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

}
