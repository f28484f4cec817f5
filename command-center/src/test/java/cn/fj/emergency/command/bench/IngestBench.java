package cn.fj.emergency.command.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.fj.emergency.command.support.Hub;
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
			Map<Integer, Load.Outcome> on) {
		List<Figure> figures = new ArrayList<>();
		for (int c : this.config.ingestConcurrency()) {
			Pgbench.Result base = baselines.get(c);
			figures.add(figure("Durable ingest, micro-batching off, C=" + c, off.get(c), base, 0.5));
			figures.add(figure("Durable ingest, micro-batching on, C=" + c, on.get(c), base, 1.5));
		}
		return figures;
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
