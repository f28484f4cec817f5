package cn.fj.emergency.command.web;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP errors are RFC 9457 problem details with stable codes; health and metrics are exposed. */
class HttpApiTest {

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
	void wrongPasswordIsRefusedWithACode() {
		hub.http()
			.post()
			.uri("/api/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "admin", "password", "wrong"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("BAD_CREDENTIALS")
			.jsonPath("$.type")
			.isEqualTo("urn:fj-emergency:error:BAD_CREDENTIALS");
	}

	@Test
	void anOfficerChangesTheirPasswordProvingTheCurrentOne() {
		hub.http()
			.post()
			.uri("/api/admin/officers")
			.headers(h -> h.setBearerAuth(hub.adminToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "wang.fang", "password", "first-password", "roles", java.util.List.of("DUTY_OFFICER")))
			.exchange()
			.expectStatus()
			.isCreated();
		String token = hub.signIn("wang.fang", "first-password");

		hub.http()
			.post()
			.uri("/api/auth/password")
			.headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("currentPassword", "not-the-password", "newPassword", "second-password"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("BAD_CREDENTIALS");
		hub.http()
			.post()
			.uri("/api/auth/password")
			.headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("currentPassword", "first-password", "newPassword", "second-password"))
			.exchange()
			.expectStatus()
			.isNoContent();

		hub.http()
			.post()
			.uri("/api/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "wang.fang", "password", "first-password"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		assertThat(hub.signIn("wang.fang", "second-password")).isNotBlank();
	}

	@Test
	void unreadableBodyIsInvalidRequest() {
		hub.http()
			.post()
			.uri("/api/incidents")
			.headers(h -> h.setBearerAuth(hub.dutyOfficerToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"reportId\": ")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("INVALID_REQUEST");
	}

	@Test
	void invalidFieldIsRefusedWithItsCodeAndField() {
		Map<String, Object> report = Reports.xiamen("http-1");
		report.put("level", "V");
		hub.http()
			.post()
			.uri("/api/incidents")
			.headers(h -> h.setBearerAuth(hub.dutyOfficerToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(report)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("INVALID_LEVEL")
			.jsonPath("$.field")
			.isEqualTo("level");
	}

	@Test
	void unknownApiPathNeedsAuthenticationAndThenIsNotFound() {
		hub.http().get().uri("/api/nothing-here").exchange().expectStatus().isUnauthorized();
		hub.http()
			.get()
			.uri("/api/nothing-here")
			.headers(h -> h.setBearerAuth(hub.adminToken()))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void healthIncludesPostgresAndRedis() {
		hub.http()
			.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.r2dbc.status")
			.isEqualTo("UP")
			.jsonPath("$.components.redis.status")
			.isEqualTo("UP");
	}

	@Test
	void metricsCountReportsAndSubscribers() {
		String officer = hub.dutyOfficerToken();
		try (HubClient city = hub.city("350200"); HubClient console = hub.console(officer)) {
			city.request("incidents.report", Reports.xiamen("metrics-1")).block(Duration.ofSeconds(10));
			Map<String, Object> bad = Reports.xiamen("metrics-2");
			bad.put("category", "99");
			city.request("incidents.report", bad).onErrorComplete().block(Duration.ofSeconds(10));
			console.stream("events.stream", Map.of("after", 0)).take(1).blockLast(Duration.ofSeconds(10));
			var live = console.stream("events.stream", Map.of()).subscribe();
			try {
				String metrics = awaitMetrics("hub_stream_subscribers 1.0");
				assertThat(metrics).contains("hub_reports_total{code=\"none\",outcome=\"accepted\"}");
				assertThat(metrics).contains("hub_reports_total{code=\"UNKNOWN_CATEGORY\",outcome=\"refused\"} 1.0");
				assertThat(metrics).contains("hub_stream_subscriber_lag_max");
			}
			finally {
				live.dispose();
			}
		}
	}

	private static String awaitMetrics(String expected) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		String metrics = "";
		while (System.nanoTime() < deadline) {
			metrics = hub.http()
				.get()
				.uri("/actuator/prometheus")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			if (metrics != null && metrics.contains(expected)) {
				return metrics;
			}
		}
		throw new AssertionError("Metrics never showed '" + expected + "':\n" + metrics);
	}

}
