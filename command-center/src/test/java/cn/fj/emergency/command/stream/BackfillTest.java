package cn.fj.emergency.command.stream;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscriber far behind reads many pages from PostgreSQL (the in-memory ring is small here), then continues
 * live without a seam.
 */
class BackfillTest {

	static Hub hub;

	@BeforeAll
	static void startHubWithSmallPagesAndRing() {
		Map<String, Object> settings = new HashMap<>(Hub.freshHubSettings());
		settings.put("hub.stream.page-size", "50");
		settings.put("hub.stream.ring-size", "100");
		hub = Hub.start(settings);
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	@Test
	void aSubscriberFarBehindReadsPageAfterPageThenGoesLive() {
		int total = 1200;
		try (HubClient city = hub.city("350200"); HubClient console = hub.console(hub.dutyOfficerToken())) {
			long written = Flux.range(0, total)
				.flatMap(i -> city.request("incidents.report", Reports.xiamen("backfill-" + i)), 32)
				.count()
				.block(Duration.ofSeconds(120));
			assertThat(written).isEqualTo(total);

			List<Long> seqs = console.stream("events.stream", Map.of("after", 0))
				.take(total)
				.map(e -> e.get("seq").asLong())
				.collectList()
				.block(Duration.ofSeconds(60));
			for (int i = 0; i < total; i++) {
				assertThat(seqs.get(i)).isEqualTo(i + 1L);
			}

			StepVerifier.create(console.stream("events.stream", Map.of("after", total - 1)))
				.assertNext(event -> assertThat(event.get("seq").asLong()).isEqualTo(total))
				.then(() -> city.request("incidents.report", Reports.xiamen("backfill-live")).block(Duration.ofSeconds(10)))
				.assertNext(event -> assertThat(event.get("data").get("reportId").asString()).isEqualTo("backfill-live"))
				.thenCancel()
				.verify(Duration.ofSeconds(20));
		}
	}

}
