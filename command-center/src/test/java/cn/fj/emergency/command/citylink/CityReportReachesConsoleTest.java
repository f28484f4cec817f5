package cn.fj.emergency.command.citylink;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/** A city platform reports over RSocket TCP; a duty officer's console sees it over RSocket WebSocket. */
class CityReportReachesConsoleTest {

	static Hub hub;

	@BeforeAll
	static void startHub() {
		hub = Hub.cluster(1).get(0);
	}

	@AfterAll
	static void stopHub() {
		hub.close();
	}

	@Test
	void reportFromCityPlatformArrivesOnConsoleStream() {
		try (HubClient console = hub.console(hub.dutyOfficerToken()); HubClient xiamen = hub.city("350200")) {
			AtomicReference<JsonNode> receipt = new AtomicReference<>();
			AtomicReference<JsonNode> delivered = new AtomicReference<>();
			StepVerifier.create(console.stream("events.stream", Map.of("after", 0))
					.filter(e -> e.get("data").get("reportId").asString().equals("xm-0001")))
				.then(() -> receipt.set(xiamen.request("incidents.report", Reports.xiamen("xm-0001")).block(Duration.ofSeconds(10))))
				.consumeNextWith(delivered::set)
				.thenCancel()
				.verify(Duration.ofSeconds(30));

			JsonNode event = delivered.get();
			assertThat(receipt.get().get("cityCode").asString()).isEqualTo("350200");
			assertThat(event.get("seq").asLong()).isEqualTo(receipt.get().get("seq").asLong());
			assertThat(event.get("stream").asString()).isEqualTo("incidents");
			assertThat(event.get("type").asString()).isEqualTo("incident.reported");
			assertThat(event.get("cities").get(0).asString()).isEqualTo("350200");
			assertThat(event.get("data").get("id").asString()).isEqualTo(receipt.get().get("incidentId").asString());
			assertThat(event.get("data").get("countyCode").asString()).isEqualTo("350203");
			assertThat(event.get("data").get("level").asString()).isEqualTo("III");
			assertThat(event.get("data").has("reporter")).isFalse();
		}
	}

	@Test
	void consoleNarrowsItsStreamByCityAndStream() {
		String officer = hub.dutyOfficerToken();
		try (HubClient xiamen = hub.city("350200"); HubClient fuzhou = hub.city("350100");
				HubClient console = hub.console(officer)) {
			JsonNode start = xiamen.request("incidents.report", Reports.xiamen("filter-xm")).block(Duration.ofSeconds(10));
			JsonNode fz = fuzhou.request("incidents.report", Reports.fuzhou("filter-fz")).block(Duration.ofSeconds(10));
			long after = start.get("seq").asLong() - 1;

			StepVerifier.create(console.stream("events.stream",
					Map.of("after", after, "cities", List.of("350100"), "streams", List.of("incidents"))))
				.assertNext(event -> assertThat(event.get("seq").asLong()).isEqualTo(fz.get("seq").asLong()))
				.thenCancel()
				.verify(Duration.ofSeconds(10));
			StepVerifier.create(console.stream("events.stream", Map.of("after", after, "streams", List.of("orders"))))
				.expectSubscription()
				.expectNoEvent(Duration.ofMillis(500))
				.thenCancel()
				.verify(Duration.ofSeconds(10));
		}
	}

	@Test
	void aPrincipalMayHoldOnlySoManyStreams() {
		try (HubClient console = hub.console(hub.dutyOfficerToken())) {
			List<reactor.core.Disposable> streams = new java.util.ArrayList<>();
			for (int i = 0; i < 16; i++) {
				streams.add(console.stream("events.stream", Map.of()).subscribe());
			}
			StepVerifier.create(console.stream("events.stream", Map.of()))
				.expectErrorSatisfies(error -> assertThat(HubClient.errorBody(error).get("code").asString())
					.isEqualTo("TOO_MANY_STREAMS"))
				.verify(Duration.ofSeconds(10));

			streams.remove(0).dispose();
			StepVerifier.create(console.stream("events.stream", Map.of()))
				.expectSubscription()
				.expectNoEvent(Duration.ofMillis(300))
				.thenCancel()
				.verify(Duration.ofSeconds(10));
			streams.forEach(reactor.core.Disposable::dispose);
		}
	}

	@Test
	void reportIsAnsweredWithTheIncidentAndItIsStored() {
		try (HubClient ningde = hub.city("350900")) {
			Map<String, Object> report = Reports.report("nd-0001", "350982");
			report.put("latitude", 27.33);
			report.put("longitude", 120.2);
			JsonNode receipt = ningde.request("incidents.report", report).block(Duration.ofSeconds(10));

			JsonNode incident = hub.getJson("/api/incidents/" + receipt.get("incidentId").asString(), hub.dutyOfficerToken());
			assertThat(incident.get("cityCode").asString()).isEqualTo("350900");
			assertThat(incident.get("countyCode").asString()).isEqualTo("350982");
			assertThat(incident.get("status").asString()).isEqualTo("REPORTED");
			assertThat(incident.get("reportedSeq").asLong()).isEqualTo(receipt.get("seq").asLong());
		}
	}

}
