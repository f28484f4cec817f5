package cn.fj.emergency.command.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.SocketAcceptor;
import io.rsocket.core.RSocketConnector;
import io.rsocket.core.RSocketServer;
import io.rsocket.transport.netty.client.TcpClientTransport;
import io.rsocket.transport.netty.server.CloseableChannel;
import io.rsocket.transport.netty.server.TcpServerTransport;
import io.rsocket.util.ByteBufPayload;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;
import cn.fj.emergency.command.support.TestInfrastructure;

/**
 * Durable incident ingest: reports over the city link, each answered once committed, at C reports in flight,
 * against pgbench inserting one incident-shaped row per transaction with C clients; with the intake's
 * micro-batching off ({@code hub.intake.max-batch=1}: one transaction per report) and on (the default).
 */
final class IngestBench {

	static final String TABLE = """
			create table incident (
			    id uuid primary key, reporter text not null, report_id text not null, payload_hash text not null,
			    city_code text not null, county_code text, category text not null, level text not null,
			    title text not null, description text, latitude double precision not null,
			    longitude double precision not null, occurred_at timestamptz not null, reported_at timestamptz not null,
			    status text not null, exercise boolean not null default false, reported_seq bigint,
			    constraint incident_report_once unique (reporter, report_id))""";

	static final String INSERT = """
			insert into incident (id, reporter, report_id, payload_hash, city_code, county_code, category, level, title,
			    description, latitude, longitude, occurred_at, reported_at, status, reported_seq)
			values (gen_random_uuid(), 'platform-350200', gen_random_uuid()::text, md5(random()::text), '350200', '350203',
			    '11', 'III', 'Waterlogging on the road', 'Knee-deep water on the road', 24.48, 118.09, now(), now(),
			    'REPORTED', :client_id);
			""";

	/** The hub's default report transactions in flight ({@code hub.intake.max-in-flight}). */
	static final int IN_FLIGHT = 4;

	private final BenchConfig config;

	private final TestInfrastructure infra;

	IngestBench(BenchConfig config, TestInfrastructure infra) {
		this.config = config;
		this.infra = infra;
	}

	/** The baseline at each concurrency. */
	Map<Integer, Pgbench.Result> baselines() {
		Pgbench pgbench = Pgbench.on(this.infra,
				List.of(TABLE, "create index incident_city_reported on incident (city_code, reported_at desc)"));
		Map<Integer, Pgbench.Result> results = new java.util.TreeMap<>();
		for (int c : this.config.ingestConcurrency()) {
			results.put(c, pgbench.run(INSERT, c, this.config.measure()));
		}
		return results;
	}

	/**
	 * What PostgreSQL alone does with the hub's own intake statement ({@code incident_intake}, the one call a batch of
	 * reports costs the hub), called by pgbench on the database of a hub that has just stored reports, with the
	 * shape of the last report it stored: at each concurrency C, one report per call from C clients (the most the
	 * hub could reach without micro-batching), and the C reports in flight batched into calls (the best of one client
	 * with C reports a call and {@value #IN_FLIGHT} clients with C / {@value #IN_FLIGHT} each, the hub's default
	 * transactions in flight). No hub code runs, so these bound the hub's figures from above.
	 */
	Map<Integer, Floor> floors(String database) {
		Pgbench pgbench = Pgbench.existing(this.infra, database);
		Map<String, @Nullable Object> report = pgbench.firstRow("""
				select i.reporter, i.city_code, i.county_code, i.category, i.level, i.title, i.description, i.latitude,
				       i.longitude, i.source_kind, e.stream, e.type, e.criticality,
				       array_to_string(e.cities, ',') as cities, e.payload::text as payload
				from incident i join event_log e on e.seq = i.reported_seq
				order by i.reported_seq desc limit 1""");
		// the least a report takes in the hub's design: the baseline's row and one event appended with the hub's own
		// event_log_append (a commit-ordered number from the counter row), in one transaction, one round trip
		pgbench.execute(List.of(TABLE.replace("create table incident", "create table bench_incident")
			.replace("constraint incident_report_once", "constraint bench_incident_report_once"),
				Pgbench.functionAppendingOneEvent("bench_report", INSERT.strip()
					.replace("insert into incident", "insert into bench_incident")
					.replace(":client_id", "0"))));
		String least = Pgbench.callAppendingOneEvent("bench_report", report);
		Map<Integer, Floor> floors = new java.util.TreeMap<>();
		for (int c : this.config.ingestConcurrency()) {
			Pgbench.Result leastWork = pgbench.run(least, c, this.config.measure());
			Pgbench.Result single = pgbench.run(intake(report, 1), c, this.config.measure());
			Pgbench.Result oneClient = pgbench.run(intake(report, c), 1, this.config.measure());
			int clients = Math.min(IN_FLIGHT, c);
			Pgbench.Result severalClients = pgbench.run(intake(report, c / clients), clients, this.config.measure());
			Floor floor = oneClient.tps() * c >= severalClients.tps() * (c / clients) ? new Floor(leastWork, single, oneClient, c)
					: new Floor(leastWork, single, severalClients, c / clients);
			System.out.printf("ingest floor C=%d: least work %.0f/s, intake %.0f reports/s one a call, %.0f batched (%d a call)%n",
					c, leastWork.tps(), floor.single().tps(), floor.batchedReports(), floor.batch());
			floors.put(c, floor);
		}
		return floors;
	}

	/** The intake statement for {@code batch} new reports shaped like the stored one, as the hub binds it. */
	static String intake(Map<String, @Nullable Object> report, int batch) {
		String fresh = "array(select %s from generate_series(1, " + batch + "))";
		java.util.function.BiFunction<@Nullable Object, String, String> fill = (value, type) -> "array_fill("
				+ Pgbench.literal(value) + "::" + type + ", array[" + batch + "])";
		return "select count(*) from incident_intake(now(), now(), " + String.join(", ",
				fresh.formatted("gen_random_uuid()::text"), fill.apply(report.get("reporter"), "text"),
				fresh.formatted("gen_random_uuid()::text"), fresh.formatted("md5(random()::text)"),
				fill.apply(report.get("city_code"), "text"), fill.apply(report.get("county_code"), "text"),
				fill.apply(report.get("category"), "text"), fill.apply(report.get("level"), "text"),
				fill.apply(report.get("title"), "text"), fill.apply(report.get("description"), "text"),
				fill.apply(report.get("latitude"), "float8"), fill.apply(report.get("longitude"), "float8"),
				"array_fill(now()::text, array[" + batch + "])", "array_fill(false, array[" + batch + "])",
				fill.apply(report.get("source_kind"), "text"), fill.apply(null, "text"), fill.apply(null, "text"),
				fill.apply(null, "text"), fill.apply(null, "float8"), fill.apply(null, "text"),
				fill.apply(report.get("payload"), "text"), Pgbench.literal(report.get("stream")),
				Pgbench.literal(report.get("type")), "'incident.duplicate-suspected'",
				Pgbench.literal(report.get("criticality")), "'bench'", "false", "0", "0", "0", "1") + ");\n";
	}

	/**
	 * The city link's transport alone, at each concurrency: a bare rsocket-java server over TCP answering each
	 * request-response with a receipt-sized payload, and as many clients and connections as the hub's figure, each
	 * request a report's JSON, encoded once: no routing, security, JSON or database. Every report costs the hub one
	 * such round trip, batched or not, so this bounds both ingest figures from above.
	 */
	Map<Integer, Load.Outcome> transport() {
		byte[] report = HubClient.JSON.writeValueAsBytes(Reports.report("bench-transport-0000000000", "350203"));
		byte[] receipt = HubClient.JSON.writeValueAsBytes(Map.of("incidentId", UUID.randomUUID().toString(), "reportId",
				"bench-transport-0000000000", "seq", 1234567, "cityCode", "350200", "reportedAt", Instant.now().toString()));
		CloseableChannel server = RSocketServer.create(SocketAcceptor.forRequestResponse(request -> {
			request.release();
			return Mono.just(ByteBufPayload.create(receipt));
		})).bindNow(TcpServerTransport.create("127.0.0.1", 0));
		Map<Integer, Load.Outcome> outcomes = new java.util.TreeMap<>();
		try {
			for (int c : this.config.ingestConcurrency()) {
				List<RSocket> connections = new ArrayList<>();
				try {
					for (int i = 0; i < Math.min(c, 16); i++) {
						connections.add(RSocketConnector.create().connect(TcpClientTransport.create(server.address()))
							.block(Duration.ofSeconds(30)));
					}
					Load.Outcome outcome = Load.closedLoop(c, this.config.warmup(), this.config.measure(),
							slot -> connections.get(slot % connections.size())
								.requestResponse(ByteBufPayload.create(report))
								.doOnNext(Payload::release));
					System.out.printf("ingest transport C=%d: %.0f round trips/s, %s, errors %s%n", c,
							outcome.perSecond(), Load.summary(outcome.latency()), outcome.errors());
					outcomes.put(c, outcome);
				}
				finally {
					connections.forEach(RSocket::dispose);
				}
			}
		}
		finally {
			server.dispose();
		}
		return outcomes;
	}

	/** The hub's reports per second at each concurrency. */
	Map<Integer, Load.Outcome> measure(Hub hub, String label) {
		Map<Integer, Load.Outcome> outcomes = new java.util.TreeMap<>();
		for (int c : this.config.ingestConcurrency()) {
			try (CityReports cities = CityReports.connect(hub, Math.min(c, 16), label + "-c" + c)) {
				Load.Outcome outcome = Load.closedLoop(c, this.config.warmup(), this.config.measure(), cities::report);
				System.out.printf("ingest %s C=%d: %.0f reports/s, %s, errors %s%n", label, c, outcome.perSecond(),
						Load.summary(outcome.latency()), outcome.errors());
				outcomes.put(c, outcome);
			}
		}
		return outcomes;
	}

	List<Figure> figures(Map<Integer, Pgbench.Result> baselines, Map<Integer, Load.Outcome> off,
			Map<Integer, Load.Outcome> on, @Nullable Map<Integer, Floor> floors,
			@Nullable Map<Integer, Load.Outcome> transport) {
		List<Figure> figures = new ArrayList<>();
		for (int c : this.config.ingestConcurrency()) {
			Pgbench.Result base = baselines.get(c);
			figures.add(figure("Durable ingest, micro-batching off, C=" + c, off.get(c), base, 0.5));
			figures.add(figure("Durable ingest, micro-batching on, C=" + c, on.get(c), base, 1.5));
		}
		for (int c : this.config.ingestConcurrency()) {
			Pgbench.Result base = baselines.get(c);
			String baseline = String.format("%.0f tps (the single-row INSERT above)", base.tps());
			if (transport != null) {
				Load.Outcome link = transport.get(c);
				figures.add(Figure.reference("rsocket-java alone, request-response over TCP, C=" + c,
						String.format("%.0f round trips/s (%s)", link.perSecond(), Load.summary(link.latency())), baseline,
						link.perSecond() / base.tps(),
						"bounds both ingest figures: the city link's transport with nothing behind it, a bare "
								+ "rsocket-java server answering a receipt-sized payload to a report's JSON, on "
								+ Math.min(c, 16) + " TCP connections from this JVM, as the hub's figures use; errors: "
								+ (link.errors().isEmpty() ? "none" : link.errors())));
			}
			if (floors != null) {
				Floor floor = floors.get(c);
				figures.add(Figure.reference("PostgreSQL alone, a report's least work, C=" + c,
						String.format("%.0f reports/s (pgbench, %d clients, avg %.1f ms)", floor.leastWork().tps(), c,
								floor.leastWork().latencyMs()),
						baseline, floor.leastWork().tps() / base.tps(),
						"what the hub's design (each change's event appended in the change's transaction, numbered in "
								+ "commit order by a counter row) needs at the least: the baseline's row and one event "
								+ "through the hub's `event_log_append` (the counter row serialises the appenders until they "
								+ "commit), one function call a transaction; `" + floor.leastWork().command() + "`"));
				figures.add(Figure.reference("PostgreSQL alone, the hub's intake statement, one report a call, C=" + c,
						String.format("%.0f reports/s (pgbench, %d clients, avg %.1f ms)", floor.single().tps(), c,
								floor.single().latencyMs()),
						baseline, floor.single().tps() / base.tps(),
						"bounds *micro-batching off*: `incident_intake` on the hub's database, called by pgbench with the "
								+ "shape of a report the hub stored; `" + floor.single().command() + "`"));
				figures.add(Figure.reference("PostgreSQL alone, the hub's intake statement, batched, C=" + c,
						String.format("%.0f reports/s (pgbench, %d client(s) of %d reports a call, avg %.1f ms a call)",
								floor.batchedReports(), floor.batched().clients(), floor.batch(), floor.batched().latencyMs()),
						baseline, floor.batchedReports() / base.tps(),
						"bounds *micro-batching on*: the " + c + " reports in flight in calls of " + floor.batch()
								+ " (the better of one client with " + c + " a call and " + Math.min(IN_FLIGHT, c)
								+ " clients sharing them); `" + floor.batched().command() + "`"));
			}
		}
		return figures;
	}

	/**
	 * The hub's intake statement alone at one concurrency.
	 *
	 * @param leastWork the baseline's row and one event a call, C clients
	 * @param single one report a call, C clients
	 * @param batched the better batched way
	 * @param batch reports a call in {@code batched}
	 */
	record Floor(Pgbench.Result leastWork, Pgbench.Result single, Pgbench.Result batched, int batch) {

		double batchedReports() {
			return this.batched.tps() * this.batch;
		}

	}

	private static Figure figure(String name, Load.Outcome outcome, Pgbench.Result base, double target) {
		double ratio = outcome.perSecond() / base.tps();
		return new Figure(name, String.format("%.0f reports/s (ack %s)", outcome.perSecond(), Load.summary(outcome.latency())),
				String.format("%.0f tps (pgbench single-row INSERT, %d clients, avg %.1f ms)", base.tps(), base.clients(),
						base.latencyMs()),
				ratio, String.format("≥ %.1f×", target), ratio >= target,
				"errors: " + (outcome.errors().isEmpty() ? "none" : outcome.errors()) + "; baseline: `" + base.command() + "`",
				null);
	}

}
