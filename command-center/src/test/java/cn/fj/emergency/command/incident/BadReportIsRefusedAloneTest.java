package cn.fj.emergency.command.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.error.ErrorTranslation;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Role;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One bad report never fails the reports that share its micro-batch: it is refused up front with its field, and
 * should the database still refuse a value, the batch is written again report by report so only that one is refused.
 */
class BadReportIsRefusedAloneTest {

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
	void aReportWithANulCharacterIsRefusedAloneWhileAnotherCitysConcurrentReportsAreAllStored() {
		Map<String, Object> bad = Reports.fuzhou("fz-nul-1");
		bad.put("title", "Flood\u0000 at the bridge");
		try (HubClient xiamen = hub.city("350200"); HubClient fuzhou = hub.city("350100")) {
			List<Mono<Object>> requests = new ArrayList<>();
			for (int i = 0; i < 60; i++) {
				requests.add(xiamen.request("incidents.report", Reports.xiamen("xm-batch-" + i)).cast(Object.class)
					.onErrorResume(error -> Mono.just(HubClient.errorBody(error))));
				if (i == 30) {
					requests.add(fuzhou.request("incidents.report", bad).cast(Object.class)
						.onErrorResume(error -> Mono.just(Map.of("refused", HubClient.errorBody(error)))));
				}
			}
			List<Object> answers = Flux.merge(requests).collectList().block(Duration.ofSeconds(60));

			List<JsonNode> receipts = answers.stream().filter(JsonNode.class::isInstance).map(JsonNode.class::cast)
				.filter(a -> a.has("incidentId")).toList();
			assertThat(receipts).as("every valid report is stored: %s", answers).hasSize(60);
			JsonNode refusal = answers.stream().filter(Map.class::isInstance).map(a -> (JsonNode) ((Map<?, ?>) a).get("refused"))
				.findFirst().orElseThrow();
			assertThat(refusal.get("code").asString()).isEqualTo("INVALID_FIELD");
			assertThat(refusal.get("field").asString()).isEqualTo("title");
			assertThat(refusal.get("retryable").asBoolean()).isFalse();
			assertThat(refusal.get("message").asString()).contains("U+0000");
		}
		assertThat(stored("xm-batch-%")).isEqualTo(60);
		assertThat(stored("fz-nul-1")).isZero();
	}

	@Test
	void aReportTheDatabaseCannotStoreFailsOnlyItselfNotTheBatchItWasWrittenWith() {
		IncidentIntake intake = hub.context().getBean(IncidentIntake.class);
		Instant now = hub.context().getBean(Clock.class).instant();
		HubPrincipal xiamen = new HubPrincipal("platform-350200", HubPrincipal.Kind.SERVICE, Set.of(Role.CITY_PLATFORM),
				"350200", "t-1", now.plusSeconds(3600));
		HubPrincipal fuzhou = new HubPrincipal("platform-350100", HubPrincipal.Kind.SERVICE, Set.of(Role.CITY_PLATFORM),
				"350100", "t-2", now.plusSeconds(3600));
		// past the policy, as a report would be that holds something the policy does not know the database refuses
		ValidReport checked = ReportPolicy.check(report(Reports.fuzhou("fz-db-1")), fuzhou, now);
		ValidReport unstorable = new ValidReport(checked.reporter(), checked.reportId(), checked.category(), checked.level(),
				"Flood\u0000 at the bridge", checked.description(), checked.latitude(), checked.longitude(),
				checked.cityCode(), checked.countyCode(), checked.occurredAt(), checked.exercise(), checked.payloadHash(),
				checked.source());

		List<Mono<Object>> submissions = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			ValidReport valid = ReportPolicy.check(report(Reports.xiamen("xm-db-" + i)), xiamen, now);
			submissions.add(intake.submit(valid).cast(Object.class));
			if (i == 30) {
				submissions.add(intake.submit(unstorable).cast(Object.class)
					.onErrorResume(error -> Mono.just(ErrorTranslation.translate(error))));
			}
		}
		List<Object> outcomes = Flux.merge(submissions).collectList().block(Duration.ofSeconds(60));

		assertThat(outcomes).filteredOn(ReportReceipt.class::isInstance).hasSize(60);
		HubException refusal = outcomes.stream().filter(HubException.class::isInstance).map(HubException.class::cast)
			.findFirst().orElseThrow();
		assertThat(refusal.code().name()).isEqualTo("INVALID_REQUEST");
		assertThat(refusal.code().retryable()).isFalse();
		assertThat(stored("xm-db-%")).isEqualTo(60);
		assertThat(stored("fz-db-1")).isZero();
	}

	private static IncidentReport report(Map<String, Object> fields) {
		return HubClient.JSON.convertValue(fields, IncidentReport.class);
	}

	private static long stored(String reportIds) {
		return hub.context().getBean(DatabaseClient.class)
			.sql("select count(*) as n from incident where report_id like $1")
			.bind(0, reportIds)
			.map(r -> r.get("n", Long.class))
			.one()
			.block(Duration.ofSeconds(10));
	}

}
