package cn.fj.emergency.command.fault;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.rsocket.exceptions.ApplicationErrorException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.NettyLeaks;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Netty's leak detector at paranoid level finds no leak after every transport was used, answers and refusals
 * alike: the city link over TCP, the console stream over WebSocket, HTTP. That it would find one is shown by a
 * buffer leaked on purpose.
 */
@ExtendWith(NettyLeaks.Check.class)
class NettyLeakTest {

	static NettyLeaks leaks;

	static Hub hub;

	@BeforeAll
	static void start() {
		leaks = NettyLeaks.install();
		hub = Hub.start(Hub.freshHubSettings());
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	@Test
	void aBufferLeakedOnPurposeIsReported() {
		String hint = NettyLeaks.leakOne();
		Awaitility.await("the deliberate leak is reported")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> {
				leaks.provoke();
				return !leaks.deliberate(hint).isEmpty();
			});
		assertThat(leaks.deliberate(hint).get(0)).contains("LEAK").contains(hint);
	}

	@Test
	void everyTransportReleasesItsBuffers() {
		String officer = hub.dutyOfficerToken();
		long start = Drills.head(hub);
		try (HubClient city = hub.city("350200"); HubClient console = hub.console(officer)) {
			for (int i = 0; i < 50; i++) {
				city.request("incidents.report", Reports.xiamen("leak-" + i)).block(Drills.SETTLE);
			}
			Map<String, Object> invalid = Reports.xiamen("leak-bad");
			invalid.put("level", "V");
			assertThatExceptionOfType(ApplicationErrorException.class)
				.isThrownBy(() -> city.request("incidents.report", invalid).block(Drills.SETTLE));
			assertThatExceptionOfType(ApplicationErrorException.class)
				.isThrownBy(() -> city.request("no.such.route", Map.of()).block(Drills.SETTLE));
			List<JsonNode> events = console.stream("events.stream", Map.of("after", start)).take(50).collectList()
				.block(Drills.SETTLE);
			assertThat(events).hasSize(50);
			assertThatExceptionOfType(ApplicationErrorException.class)
				.isThrownBy(() -> console.stream("events.stream", Map.of("after", -1)).blockLast(Drills.SETTLE));
		}
		JsonNode page = hub.getJson("/api/incidents", officer);
		assertThat(page).isNotNull();
		hub.http().get().uri("/api/incidents/not-a-uuid").headers(h -> h.setBearerAuth(officer)).exchange()
			.expectStatus().isBadRequest().expectBody().returnResult();
		hub.http().get().uri("/api/presence").exchange().expectStatus().isUnauthorized().expectBody().returnResult();

		leaks.provoke();
		assertThat(leaks.leaks()).as("leak reports").isEmpty();
	}

}
