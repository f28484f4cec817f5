package cn.fj.emergency.command.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.rsocket.exceptions.ApplicationErrorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/** A city platform can neither report for another city nor see another city's events; both ways, both transports. */
class CityScopeTest {

	static Hub hub;

	@BeforeAll
	static void startHub() {
		hub = Hub.cluster(1).get(0);
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	@Test
	void refusesReportForAnotherCitysCounty() {
		try (HubClient xiamen = hub.city("350200")) {
			StepVerifier.create(xiamen.request("incidents.report", Reports.fuzhou("xm-for-fz")))
				.expectErrorSatisfies(error -> {
					assertThat(error).isInstanceOf(ApplicationErrorException.class);
					JsonNode body = HubClient.errorBody(error);
					assertThat(body.get("code").asString()).isEqualTo("AREA_OUTSIDE_CITY");
					assertThat(body.get("field").asString()).isEqualTo("countyCode");
				})
				.verify(Duration.ofSeconds(10));
		}
		hub.http()
			.post()
			.uri("/api/incidents")
			.headers(h -> h.setBearerAuth(hub.cityPlatformToken("350200").get("token").asString()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Reports.fuzhou("xm-for-fz-http"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("AREA_OUTSIDE_CITY");
	}

	@Test
	void refusesSubscriptionToAnotherCitysEvents() {
		try (HubClient xiamen = hub.city("350200")) {
			StepVerifier.create(xiamen.stream("events.stream", Map.of("after", 0, "cities", List.of("350100"))))
				.expectErrorSatisfies(error -> assertThat(HubClient.errorBody(error).get("code").asString())
					.isEqualTo("CITY_SCOPE_VIOLATION"))
				.verify(Duration.ofSeconds(10));
		}
	}

	@Test
	void cityStreamCarriesOnlyItsOwnCitysEventsOnBothTransports() {
		String fuzhouToken = hub.cityPlatformToken("350100").get("token").asString();
		try (HubClient xiamen = hub.city("350200"); HubClient fuzhou = HubClient.tcp(hub.cityLinkPort(), fuzhouToken);
				HubClient fuzhouOverWebSocket = HubClient.websocket(hub.httpPort(), fuzhouToken)) {
			JsonNode xiamenReceipt = xiamen.request("incidents.report", Reports.xiamen("scope-xm")).block(Duration.ofSeconds(10));
			JsonNode fuzhouReceipt = fuzhou.request("incidents.report", Reports.fuzhou("scope-fz")).block(Duration.ofSeconds(10));
			assertThat(fuzhouReceipt.get("seq").asLong()).isGreaterThan(xiamenReceipt.get("seq").asLong());

			for (HubClient client : List.of(fuzhou, fuzhouOverWebSocket)) {
				StepVerifier.create(client.stream("events.stream", Map.of("after", 0)))
					.assertNext(event -> {
						assertThat(event.get("cities").get(0).asString()).isEqualTo("350100");
						assertThat(event.get("data").get("reportId").asString()).isEqualTo("scope-fz");
					})
					.thenCancel()
					.verify(Duration.ofSeconds(10));
			}
			hub.http()
				.get()
				.uri("/api/incidents/" + xiamenReceipt.get("incidentId").asString())
				.headers(h -> h.setBearerAuth(fuzhouToken))
				.exchange()
				.expectStatus()
				.isNotFound();
		}
	}

	@Test
	void departmentsMayNotReportIncidentsOverTheCityLink() {
		JsonNode department = hub.http()
			.post()
			.uri("/api/admin/service-tokens")
			.headers(h -> h.setBearerAuth(hub.adminToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("subject", "weather-bureau", "roles", List.of("DEPARTMENT")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		try (HubClient weather = HubClient.tcp(hub.cityLinkPort(), department.get("token").asString())) {
			StepVerifier.create(weather.request("incidents.report", Reports.xiamen("dept-1")))
				.expectErrorSatisfies(error -> assertThat(HubClient.errorBody(error).get("code").asString())
					.isEqualTo("ACCESS_DENIED"))
				.verify(Duration.ofSeconds(10));
		}
	}

	@Test
	void cityTokensCannotAdministerTheHub() {
		hub.http()
			.get()
			.uri("/api/admin/service-tokens")
			.headers(h -> h.setBearerAuth(hub.cityPlatformToken("350200").get("token").asString()))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("ACCESS_DENIED");
	}

}
