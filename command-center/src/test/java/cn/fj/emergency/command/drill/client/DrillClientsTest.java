package cn.fj.emergency.command.drill.client;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drill's clients against a real hub, as an outside team would use them: HTTP sign-in and service tokens, a city
 * platform reporting over TCP, a console seeing the report over WebSocket, an order issued over HTTP arriving on the
 * platform's order stream and acknowledged, and refusals carrying the hub's code.
 */
class DrillClientsTest {

	static final Duration WAIT = Duration.ofSeconds(60);

	static Hub hub;

	static HubHttpClient http;

	static String admin;

	@BeforeAll
	static void startHub() {
		hub = Hub.cluster(1).get(0);
		http = new HubHttpClient(URI.create("http://127.0.0.1:" + hub.httpPort()), Duration.ofSeconds(30));
		admin = http.signIn("admin", Hub.ADMIN_PASSWORD).block(WAIT).path("token").asString();
	}

	@AfterAll
	static void stopHub() {
		hub.close();
	}

	@Test
	void reportReachesConsoleAndOrderIsAcknowledged() {
		String token = http.issueServiceToken(admin, "drill-client-xm", "CITY_PLATFORM", "350200", "test", Duration.ofHours(1))
			.block(WAIT)
			.path("token")
			.asString();
		http.registerOfficer(admin, "drill-commander", "drill-commander-password", Set.of("COMMANDER"), null).block(WAIT);
		String commander = http.signIn("drill-commander", "drill-commander-password").block(WAIT).path("token").asString();

		try (CityPlatformClient city = CityPlatformClient.connect("127.0.0.1", hub.cityLinkPort(), token).block(WAIT);
				ConsoleClient console = ConsoleClient.connect(http.baseUrl(), commander).block(WAIT)) {
			Map<String, Object> report = Reports.xiamen("drill-client-1");
			report.put("exercise", true);
			JsonNode receipt = city.report(report).block(WAIT);
			assertThat(receipt.path("cityCode").asString()).isEqualTo("350200");

			StepVerifier.create(console.events(0L, List.of("incidents"), List.of()).take(1))
				.assertNext(event -> {
					assertThat(event.path("type").asString()).isEqualTo("incident.reported");
					assertThat(event.path("seq").asLong()).isEqualTo(receipt.path("seq").asLong());
					assertThat(event.path("exercise").asBoolean()).isTrue();
				})
				.verifyComplete();

			JsonNode order = http.issueOrder(commander, Map.of("orderRef", "drill-client-order", "text", "Open the shelters",
					"targetCities", List.of("350200"), "deadline",
					OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(1).withNano(0).toString(), "exercise", true))
				.block(WAIT);
			JsonNode issued = city.orders(0L).filter(e -> "order.issued".equals(e.path("type").asString())).blockFirst(WAIT);
			assertThat(issued.path("subjectId").asString()).isEqualTo(order.path("id").asString());
			JsonNode ack = city.acknowledge(order.path("id").asString(), "xm-ack-1", "RECEIVED", null).block(WAIT);
			assertThat(ack.path("state").asString()).isEqualTo("RECEIVED");
		}
	}

	@Test
	void refusalsCarryTheHubsCode() {
		StepVerifier.create(http.signIn("nobody", "wrong-password"))
			.expectErrorSatisfies(error -> {
				assertThat(error).isInstanceOf(HubRefusal.class);
				assertThat(((HubRefusal) error).code()).isEqualTo("BAD_CREDENTIALS");
				assertThat(((HubRefusal) error).status()).isEqualTo(401);
			})
			.verify(WAIT);

		String token = http.issueServiceToken(admin, "drill-client-fz", "CITY_PLATFORM", "350100", "test", Duration.ofHours(1))
			.block(WAIT)
			.path("token")
			.asString();
		try (CityPlatformClient city = CityPlatformClient.connect("127.0.0.1", hub.cityLinkPort(), token).block(WAIT)) {
			StepVerifier.create(city.report(Reports.xiamen("drill-client-2")))
				.expectErrorSatisfies(error -> {
					assertThat(error).isInstanceOf(HubRefusal.class);
					assertThat(((HubRefusal) error).code()).isEqualTo("AREA_OUTSIDE_CITY");
					assertThat(((HubRefusal) error).body().path("field").asString()).isEqualTo("countyCode");
				})
				.verify(WAIT);
		}
	}

}
