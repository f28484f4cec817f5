package cn.fj.emergency.command.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

/**
 * Many reports at once over {@code POST /api/incidents}, a few dozen in flight (the hub's intake writes them in
 * batches): thousands of incidents in seconds. A {@code 503} (the intake's queue full) is tried again.
 */
public final class BulkReports {

	private BulkReports() {
	}

	/** Reports them all; answers the incident ids in the order of the reports. */
	public static List<String> report(Hub hub, String token, List<Map<String, Object>> reports) {
		WebClient client = WebClient.create("http://127.0.0.1:" + hub.httpPort());
		return Flux.fromIterable(reports)
			.flatMapSequential(report -> client.post()
				.uri("/api/incidents")
				.headers(h -> h.setBearerAuth(token))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(report)
				.retrieve()
				.bodyToMono(JsonNode.class)
				.retryWhen(Retry.backoff(10, Duration.ofMillis(50))
					.filter(e -> e instanceof WebClientResponseException w && w.getStatusCode().value() == 503)), 48)
			.map(receipt -> receipt.get("incidentId").asString())
			.collectList()
			.block(Duration.ofSeconds(120));
	}

}
