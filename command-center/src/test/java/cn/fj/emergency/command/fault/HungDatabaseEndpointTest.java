package cn.fj.emergency.command.fault;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;
import cn.fj.emergency.command.support.TcpRelay;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database's address takes connections and never answers for a while (a proxy whose server is gone, a failover
 * half done), then works again. Meanwhile platforms are refused with the retryable {@code STORAGE_UNAVAILABLE}; the
 * connection attempts of that time must not stay pending (they would fill the pool, and the hub would go on
 * refusing long after the database is back): once the address answers, the same report is acknowledged within
 * seconds.
 */
class HungDatabaseEndpointTest {

	@Test
	void theHubWritesAgainOnceAnAddressThatHungAnswersAgain() {
		Map<String, Object> settings = Hub.freshHubSettings();
		int postgres = java.net.URI.create(settings.get("spring.r2dbc.url").toString().substring("r2dbc:".length())).getPort();
		try (TcpRelay address = new TcpRelay(postgres)) {
			settings.put("spring.r2dbc.url", settings.get("spring.r2dbc.url").toString()
				.replace(":" + postgres + "/", ":" + address.port() + "/"));
			try (Hub hub = Hub.start(settings); HubClient xiamen = hub.city("350200")) {
				assertThat(xiamen.request("incidents.report", Reports.xiamen("hung-0")).block(Duration.ofSeconds(10)))
					.isNotNull();

				// the connections drop, and the address takes new ones without answering
				address.stall();
				address.cut();
				address.acceptButStall();
				Throwable refused = xiamen.request("incidents.report", Reports.xiamen("hung-1"))
					.map(receipt -> (Throwable) new AssertionError("acknowledged while the database hung: " + receipt))
					.onErrorResume(error -> reactor.core.publisher.Mono.just(error))
					.block(Duration.ofSeconds(30));
				assertThat(HubClient.errorBody(refused).get("code").asString()).isEqualTo("STORAGE_UNAVAILABLE");

				// the address answers again: the same report is acknowledged within seconds
				address.up();
				long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
				String outcome = "none";
				while (System.nanoTime() < deadline && !outcome.equals("acknowledged")) {
					outcome = xiamen.request("incidents.report", Reports.xiamen("hung-1"))
						.map(receipt -> "acknowledged")
						.onErrorResume(error -> reactor.core.publisher.Mono.just(String.valueOf(HubClient.errorBody(error))))
						.block(Duration.ofSeconds(30));
				}
				assertThat(outcome).isEqualTo("acknowledged");
			}
		}
	}

}
