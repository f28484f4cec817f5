package cn.fj.emergency.command;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default: with no database or Redis configured the hub starts its own, keeps their data in its
 * data folder, and after a restart every incident and event reported before is still there.
 */
class RestartKeepsIncidentsTest {

	static Map<String, Object> embeddedDefault(Path dataDir) {
		return Map.of("hub.data-dir", dataDir.toString(), "server.port", "0", "hub.city-link.port", "0",
				"hub.city-link.address", "127.0.0.1", "hub.security.bootstrap-admin-password", Hub.ADMIN_PASSWORD,
				"hub.redis.namespace", "restart-test");
	}

	@Test
	void incidentsReportedBeforeARestartAreStillThere() {
		Path dataDir = Path.of("target", "restart-test-" + UUID.randomUUID()).toAbsolutePath();
		JsonNode receipt;
		try (Hub first = Hub.start(embeddedDefault(dataDir))) {
			assertThat(first.context().getEnvironment().getProperty("spring.r2dbc.url")).contains("127.0.0.1");
			try (HubClient xiamen = first.city("350200")) {
				receipt = xiamen.request("incidents.report", Reports.xiamen("before-restart")).block(Duration.ofSeconds(10));
			}
		}

		try (Hub second = Hub.start(embeddedDefault(dataDir))) {
			String officer = second.dutyOfficerToken();
			second.http()
				.get()
				.uri("/api/incidents/" + receipt.get("incidentId").asString())
				.headers(h -> h.setBearerAuth(officer))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.reportId")
				.isEqualTo("before-restart");
			try (HubClient console = second.console(officer)) {
				JsonNode event = console.stream("events.stream", Map.of("after", 0)).blockFirst(Duration.ofSeconds(10));
				assertThat(event.get("seq").asLong()).isEqualTo(receipt.get("seq").asLong());
				assertThat(event.get("data").get("reportId").asString()).isEqualTo("before-restart");
			}
		}
	}

}
