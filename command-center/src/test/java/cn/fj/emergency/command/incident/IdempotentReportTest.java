package cn.fj.emergency.command.incident;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/** A report retried, even concurrently and on two instances, is stored once and answered identically. */
class IdempotentReportTest {

	static List<Hub> hubs;

	@BeforeAll
	static void startTwoInstances() {
		hubs = Hub.cluster(2);
	}

	@AfterAll
	static void stop() {
		hubs.forEach(Hub::close);
	}

	static long stored(String reportId) {
		return hubs.get(0).context().getBean(DatabaseClient.class)
			.sql("select count(*) as n from incident where report_id = $1")
			.bind(0, reportId)
			.map(r -> r.get("n", Long.class))
			.one()
			.block(Duration.ofSeconds(10));
	}

	static long events(String reportId) {
		return hubs.get(0).context().getBean(DatabaseClient.class)
			.sql("select count(*) as n from event_log where payload->>'reportId' = $1")
			.bind(0, reportId)
			.map(r -> r.get("n", Long.class))
			.one()
			.block(Duration.ofSeconds(10));
	}

	@Test
	void sameReportSentFiveTimesConcurrentlyIsStoredOnceAndAnsweredIdentically() {
		Map<String, Object> report = Reports.xiamen("xm-retry-1");
		try (HubClient first = hubs.get(0).city("350200"); HubClient second = hubs.get(1).city("350200")) {
			List<JsonNode> answers = Flux.range(0, 5)
				.flatMap(i -> (i % 2 == 0 ? first : second).request("incidents.report", report))
				.collectList()
				.block(Duration.ofSeconds(30));

			assertThat(answers).hasSize(5);
			assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
			assertThat(stored("xm-retry-1")).isEqualTo(1);
			assertThat(events("xm-retry-1")).isEqualTo(1);

			JsonNode later = first.request("incidents.report", report).block(Duration.ofSeconds(10));
			assertThat(later).isEqualTo(answers.get(0));
		}
	}

	@Test
	void reportIdReusedForDifferentContentIsRefused() {
		Map<String, Object> report = Reports.xiamen("xm-retry-2");
		try (HubClient xiamen = hubs.get(0).city("350200")) {
			xiamen.request("incidents.report", report).block(Duration.ofSeconds(10));
			report.put("level", "I");

			StepVerifier.create(xiamen.request("incidents.report", report))
				.expectErrorSatisfies(error -> {
					JsonNode body = HubClient.errorBody(error);
					assertThat(body.get("code").asString()).isEqualTo("REPORT_ID_REUSED");
					assertThat(body.get("field").asString()).isEqualTo("reportId");
				})
				.verify(Duration.ofSeconds(10));
			assertThat(stored("xm-retry-2")).isEqualTo(1);
		}
	}

	@Test
	void sameReportIdFromAnotherCityIsAnotherReport() {
		try (HubClient xiamen = hubs.get(0).city("350200"); HubClient fuzhou = hubs.get(1).city("350100")) {
			JsonNode a = xiamen.request("incidents.report", Reports.xiamen("shared-id")).block(Duration.ofSeconds(10));
			JsonNode b = fuzhou.request("incidents.report", Reports.fuzhou("shared-id")).block(Duration.ofSeconds(10));

			assertThat(a.get("incidentId")).isNotEqualTo(b.get("incidentId"));
			assertThat(stored("shared-id")).isEqualTo(2);
		}
	}

}
