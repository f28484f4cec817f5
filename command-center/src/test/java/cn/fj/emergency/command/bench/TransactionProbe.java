package cn.fj.emergency.command.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.incident.IncidentReport;
import cn.fj.emergency.command.incident.ReportingIncident;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Role;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.NewEvent;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.Reports;

/**
 * Where a transaction's milliseconds go: one after another, the same trivial statements through the hub's own R2DBC
 * stack (pool, driver, Spring's client and transaction manager), with and without a transaction, and one report
 * over the city link, so that their latencies can be set beside pgbench's. A diagnostic of the harness, printing
 * what it measures: {@code ./mvnw -B -Pbench -DskipTests -pl command-center -am verify
 * -Dbench.main=cn.fj.emergency.command.bench.TransactionProbe}.
 */
final class TransactionProbe {

	static final int ROUNDS = Integer.getInteger("probe.rounds", 2000);

	private TransactionProbe() {
	}

	public static void main(String[] args) {
		try (Hub hub = Hub.start(Hub.freshHubSettings())) {
			DatabaseClient db = hub.context().getBean(DatabaseClient.class);
			TransactionalOperator tx = hub.context().getBean(TransactionalOperator.class);
			Supplier<Mono<?>> select = () -> db.sql("select 1 as one").map(r -> r.get("one")).one();
			measure("select 1, no transaction", select);
			measure("BEGIN; select 1; COMMIT", () -> tx.transactional(select.get()));
			measure("BEGIN; select 1 ×3; COMMIT", () -> tx.transactional(select.get().then(select.get()).then(select.get())));
			measure("BEGIN; select head of the log for update; COMMIT",
					() -> tx.transactional(db.sql("select last_seq from event_counter where log = 'hub' for update")
						.map(r -> r.get("last_seq"))
						.one()));
			EventLog log = hub.context().getBean(EventLog.class);
			AtomicLong e = new AtomicLong();
			measure("BEGIN; append one event; COMMIT", () -> tx.transactional(log.append(List.of(NewEvent.critical(
					"probe", "probe.tick", "probe-" + e.incrementAndGet(), List.of("350200"), true, Map.of("n", e.get()))))));
			measure("BEGIN; append one event, no cities; COMMIT", () -> tx.transactional(log.append(List.of(NewEvent.critical(
					"probe", "probe.tick", "probe-" + e.incrementAndGet(), List.of(), true, Map.of("n", e.get()))))));
			ReportingIncident reporting = hub.context().getBean(ReportingIncident.class);
			JsonMapper json = hub.context().getBean(JsonMapper.class);
			HubPrincipal platform = new HubPrincipal("probe-platform", HubPrincipal.Kind.SERVICE, Set.of(Role.CITY_PLATFORM),
					"350200", null, Instant.now().plus(Duration.ofHours(1)));
			AtomicLong n = new AtomicLong();
			String prefix = "probe-direct-" + System.currentTimeMillis();
			measure("one report, in the hub's JVM (ReportingIncident, no RSocket)", () -> reporting.report(platform,
					json.convertValue(Reports.report(prefix + "-" + n.incrementAndGet(), "350203"), IncidentReport.class)));
			try (CityReports cities = CityReports.connect(hub, 1, "probe-" + System.currentTimeMillis())) {
				measure("one report over the city link (receipt)", () -> cities.report(0));
			}
		}
	}

	private static void measure(String what, Supplier<Mono<?>> op) {
		for (int i = 0; i < ROUNDS / 4; i++) {
			op.get().block(Duration.ofSeconds(30));
		}
		Histogram h = Load.histogram();
		long start = System.nanoTime();
		for (int i = 0; i < ROUNDS; i++) {
			long t = System.nanoTime();
			op.get().block(Duration.ofSeconds(30));
			h.recordValue((System.nanoTime() - t) / 1000);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("probe: %-55s %s, %.0f/s one after another%n", what, Load.summary(h), ROUNDS / seconds);
	}

}
