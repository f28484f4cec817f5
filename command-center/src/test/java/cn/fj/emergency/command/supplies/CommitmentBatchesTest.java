package cn.fj.emergency.command.supplies;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;

import static cn.fj.emergency.command.support.Supplies.movement;
import static cn.fj.emergency.command.support.Supplies.post;
import static cn.fj.emergency.command.support.Supplies.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commitments waiting on one stock balance are written in batches, one transaction each, and each is still decided
 * alone: 256 concurrent one-unit commitments on a balance of 100 give exactly 100 commitments and 156
 * {@code INSUFFICIENT_STOCK} refusals, on one instance and on two; a commitment that is wrong in itself is refused
 * alone with its own code while the others of its batch commit; the ledger verifies every time.
 */
class CommitmentBatchesTest {

	static final String DEPOT = "350000-02";

	static final String ITEM = "QUILT-COTTON";

	static final long BALANCE = 100;

	static final int CALLS = 256;

	static final int REQUESTS = 16;

	static List<Hub> hub(int instances) {
		Map<String, Object> settings = Hub.freshHubSettings();
		settings.put("spring.r2dbc.pool.max-acquire-time", "30s");
		return java.util.stream.IntStream.range(0, instances).mapToObj(i -> Hub.start(settings)).toList();
	}

	@Test
	void twoHundredFiftySixOneUnitCommitmentsOnOneHundredGiveOneHundred() {
		List<Hub> hubs = hub(1);
		try {
			exactlyTheBalance(hubs);
		}
		finally {
			hubs.forEach(Hub::close);
		}
	}

	@Test
	void twoInstancesCommittingOnOneBalanceNeverOversell() {
		List<Hub> hubs = hub(2);
		try {
			exactlyTheBalance(hubs);
		}
		finally {
			hubs.forEach(Hub::close);
		}
	}

	static void exactlyTheBalance(List<Hub> hubs) {
		Hub first = hubs.get(0);
		String officer = first.officerToken(null, "DUTY_OFFICER");
		String fuzhou = first.cityPlatformToken("350100").get("token").asString();
		post(first, "/api/supplies/movements", officer, movement("batch-opening", DEPOT, ITEM, "RECEIPT", BALANCE));
		List<String> requests = new ArrayList<>();
		for (int r = 0; r < REQUESTS; r++) {
			requests.add(post(first, "/api/supplies/requests", fuzhou, Map.of("requestId", "batch-" + r, "lines",
					List.of(Map.of("itemCode", ITEM, "quantity", 1000)))).get("request").get("id").asString());
		}
		List<Mono<String>> calls = new ArrayList<>();
		for (int i = 0; i < CALLS; i++) {
			calls.add(NeverOversellTest.untilAnswered(commit(hubs.get(i % hubs.size()), officer,
					requests.get(i % REQUESTS), "one-" + i, 1, 1)));
		}

		List<String> codes = Flux.fromIterable(calls).flatMap(m -> m, CALLS).collectList().block(Duration.ofMinutes(3));

		Map<String, Long> byCode = codes.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		long transactions = reservationTransactions(first);
		System.out.printf("commitment batches on %d instance(s): %s; the %d reservations were written by %d transactions%n",
				hubs.size(), byCode, BALANCE, transactions);
		assertThat(byCode).containsOnlyKeys("OK", "INSUFFICIENT_STOCK");
		assertThat(byCode.get("OK")).isEqualTo(BALANCE);
		assertThat(byCode.get("INSUFFICIENT_STOCK")).isEqualTo(CALLS - BALANCE);
		// batches formed: fewer transactions than commitments
		assertThat(transactions).isLessThan(BALANCE);
		JsonNode level = level(first, officer);
		assertThat(level.get("onHand").asLong()).isEqualTo(BALANCE);
		assertThat(level.get("reserved").asLong()).isEqualTo(BALANCE);
		assertThat(level.get("available").asLong()).isZero();
		long committed = 0;
		for (String request : requests) {
			JsonNode view = hubs.get(hubs.size() - 1).getJson("/api/supplies/requests/" + request, officer);
			committed += view.get("needs").get(0).get("committed").asLong();
			assertThat(view.get("commitments").size()).isEqualTo(view.get("needs").get(0).get("committed").asInt());
		}
		assertThat(committed).isEqualTo(BALANCE);
		verified(hubs.get(hubs.size() - 1));
	}

	@Test
	void aCommitmentWrongInItselfIsRefusedAloneInItsBatch() {
		List<Hub> hubs = hub(1);
		try {
			Hub hub = hubs.get(0);
			String officer = hub.officerToken(null, "DUTY_OFFICER");
			String xiamen = hub.cityPlatformToken("350200").get("token").asString();
			post(hub, "/api/supplies/movements", officer, movement("wrong-opening", DEPOT, ITEM, "RECEIPT", 1000));
			String request = post(hub, "/api/supplies/requests", xiamen, Map.of("requestId", "wrong-1", "lines",
					List.of(Map.of("itemCode", ITEM, "quantity", 60),
							Map.of("typeUrn", "urn:x-nims:resource", "typeValue", "Track Dozer", "resourceName", "Dozer",
									"quantity", 2))))
				.get("request").get("id").asString();
			// 64 calls at once on the request's quilts: 56 good ones of one unit, then among them a line that is an
			// outside type, a line the request does not have, and one that asks more than the line still needs
			List<Mono<String>> calls = new ArrayList<>();
			for (int i = 0; i < 64; i++) {
				int lineNo = i == 10 ? 2 : i == 20 ? 7 : 1;
				long quantity = i == 30 ? 61 : 1;
				calls.add(NeverOversellTest.untilAnswered(commit(hub, officer, request, "w-" + i, lineNo, quantity)));
			}
			List<String> codes = Flux.fromIterable(calls).flatMapSequential(m -> m, 64).collectList().block(Duration.ofMinutes(2));

			System.out.println("a batch with wrong commitments: " + codes);
			assertThat(codes.get(10)).isEqualTo("INVALID_FIELD");
			assertThat(codes.get(20)).isEqualTo("INVALID_FIELD");
			assertThat(codes.get(30)).isEqualTo("EXCEEDS_REMAINING_NEED");
			// the 61 good calls of one unit meet a need of 60: exactly one more of them is refused for the need
			List<String> good = new ArrayList<>(codes);
			good.remove(30);
			good.remove(20);
			good.remove(10);
			assertThat(good.stream().filter("OK"::equals).count()).isEqualTo(60);
			assertThat(good.stream().filter("EXCEEDS_REMAINING_NEED"::equals).count()).isEqualTo(1);
			JsonNode view = hub.getJson("/api/supplies/requests/" + request, officer);
			assertThat(view.get("needs").get(0).get("committed").asLong()).isEqualTo(60);
			assertThat(view.get("needs").get(0).get("remaining").asLong()).isZero();
			assertThat(view.get("commitments").size()).isEqualTo(60);
			assertThat(level(hub, officer).get("reserved").asLong()).isEqualTo(60);
			verified(hub);
		}
		finally {
			hubs.forEach(Hub::close);
		}
	}

	/**
	 * A commitment answers the need of every line and only the commitments it made, however many the request has;
	 * the need it checks and answers is the need the request's commitments give, through deliveries and releases.
	 */
	@Test
	void aCommitmentAnswersItsOwnCommitmentsAndTheNeedAsItStands() {
		List<Hub> hubs = hub(1);
		try {
			Hub hub = hubs.get(0);
			String officer = hub.officerToken(null, "DUTY_OFFICER");
			String xiamen = hub.cityPlatformToken("350200").get("token").asString();
			post(hub, "/api/supplies/movements", officer, movement("need-opening", DEPOT, ITEM, "RECEIPT", 1000));
			String request = post(hub, "/api/supplies/requests", xiamen, Map.of("requestId", "need-1", "lines",
					List.of(Map.of("itemCode", ITEM, "quantity", 100)))).get("request").get("id").asString();
			String uri = "/api/supplies/requests/" + request + "/commitments";
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				JsonNode answer = post(hub, uri, officer, Map.of("commitId", "need-" + i, "lines",
						List.of(Map.of("lineNo", 1, "depotCode", DEPOT, "quantity", 10))));
				assertThat(answer.get("commitments").size()).isEqualTo(1);
				assertThat(answer.get("needs").get(0).get("committed").asLong()).isEqualTo(10L * (i + 1));
				ids.add(answer.get("commitments").get(0).get("id").asString());
			}
			for (String step : List.of("requisition", "ship", "deliver")) {
				post(hub, "/api/supplies/commitments/" + ids.get(0) + "/" + step, officer, Map.of());
			}
			post(hub, "/api/supplies/commitments/" + ids.get(1) + "/release", officer, Map.of());
			post(hub, "/api/supplies/commitments/" + ids.get(0) + "/return", officer, Map.of("quantity", 4));

			// the release reopened 10 of the need: exactly 10 more commit, one more unit does not
			JsonNode again = post(hub, uri, officer, Map.of("commitId", "need-again", "lines",
					List.of(Map.of("lineNo", 1, "depotCode", DEPOT, "quantity", 10))));
			String beyond = refusal(hub, HttpMethod.POST, uri, officer, Map.of("commitId", "need-beyond", "lines",
					List.of(Map.of("lineNo", 1, "depotCode", DEPOT, "quantity", 1))), 409);
			JsonNode retry = post(hub, uri, officer, Map.of("commitId", "need-3", "lines",
					List.of(Map.of("lineNo", 1, "depotCode", DEPOT, "quantity", 10))));
			JsonNode read = hub.getJson("/api/supplies/requests/" + request, officer);

			assertThat(beyond).isEqualTo("EXCEEDS_REMAINING_NEED");
			assertThat(again.get("commitments").size()).isEqualTo(1);
			assertThat(again.get("needs")).isEqualTo(read.get("needs"));
			assertThat(retry.get("needs")).isEqualTo(read.get("needs"));
			assertThat(retry.get("commitments").size()).isEqualTo(1);
			assertThat(retry.get("commitments").get(0).get("id").asString()).isEqualTo(ids.get(3));
			assertThat(read.get("needs").get(0).get("committed").asLong()).isEqualTo(100);
			assertThat(read.get("needs").get(0).get("delivered").asLong()).isEqualTo(10);
			assertThat(read.get("commitments").size()).isEqualTo(11);
			verified(hub);
		}
		finally {
			hubs.forEach(Hub::close);
		}
	}

	static Mono<String> commit(Hub hub, String token, String request, String commitId, int lineNo, long quantity) {
		return org.springframework.web.reactive.function.client.WebClient.create("http://127.0.0.1:" + hub.httpPort())
			.post()
			.uri("/api/supplies/requests/" + request + "/commitments")
			.headers(h -> h.setBearerAuth(token))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("commitId", commitId, "lines",
					List.of(Map.of("lineNo", lineNo, "depotCode", DEPOT, "quantity", quantity))))
			.exchangeToMono(response -> response.bodyToMono(String.class)
				.map(body -> response.statusCode().is2xxSuccessful() ? "OK" : NeverOversellTest.code(body)));
	}

	static JsonNode level(Hub hub, String officer) {
		return hub.getJson("/api/supplies/depots/" + DEPOT + "/stock", officer)
			.valueStream()
			.filter(b -> b.get("itemCode").asString().equals(ITEM))
			.findFirst()
			.orElseThrow();
	}

	static void verified(Hub hub) {
		JsonNode verification = hub.getJson("/api/supplies/verification", hub.adminToken());
		assertThat(verification.get("mismatches").size()).isZero();
		assertThat(verification.get("consistent").asBoolean()).isTrue();
	}

	/** How many transactions wrote the balance's reservations (the transaction id that inserted each row). */
	static long reservationTransactions(Hub hub) {
		return hub.context()
			.getBean(DatabaseClient.class)
			.sql("select count(distinct xmin::text) as n from stock_movement "
					+ "where type = 'RESERVATION' and depot_code = $1 and item_code = $2")
			.bind(0, DEPOT)
			.bind(1, ITEM)
			.map(r -> r.get("n", Long.class))
			.one()
			.block(Duration.ofSeconds(10));
	}

}
