package cn.fj.emergency.command.supplies;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;

import static cn.fj.emergency.command.support.Supplies.movement;
import static cn.fj.emergency.command.support.Supplies.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 64 concurrent reservers hammer one depot's item with random quantities: half commit stock to requests over HTTP
 * (reservations), half issue it over the city link. Whatever interleaving, nothing is oversold: reserved plus issued
 * never exceeds what was received, no level is negative, and the ledger sums equal the levels. On one instance and
 * on two, the reservers split across them.
 */
class NeverOversellTest {

	static final String DEPOT = "350100-01";

	static final String ITEM = "LIGHT-FLOOD";

	static final long RECEIVED = 1000;

	static final int RESERVERS = 64;

	static final int ATTEMPTS = 3;

	/** Instances of one hub; a loaded test machine gets more time to hand out database connections. */
	static List<Hub> hub(int instances) {
		Map<String, Object> settings = Hub.freshHubSettings();
		settings.put("spring.r2dbc.pool.max-acquire-time", "30s");
		return java.util.stream.IntStream.range(0, instances).mapToObj(i -> Hub.start(settings)).toList();
	}

	@Test
	void neverOversellsOnOneInstance() {
		List<Hub> hubs = hub(1);
		try {
			hammer(hubs);
		}
		finally {
			hubs.forEach(Hub::close);
		}
	}

	@Test
	void neverOversellsAcrossTwoInstances() {
		List<Hub> hubs = hub(2);
		try {
			hammer(hubs);
		}
		finally {
			hubs.forEach(Hub::close);
		}
	}

	static void hammer(List<Hub> hubs) {
		Hub first = hubs.get(0);
		String officer = first.officerToken(null, "DUTY_OFFICER");
		String fuzhouToken = first.cityPlatformToken("350100").get("token").asString();
		post(first, "/api/supplies/movements", officer, movement("opening", DEPOT, ITEM, "RECEIPT", RECEIVED));
		List<String> requests = new ArrayList<>();
		for (int r = 0; r < 8; r++) {
			requests.add(post(first, "/api/supplies/requests", fuzhouToken, Map.of("requestId", "flood-" + r, "lines",
					List.of(Map.of("itemCode", ITEM, "quantity", 100_000)))).get("request").get("id").asString());
		}
		List<HubClient> cities = hubs.stream().map(h -> HubClient.tcp(h.cityLinkPort(), fuzhouToken)).toList();
		Random random = new Random(20261201);
		List<Mono<Outcome>> attempts = new ArrayList<>();
		for (int i = 0; i < RESERVERS; i++) {
			Hub hub = hubs.get(i % hubs.size());
			for (int a = 0; a < ATTEMPTS; a++) {
				long quantity = 1 + random.nextInt(60);
				String id = "r" + i + "-" + a;
				attempts.add(i % 2 == 0 ? reserve(hub, officer, requests.get(i % requests.size()), id, quantity)
						: issue(cities.get(i % hubs.size()), id, quantity));
			}
		}

		List<Outcome> outcomes = Flux.fromIterable(attempts).flatMap(m -> m, RESERVERS).collectList().block(Duration.ofMinutes(3));
		cities.forEach(HubClient::close);

		long reserved = outcomes.stream().filter(o -> o.applied() && o.reservation()).mapToLong(Outcome::quantity).sum();
		long issued = outcomes.stream().filter(o -> o.applied() && !o.reservation()).mapToLong(Outcome::quantity).sum();
		System.out.printf("never-oversell on %d instance(s): %d attempts, reserved %d, issued %d, refused %d%n", hubs.size(),
				outcomes.size(), reserved, issued, outcomes.stream().filter(o -> !o.applied()).count());
		assertThat(outcomes).allSatisfy(o -> assertThat(o.code()).isIn("OK", "INSUFFICIENT_STOCK"));
		assertThat(outcomes.stream().filter(o -> o.code().equals("INSUFFICIENT_STOCK"))).isNotEmpty();
		assertThat(reserved + issued).isLessThanOrEqualTo(RECEIVED);
		JsonNode level = first.getJson("/api/supplies/depots/" + DEPOT + "/stock", officer)
			.valueStream()
			.filter(b -> b.get("itemCode").asString().equals(ITEM))
			.findFirst()
			.orElseThrow();
		assertThat(level.get("reserved").asLong()).isEqualTo(reserved);
		assertThat(level.get("onHand").asLong()).isEqualTo(RECEIVED - issued);
		assertThat(level.get("available").asLong()).isGreaterThanOrEqualTo(0);
		JsonNode verification = hubs.get(hubs.size() - 1).getJson("/api/supplies/verification", first.adminToken());
		assertThat(verification.get("mismatches").size()).isZero();
		assertThat(verification.get("consistent").asBoolean()).isTrue();
	}

	/**
	 * A refusal that says it is retryable (the database busy, say) is retried with the same id, as a client would:
	 * the id makes the retry safe.
	 */
	static Mono<String> untilAnswered(Mono<String> attempt) {
		return attempt.flatMap(code -> code.startsWith("RETRY:") ? Mono.error(new RetryableRefusal(code)) : Mono.just(code))
			.retryWhen(Retry.backoff(10, Duration.ofMillis(100))
				.maxBackoff(Duration.ofSeconds(2))
				.filter(RetryableRefusal.class::isInstance));
	}

	static String code(String body) {
		JsonNode error = HubClient.JSON.readTree(body);
		String code = error.get("code").asString();
		return error.path("retryable").asBoolean(false) ? "RETRY:" + code : code;
	}

	static Mono<Outcome> reserve(Hub hub, String token, String request, String commitId, long quantity) {
		return untilAnswered(commitOnce(hub, token, request, commitId, quantity))
			.map(code -> new Outcome(true, quantity, code))
			.timeout(Duration.ofSeconds(90));
	}

	static Mono<String> commitOnce(Hub hub, String token, String request, String commitId, long quantity) {
		return WebClient.create("http://127.0.0.1:" + hub.httpPort())
			.post()
			.uri("/api/supplies/requests/" + request + "/commitments")
			.headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("commitId", commitId, "lines", List.of(Map.of("lineNo", 1, "depotCode", DEPOT, "quantity", quantity))))
			.exchangeToMono(response -> response.bodyToMono(String.class)
				.map(body -> response.statusCode().is2xxSuccessful() ? "OK" : code(body)));
	}

	static Mono<Outcome> issue(HubClient city, String movementId, long quantity) {
		Mono<String> once = city.request("stock.movements", movement(movementId, DEPOT, ITEM, "ISSUE", quantity))
			.map(receipt -> "OK")
			.onErrorResume(io.rsocket.exceptions.ApplicationErrorException.class,
					error -> Mono.just(code(String.valueOf(error.getMessage()))));
		return untilAnswered(once).map(code -> new Outcome(false, quantity, code)).timeout(Duration.ofSeconds(90));
	}

	static final class RetryableRefusal extends RuntimeException {

		private static final long serialVersionUID = 1L;

		RetryableRefusal(String code) {
			super(code, null, false, false);
		}

	}

	/** One attempt: a reservation (commitment) or an issue, its quantity, and "OK" or the refusal's code. */
	record Outcome(boolean reservation, long quantity, String code) {

		boolean applied() {
			return this.code.equals("OK");
		}

	}

}
