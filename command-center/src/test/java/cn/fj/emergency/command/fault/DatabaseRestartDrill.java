package cn.fj.emergency.command.fault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.embedded.EmbeddedDatabase;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.Pause;
import cn.fj.emergency.command.support.TestInfrastructure;

/**
 * PostgreSQL stopped and started again under load. The hub runs on a PostgreSQL of its own (other tests keep the
 * shared one); city platforms report and consoles follow the stream; when a share of the reports has been
 * acknowledged the server is shut down, stays down a while, and comes back on the same port and data. Platforms
 * retry what was refused with the same reportId; afterwards each sends some reports of each kind (acknowledged at
 * once, acknowledged after retries) again, which must answer the first receipt.
 */
public final class DatabaseRestartDrill {

	private DatabaseRestartDrill() {
	}

	/**
	 * @param writers city platforms
	 * @param reportsPerWriter reports each sends
	 * @param concurrency reports each has in flight
	 * @param consoles consoles following the stream
	 * @param stopAt share of all reports acknowledged when PostgreSQL stops
	 * @param down how long it stays down
	 */
	public record Size(int writers, int reportsPerWriter, int concurrency, int consoles, double stopAt, Duration down) {

		public static final Size SHORT = new Size(3, 200, 8, 3, 0.3, Duration.ofSeconds(3));

		public static final Size LONG = new Size(10, 2000, 16, 20, 0.3, Duration.ofSeconds(20));

		/** {@link #LONG} if the tests are asked to run the drills long ({@link FaultDrills#longForm()}). */
		public static Size forRun() {
			return FaultDrills.longForm() ? LONG : SHORT;
		}

		int reports() {
			return this.writers * this.reportsPerWriter;
		}

	}

	/**
	 * @param receipts the first receipt of each report, by reportId
	 * @param acknowledgedBeforeStop reports acknowledged when PostgreSQL was stopped
	 * @param retried reports that needed more than one attempt
	 * @param resent receipts of reports sent again after the drill, by reportId
	 * @param stored reportIds of incidents in the database afterwards
	 * @param log seqs in the event log after the drill's start
	 * @param consoles seqs each console received, in order
	 * @param duplicates events each console received twice
	 * @param endings how each console's streams ended, by code
	 * @param refusals failed report attempts by code
	 * @param nonRetryable codes of non-retryable refusals
	 */
	public record Result(int reports, Map<String, JsonNode> receipts, int acknowledgedBeforeStop, Set<String> retried,
			Map<String, JsonNode> resent, Set<String> stored, List<Long> log, List<List<Long>> consoles,
			List<Integer> duplicates, List<Map<String, Integer>> endings, Map<String, Integer> refusals,
			Set<String> nonRetryable) {

		public Set<Long> acknowledgedSeqs() {
			return Reporter.seqs(this.receipts);
		}

		@Override
		public String toString() {
			return "PostgreSQL restart: " + this.receipts.size() + " of " + this.reports + " reports acknowledged ("
					+ this.acknowledgedBeforeStop + " before the stop, " + this.retried.size() + " retried), "
					+ this.stored.size() + " stored, " + this.log.size() + " events in the log, consoles received "
					+ this.consoles.stream().map(List::size).toList() + ", stream endings " + this.endings
					+ ", report refusals " + this.refusals;
		}

	}

	public static Result run(Size size) {
		Path dataDir = TestInfrastructure.freshDataDir("fault-postgres");
		EmbeddedDatabase[] database = { EmbeddedDatabase.start(dataDir) };
		int port = database[0].port();
		Map<String, Object> settings = new HashMap<>(Hub.freshHubSettings());
		settings.put("spring.r2dbc.url", database[0].r2dbcUrl());
		settings.put("spring.r2dbc.username", database[0].username());
		settings.put("spring.r2dbc.password", database[0].password());
		settings.put("hub.jdbc.url", database[0].jdbcUrl());
		settings.put("hub.jdbc.username", database[0].username());
		settings.put("hub.jdbc.password", database[0].password());
		settings.put("hub.stream.max-streams-per-principal", Integer.toString(size.consoles() + 16));
		try (Hub hub = Hub.start(settings)) {
			long start = Drills.head(hub);
			List<FollowingConsole> consoles = Drills.consoles(hub, size.consoles(), start);
			List<Reporter> reporters = Drills.reporters(hub, size.writers());
			try {
				int stopAt = (int) (size.reports() * size.stopAt());
				AtomicInteger acknowledged = new AtomicInteger();
				CompletableFuture<Integer> outage = new CompletableFuture<>();
				Flux.range(0, size.writers())
					.flatMap(w -> reporters.get(w).report("pg-w" + w, size.reportsPerWriter(), size.concurrency()))
					.doOnNext(receipt -> {
						if (acknowledged.incrementAndGet() == stopAt) {
							Mono.fromRunnable(() -> {
								int before = acknowledged.get();
								database[0].close();
								Pause.sleep(size.down());
								database[0] = EmbeddedDatabase.start(dataDir, port);
								outage.complete(before);
							}).subscribeOn(Schedulers.boundedElastic()).subscribe(x -> {
							}, outage::completeExceptionally);
						}
					})
					.blockLast(Drills.SETTLE.multipliedBy(4));
				int acknowledgedBeforeStop = outage.join();
				Map<String, JsonNode> receipts = new HashMap<>();
				Map<String, Integer> refusals = new TreeMap<>();
				Set<String> nonRetryable = new HashSet<>();
				Set<String> retried = new HashSet<>();
				Map<String, JsonNode> resent = new HashMap<>();
				for (int w = 0; w < size.writers(); w++) {
					Reporter reporter = reporters.get(w);
					receipts.putAll(reporter.receipts());
					reporter.refusals().forEach((code, n) -> refusals.merge(code, n, Integer::sum));
					nonRetryable.addAll(reporter.nonRetryable());
					retried.addAll(reporter.retried());
					Set<String> again = new HashSet<>(List.of("pg-w" + w + "-0", "pg-w" + w + "-" + (size.reportsPerWriter() - 1)));
					reporter.retried().stream().limit(20).forEach(again::add);
					for (String reportId : again) {
						resent.put(reportId, reporter.send(reportId).block(Drills.SETTLE));
					}
				}
				long head = Drills.head(hub);
				Drills.awaitHead(consoles, head);
				return new Result(size.reports(), receipts, acknowledgedBeforeStop, retried, resent,
						Drills.storedReportIds(database[0]), Drills.log(hub, start),
						consoles.stream().map(FollowingConsole::seqs).toList(),
						consoles.stream().map(FollowingConsole::duplicates).toList(),
						consoles.stream().map(FollowingConsole::endings).toList(), refusals, nonRetryable);
			}
			finally {
				consoles.forEach(FollowingConsole::close);
				reporters.forEach(Reporter::close);
			}
		}
		finally {
			database[0].close();
		}
	}

}
