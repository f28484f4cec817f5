package cn.fj.emergency.command.error;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.rsocket.Payload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input a client gets wrong is refused with a clear, stable, non-retryable code on every route, over HTTP and
 * RSocket alike, and the message says what was wrong in the client's terms, never in the hub's Java.
 */
class BadInputAnswersTest {

	/** What an answer must never show: a Java package, a library's, or an exception's name. */
	static final Pattern INTERNALS = Pattern.compile(
			"\\b(java|javax|jdk|sun|tools\\.jackson|com\\.fasterxml|io\\.jsonwebtoken|org\\.springframework|reactor|io\\.netty|io\\.r2dbc|io\\.rsocket|cn\\.fj)\\."
					+ "|Exception|JsonToken|\\bclass\\b|`");

	/** Every RSocket route of docs/city-link.md and whether it is a stream. */
	static final Map<String, Boolean> CITY_ROUTES = Map.ofEntries(Map.entry("incidents.report", false),
			Map.entry("incidents.update-status", false), Map.entry("incidents.add-note", false),
			Map.entry("sitreps.submit", false), Map.entry("orders.ack", false), Map.entry("stock.movements", false),
			Map.entry("video.playback", false), Map.entry("consultations.join", false),
			Map.entry("consultations.leave", false), Map.entry("events.stream", true), Map.entry("orders.stream", true),
			Map.entry("video.dispatches", true), Map.entry("warnings.stream", true));

	static final Map<String, Boolean> OFFICER_ROUTES = Map.of("warnings.approve", false, "warnings.reject", false);

	static Hub hub;

	static HubClient xiamen;

	static HubClient console;

	static String officer;

	@BeforeAll
	static void start() {
		hub = Hub.cluster(1).get(0);
		xiamen = hub.city("350200");
		officer = hub.officerToken(null, "DUTY_OFFICER", "COMMANDER");
		console = hub.console(officer);
	}

	@AfterAll
	static void stop() {
		xiamen.close();
		console.close();
		hub.close();
	}

	@Test
	void dataThatIsJsonNullIsAnInvalidRequestNotRetryableOnEveryRoute() {
		Map<String, JsonNode> answers = new java.util.TreeMap<>();
		CITY_ROUTES.forEach((route, stream) -> answers.put(route, refusal(xiamen, route, stream, bytes("null"))));
		OFFICER_ROUTES.forEach((route, stream) -> answers.put(route, refusal(console, route, stream, bytes("null"))));

		assertThat(answers).hasSize(15).allSatisfy((route, body) -> {
			assertThat(body.get("code").asString()).as(route).isEqualTo("INVALID_REQUEST");
			assertThat(body.get("retryable").asBoolean()).as(route).isFalse();
		});
		Map<String, String> tokens = Map.of("/api/incidents", officer, "/api/orders", officer, "/api/auth/token", officer,
				"/api/admin/officers", hub.adminToken(), "/api/incidents/" + UUID.randomUUID() + "/status", officer,
				"/api/warnings", officer, "/api/admin/service-tokens", hub.adminToken());
		for (Map.Entry<String, String> route : tokens.entrySet()) {
			String uri = route.getKey();
			JsonNode problem = httpProblem(uri, route.getValue(), bytes("null"));
			assertThat(problem.get("code").asString()).as(uri).isEqualTo("INVALID_REQUEST");
			assertThat(problem.get("retryable").asBoolean()).as(uri).isFalse();
		}
	}

	@Test
	void anEmptyObjectNamesWhatIsMissingOnEveryRouteThatNeedsSomething() {
		Map<String, JsonNode> answers = new java.util.TreeMap<>();
		CITY_ROUTES.forEach((route, stream) -> {
			if (!stream && !route.equals("stock.movements")) {
				answers.put(route, refusal(xiamen, route, false, bytes("{}")));
			}
		});
		OFFICER_ROUTES.forEach((route, stream) -> answers.put(route, refusal(console, route, false, bytes("{}"))));

		assertThat(answers).hasSize(10).allSatisfy((route, body) -> {
			assertThat(body.get("code").asString()).as(route).isIn("FIELD_REQUIRED", "INVALID_FIELD", "INVALID_REQUEST");
			assertThat(body.get("retryable").asBoolean()).as(route).isFalse();
			assertThat(body.get("message").asString()).as(route).doesNotContainPattern(INTERNALS);
		});
	}

	@Test
	void aLoneSurrogateIsRefusedWithItsFieldWhetherEscapedOrSentAsRawBytes() {
		String escaped = report("sur-1").replace("\"title\":\"", "\"title\":\"\\ud800");
		JsonNode overRSocket = refusal(xiamen, "incidents.report", false, bytes(escaped));
		assertThat(overRSocket.get("code").asString()).isEqualTo("INVALID_FIELD");
		assertThat(overRSocket.get("field").asString()).isEqualTo("title");
		JsonNode overHttp = httpProblem("/api/incidents", officer, bytes(escaped.replace("sur-1", "sur-2")));
		assertThat(overHttp.get("code").asString()).isEqualTo("INVALID_FIELD");
		assertThat(overHttp.get("field").asString()).isEqualTo("title");
		String trailing = report("sur-3").replace("\"title\":\"", "\"title\":\"\\udc00");
		assertThat(refusal(xiamen, "incidents.report", false, bytes(trailing)).get("code").asString()).isEqualTo("INVALID_FIELD");

		// U+D800 written out as UTF-8 would be (ED A0 80): not UTF-8 at all
		byte[] raw = bytes(report("sur-4").replace("\"title\":\"", "\"title\":\"@@@"));
		int at = new String(raw, StandardCharsets.ISO_8859_1).indexOf("@@@");
		raw[at] = (byte) 0xED;
		raw[at + 1] = (byte) 0xA0;
		raw[at + 2] = (byte) 0x80;
		assertThat(refusal(xiamen, "incidents.report", false, raw).get("code").asString()).isEqualTo("INVALID_REQUEST");
		assertThat(httpProblem("/api/incidents", officer, raw).get("code").asString()).isEqualTo("INVALID_REQUEST");
		assertThat(stored("sur-%")).isZero();
	}

	@Test
	void aFieldNamedTwiceIsRefused() {
		String twice = report("dup-1").replace("\"title\":\"", "\"title\":\"Fire\",\"title\":\"");
		JsonNode overRSocket = refusal(xiamen, "incidents.report", false, bytes(twice));
		assertThat(overRSocket.get("code").asString()).isEqualTo("INVALID_REQUEST");
		assertThat(overRSocket.get("field").asString()).isEqualTo("title");
		JsonNode overHttp = httpProblem("/api/incidents", officer, bytes(twice.replace("dup-1", "dup-2")));
		assertThat(overHttp.get("code").asString()).isEqualTo("INVALID_REQUEST");
		assertThat(overHttp.get("field").asString()).isEqualTo("title");
		assertThat(stored("dup-%")).isZero();
	}

	@Test
	void aTimeBeforeTheYear2000IsRefusedWithItsField() {
		String yearOne = report("y1-1").replaceAll("\"occurredAt\":\"[^\"]*\"", "\"occurredAt\":\"0001-01-01T00:00:00Z\"");
		JsonNode report = refusal(xiamen, "incidents.report", false, bytes(yearOne));
		assertThat(report.get("code").asString()).isEqualTo("INVALID_FIELD");
		assertThat(report.get("field").asString()).isEqualTo("occurredAt");
		JsonNode query = hub.http()
			.get()
			.uri("/api/incidents?from=0001-01-01T00:00:00Z")
			.headers(h -> h.setBearerAuth(officer))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(query.get("field").asString()).isEqualTo("from");
		Map<String, Object> order = Map.of("orderRef", "y1-order", "text", "Report", "targetCities", List.of("350200"),
				"deadline", "1999-12-31T23:59:59Z");
		JsonNode deadline = httpProblem("/api/orders", officer, HubClient.JSON.writeValueAsBytes(order));
		assertThat(deadline.get("field").asString()).isEqualTo("deadline");
		// a time the JSON reader decodes itself, here a warning's CAP onset
		JsonNode onset = httpProblem("/api/warnings", officer, bytes("{\"onset\":\"0001-01-01T00:00:00+08:00\"}"));
		assertThat(onset.get("code").asString()).isEqualTo("INVALID_FIELD");
		assertThat(onset.get("field").asString()).isEqualTo("onset");
		assertThat(stored("y1-%")).isZero();
	}

	@Test
	void noAnswerToBadInputNamesJavaTypesLibrariesOrTheHubsClasses() {
		String valid = report("msg-1");
		List<byte[]> bad = List.of(bytes("null"), bytes("{"), bytes("[]"), bytes("\"text\""), bytes("42"),
				bytes(valid.replace("\"latitude\":24.48", "\"latitude\":\"north\"")),
				bytes(valid.replace("\"latitude\":24.48", "\"latitude\":{}")),
				bytes(valid.replace("\"latitude\":24.48", "\"latitude\":24.48,\"exercise\":\"yes\"")),
				bytes(valid.replace("\"level\":\"III\"", "\"level\":[1]")),
				bytes(valid.replace("\"title\":\"", "\"title\":\"\\u0000")),
				bytes(valid.replace("\"title\":\"", "\"title\":\"a\",\"title\":\"")),
				bytes("{\"reportId\":" + "9".repeat(2000) + "}"), bytes("[".repeat(3000)), new byte[] { (byte) 0xFF, 0x7B });
		List<String> messages = new ArrayList<>();
		for (byte[] data : bad) {
			messages.add(refusal(xiamen, "incidents.report", false, data).get("message").asString());
			messages.add(httpProblem("/api/incidents", officer, data).get("detail").asString());
		}
		messages.add(refusal(xiamen, "orders.ack", false, bytes("{\"orderId\":\"not-a-uuid\"}")).get("message").asString());
		byte[] brokenMetadata = { (byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01 };
		try {
			xiamen.rsocket().requestResponse(io.rsocket.util.ByteBufPayload.create(io.netty.buffer.Unpooled.wrappedBuffer(bytes("{}")),
					io.netty.buffer.Unpooled.wrappedBuffer(brokenMetadata))).block(Duration.ofSeconds(20));
		}
		catch (RuntimeException error) {
			messages.add(HubClient.errorBody(error).get("message").asString());
		}
		messages.add(refusal(xiamen, "events.stream", true, bytes("{\"after\":\"x\"}")).get("message").asString());
		messages.add(refusal(xiamen, "stock.movements", false, bytes("{\"quantity\":1.5e400}")).get("message").asString());
		messages.add(httpProblem("/api/admin/service-tokens", hub.adminToken(),
				bytes("{\"subject\":\"s\",\"roles\":[\"KING\"],\"validFor\":\"soon\"}")).get("detail").asString());
		messages.add(httpProblem("/api/admin/officers", hub.adminToken(), bytes("{\"username\":7,\"roles\":\"ADMIN\"}"))
			.get("detail").asString());
		messages.add(http("GET", "/api/incidents/not-a-uuid", officer, null).get("detail").asString());
		messages.add(http("GET", "/api/orders?page=x", officer, null).get("detail").asString());
		messages.add(http("DELETE", "/api/incidents", officer, null).get("detail").asString());
		messages.add(http("GET", "/api/no-such-thing", officer, null).get("detail").asString());
		messages.add(hub.http().post().uri("/api/incidents").headers(h -> h.setBearerAuth(officer))
			.contentType(MediaType.TEXT_PLAIN).bodyValue("hello").exchange().expectBody(JsonNode.class).returnResult()
			.getResponseBody().get("detail").asString());
		String token = hub.adminToken();
		for (String forged : List.of(token + "x", token.substring(0, token.lastIndexOf('.')) + ".", "abc", "a.b.c",
				token.replace(token.split("\\.")[1], "eyJzdWIiOiJ4In0"))) {
			messages.add(http("GET", "/api/auth/me", forged, null).get("detail").asString());
			try (HubClient refused = HubClient.tcp(hub.cityLinkPort(), forged)) {
				refused.request("incidents.report", Map.of()).block(Duration.ofSeconds(10));
			}
			catch (RuntimeException error) {
				messages.add(HubClient.errorBody(error).get("message").asString());
			}
		}

		assertThat(messages).hasSizeGreaterThan(40).allSatisfy(message -> {
			assertThat(message).isNotBlank();
			assertThat(INTERNALS.matcher(message).find()).as(message).isFalse();
		});
	}

	private static String report(String reportId) {
		return HubClient.JSON.writeValueAsString(Reports.xiamen(reportId));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** The JSON error body the route answers the data with; fails the test if it answers anything else. */
	private static JsonNode refusal(HubClient client, String route, boolean stream, byte[] data) {
		Payload request = HubClient.rawPayload(route, data);
		Mono<?> answer = stream ? client.rsocket().requestStream(request).next() : client.rsocket().requestResponse(request);
		try {
			Object value = answer.block(Duration.ofSeconds(20));
			throw new AssertionError(route + " accepted " + new String(data, StandardCharsets.UTF_8) + ": " + value);
		}
		catch (RuntimeException error) {
			return HubClient.errorBody(error);
		}
	}

	private static JsonNode httpProblem(String uri, String token, byte[] body) {
		return http("POST", uri, token, body);
	}

	private static JsonNode http(String method, String uri, String token, byte[] body) {
		var request = hub.http().method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri)
			.headers(h -> h.setBearerAuth(token));
		var sent = body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
		EntityExchangeResult<JsonNode> result = sent.exchange().expectBody(JsonNode.class).returnResult();
		assertThat(result.getStatus().is4xxClientError()).as(method + " " + uri + " answered " + result.getStatus()).isTrue();
		return result.getResponseBody();
	}

	private static long stored(String reportIds) {
		return hub.context().getBean(org.springframework.r2dbc.core.DatabaseClient.class)
			.sql("select count(*) as n from incident where report_id like $1")
			.bind(0, reportIds)
			.map(r -> r.get("n", Long.class))
			.one()
			.block(Duration.ofSeconds(10));
	}

}
