package cn.fj.emergency.command.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.TestInfrastructure;

import static cn.fj.emergency.command.support.Supplies.movement;
import static cn.fj.emergency.command.support.Supplies.post;

/**
 * Reservations on one hot item: C requesters commit one unit each of the same depot's item to one of
 * {@value #REQUESTS} supply requests over HTTP ({@code POST /api/supplies/requests/{id}/commitments},
 * docs/supplies.md), each answered once its
 * {@code RESERVATION} movement is committed. Baseline: pgbench's conditional UPDATE of one row with C clients.
 */
final class ReservationBench {

	static final String DEPOT = "350100-01";

	static final String ITEM = "LIGHT-FLOOD";

	/**
	 * Supply requests the requesters share, round robin: all of them for the one item at the one depot, each getting
	 * some tens of commitments in a run, as requests do in an emergency. (Until commitments were batched each
	 * answered every commitment of its request, and with 64 requests the answers grew past 256 KB; a commitment now
	 * answers only its own, and 1,024 stay so that the figures compare with earlier runs.)
	 */
	static final int REQUESTS = 1024;

	/** Largest answer the harness's client takes (answers of earlier versions listed all of a request's commitments). */
	static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

	static final String UPDATE = "UPDATE stock SET available = available - 1 WHERE id = 1 AND available >= 1;\n";

	private final BenchConfig config;

	private final TestInfrastructure infra;

	/** Commitment calls made in all the runs, warm-ups included. */
	private long commitmentsMade;

	ReservationBench(BenchConfig config, TestInfrastructure infra) {
		this.config = config;
		this.infra = infra;
	}

	Map<Integer, Pgbench.Result> baselines() {
		Pgbench pgbench = Pgbench.on(this.infra, List.of("create table stock (id int primary key, available bigint not null)",
				"insert into stock values (1, 1000000000000)"));
		Map<Integer, Pgbench.Result> results = new TreeMap<>();
		for (int c : this.config.reservationConcurrency()) {
			results.put(c, pgbench.run(UPDATE, c, this.config.measure()));
		}
		return results;
	}

	/**
	 * The least work a commitment of one unit takes in the hub's design, in PostgreSQL alone: one statement (a
	 * function, so no round trip holds a lock) that reserves the unit by a conditional update of the balance row,
	 * writes the ledger's movement and the commitment, and appends one event through the hub's own
	 * {@code event_log_append}, shaped like the last event the hub appended; C pgbench clients, on the hub's
	 * database. The hub writes more than this (a commitment appends several events and answers the request's
	 * view), so this bounds its figures from above.
	 */
	Floors floors(String database) {
		Pgbench pgbench = Pgbench.existing(this.infra, database);
		Map<String, @Nullable Object> event = pgbench.firstRow("""
				select stream, type, criticality, array_to_string(cities, ',') as cities, payload::text as payload
				from event_log order by seq desc limit 1""");
		pgbench.execute(List.of(
				"create table bench_balance (id int primary key, on_hand bigint not null, reserved bigint not null, "
						+ "check (reserved <= on_hand))",
				"insert into bench_balance values (1, 1000000000000, 0)",
				"create table bench_movement (id uuid primary key, balance int not null, reserved_delta int not null, "
						+ "at timestamptz not null)",
				"create table bench_commitment (id uuid primary key, request int not null, quantity int not null, "
						+ "at timestamptz not null)",
				Pgbench.functionAppendingOneEvent("bench_reserve", """
				    update bench_balance set reserved = reserved + 1 where id = 1 and on_hand - reserved >= 1;
				    if not found then
				        raise exception 'out of stock';
				    end if;
				    insert into bench_movement values (gen_random_uuid(), 1, 1, now());
				    insert into bench_commitment values (gen_random_uuid(), (random() * 1023)::int, 1, now());""")));
		String script = Pgbench.callAppendingOneEvent("bench_reserve", event);
		Map<Integer, Pgbench.Result> results = new TreeMap<>();
		for (int c : this.config.reservationConcurrency()) {
			Pgbench.Result floor = pgbench.run(script, c, this.config.measure());
			System.out.printf("reservation floor C=%d: %.0f/s%n", c, floor.tps());
			results.put(c, floor);
		}
		return new Floors(String.valueOf(event.get("type")), results);
	}

	/**
	 * A commitment's least work at each concurrency.
	 *
	 * @param eventType the type of the event the function's append is shaped like
	 * @param results pgbench's result at each concurrency
	 */
	record Floors(String eventType, Map<Integer, Pgbench.Result> results) {
	}

	Map<Integer, Load.Outcome> hub(Hub hub) {
		String officer = hub.dutyOfficerToken();
		String fuzhou = hub.cityPlatformToken("350100").get("token").asString();
		post(hub, "/api/supplies/movements", officer, movement("bench-opening", DEPOT, ITEM, "RECEIPT", 1_000_000_000));
		// many requests on the one hot balance, as in an emergency
		List<String> requests = new ArrayList<>();
		for (int r = 0; r < REQUESTS; r++) {
			requests.add(post(hub, "/api/supplies/requests", fuzhou, Map.of("requestId", "bench-hot-item-" + r, "lines",
					List.of(Map.of("itemCode", ITEM, "quantity", 1_000_000_000)))).get("request").get("id").asString());
		}
		ConnectionProvider pool = ConnectionProvider.builder("bench-reservations").maxConnections(1024)
			.pendingAcquireMaxCount(-1)
			.build();
		WebClient http = WebClient.builder()
			.baseUrl("http://127.0.0.1:" + hub.httpPort())
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool)))
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_ANSWER_BYTES))
			.build();
		AtomicLong ids = new AtomicLong();
		Map<Integer, Load.Outcome> outcomes = new TreeMap<>();
		try {
			for (int c : this.config.reservationConcurrency()) {
				Load.Outcome outcome = Load.closedLoop(c, this.config.warmup(), this.config.measure(),
						slot -> {
							long n = ids.incrementAndGet();
							return commit(http, officer, requests.get((int) (n % REQUESTS)), "bench-" + n);
						});
				System.out.printf("reservations C=%d: %.0f/s, %s, errors %s%n", c, outcome.perSecond(),
						Load.summary(outcome.latency()), outcome.errors());
				outcomes.put(c, outcome);
			}
		}
		finally {
			pool.dispose();
		}
		this.commitmentsMade = ids.get();
		return outcomes;
	}

	/** One commitment of one unit; a refusal fails the Mono with the hub's code. */
	private static Mono<String> commit(WebClient http, String token, String request, String commitId) {
		return http.post()
			.uri("/api/supplies/requests/" + request + "/commitments")
			.headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("commitId", commitId, "lines", List.of(Map.of("lineNo", 1, "depotCode", DEPOT, "quantity", 1))))
			.exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("{}").flatMap(body -> {
				if (response.statusCode().is2xxSuccessful()) {
					return Mono.just("OK");
				}
				String code = HubClient.JSON.readTree(body).path("code").asString("HTTP_" + response.statusCode().value());
				return Mono.error(new Refused(code));
			}))
			.timeout(Duration.ofSeconds(60));
	}

	/** A refused commitment, named by its code. */
	static final class Refused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Refused(String code) {
			super(code, null, false, false);
		}

	}

	List<Figure> figures(Map<Integer, Pgbench.Result> baselines, Map<Integer, Load.Outcome> hub,
			@Nullable Floors floors) {
		List<Figure> figures = new ArrayList<>();
		List<Integer> levels = this.config.reservationConcurrency();
		double best = levels.stream().mapToDouble(c -> hub.get(c).perSecond()).max().orElse(0);
		for (int c : levels) {
			Load.Outcome outcome = hub.get(c);
			Pgbench.Result base = baselines.get(c);
			double ratio = outcome.perSecond() / base.tps();
			boolean last = c == levels.get(levels.size() - 1) && levels.size() > 1;
			// no collapse: the highest concurrency keeps at least half the best throughput of the lower ones
			boolean collapsed = last && outcome.perSecond() < 0.5 * best;
			figures.add(new Figure("Reservations on one hot item, C=" + c,
					String.format("%.0f reservations/s (%s)", outcome.perSecond(), Load.summary(outcome.latency())),
					String.format("%.0f tps (pgbench conditional UPDATE of one row, %d clients, avg %.1f ms)", base.tps(),
							base.clients(), base.latencyMs()),
					ratio, last ? "≥ 0.7× and no collapse (≥ 0.5 × the best lower-concurrency rate)" : "≥ 0.7×",
					ratio >= 0.7 && !collapsed && outcome.errorCount() == 0,
					"over HTTP, one unit per commitment, " + REQUESTS + " requests for the item at one depot (about "
							+ Math.round((double) this.commitmentsMade / REQUESTS) + " commitments each by the end); errors: "
							+ (outcome.errors().isEmpty() ? "none" : outcome.errors()) + "; baseline: `" + base.command() + "`",
					null));
		}
		if (floors != null) {
			for (int c : levels) {
				Pgbench.Result floor = floors.results().get(c);
				Pgbench.Result base = baselines.get(c);
				figures.add(Figure.reference("PostgreSQL alone, a commitment's least work, C=" + c,
						String.format("%.0f reservations/s (pgbench, %d clients, avg %.1f ms)", floor.tps(), c,
								floor.latencyMs()),
						String.format("%.0f tps (the conditional UPDATE above)", base.tps()), floor.tps() / base.tps(),
						"bounds the reservation figure: one function call reserving the unit by a conditional UPDATE of the "
								+ "balance, inserting the movement and the commitment, and appending one event (shaped like "
								+ "`" + floors.eventType() + "`) through the hub's `event_log_append`, on the hub's database; `"
								+ floor.command() + "`"));
			}
		}
		return figures;
	}

}
