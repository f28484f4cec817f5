package cn.fj.emergency.command.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.embedded.EmbeddedDatabase;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.Pause;
import cn.fj.emergency.command.support.TcpRelay;
import cn.fj.emergency.command.support.TestInfrastructure;

/**
 * The primary PostgreSQL fails over to its synchronous streaming replica under load (docs/deployment.md,
 * "PostgreSQL with replicas"). The hub reaches the database through a relay standing for the address a failover
 * moves (a virtual IP, a DNS name, a proxy). When a share of the reports has been acknowledged the primary is killed
 * (SIGKILL), the relay resets every connection, the replica is promoted and the relay points at it. Platforms retry
 * what was refused with the same reportId; consoles resume after their last seq.
 */
public final class PrimaryFailoverDrill {

	private PrimaryFailoverDrill() {
	}

	/**
	 * @param writers city platforms
	 * @param reportsPerWriter reports each sends
	 * @param concurrency reports each has in flight
	 * @param consoles consoles following the stream
	 * @param failAt share of all reports acknowledged when the primary is killed
	 */
	public record Size(int writers, int reportsPerWriter, int concurrency, int consoles, double failAt) {

		public static final Size SHORT = new Size(3, 150, 8, 2, 0.4);

		public static final Size LONG = new Size(10, 2000, 16, 20, 0.4);

		public static Size forRun() {
			return FaultDrills.longForm() ? LONG : SHORT;
		}

		int reports() {
			return this.writers * this.reportsPerWriter;
		}

	}

	/**
	 * @param receipts the first receipt of each report, by reportId
	 * @param acknowledgedBeforeFailure reports acknowledged when the primary was killed
	 * @param syncState the replica's {@code sync_state} on the primary before the drill
	 * @param stored reportIds of incidents in the promoted replica afterwards
	 * @param log seqs in the promoted replica's event log after the drill's start
	 * @param consoles seqs each console received, in order
	 * @param duplicates events each console received twice
	 * @param endings how each console's streams ended, by code
	 * @param refusals failed report attempts by code
	 * @param nonRetryable codes of non-retryable refusals
	 */
	public record Result(int reports, Map<String, JsonNode> receipts, int acknowledgedBeforeFailure, String syncState,
			Set<String> stored, List<Long> log, List<List<Long>> consoles, List<Integer> duplicates,
			List<Map<String, Integer>> endings, Map<String, Integer> refusals, Set<String> nonRetryable) {

		public Set<Long> acknowledgedSeqs() {
			return Reporter.seqs(this.receipts);
		}

		@Override
		public String toString() {
			return "Primary failover: " + this.receipts.size() + " of " + this.reports + " reports acknowledged ("
					+ this.acknowledgedBeforeFailure + " before the primary was killed), " + this.stored.size()
					+ " stored on the promoted replica, " + this.log.size() + " events in its log, consoles received "
					+ this.consoles.stream().map(List::size).toList() + ", stream endings " + this.endings
					+ ", report refusals " + this.refusals;
		}

	}

	public static Result run(Size size) {
		Path primaryDir = TestInfrastructure.freshDataDir("fault-primary");
		Path replicaDir = TestInfrastructure.freshDataDir("fault-replica");
		EmbeddedDatabase primary = EmbeddedDatabase.start(primaryDir);
		int primaryPort = primary.port();
		EmbeddedDatabase replica = null;
		TcpRelay address = null;
		try {
			// a replica from a cold copy of the primary's cluster (no pg_basebackup among the embedded binaries)
			primary.close();
			copyCluster(primary, replicaDir, primaryPort);
			primary = EmbeddedDatabase.start(primaryDir, primaryPort);
			replica = EmbeddedDatabase.start(replicaDir);
			String syncState = makeSynchronous(primary);
			address = new TcpRelay(primaryPort);
			Map<String, Object> settings = new HashMap<>(Hub.freshHubSettings());
			settings.put("spring.r2dbc.url", "r2dbc:postgresql://127.0.0.1:" + address.port() + "/" + EmbeddedDatabase.DATABASE);
			settings.put("spring.r2dbc.username", primary.username());
			settings.put("spring.r2dbc.password", primary.password());
			settings.put("hub.jdbc.url", "jdbc:postgresql://127.0.0.1:" + address.port() + "/" + EmbeddedDatabase.DATABASE);
			settings.put("hub.jdbc.username", primary.username());
			settings.put("hub.jdbc.password", primary.password());
			settings.put("hub.stream.max-streams-per-principal", Integer.toString(size.consoles() + 16));
			return drill(size, settings, primary, replica, address, syncState);
		}
		finally {
			if (address != null) {
				address.close();
			}
			if (replica != null) {
				replica.close();
			}
			closeKilled(primary);
		}
	}

	private static Result drill(Size size, Map<String, Object> settings, EmbeddedDatabase primary,
			EmbeddedDatabase replica, TcpRelay address, String syncState) {
		try (Hub hub = Hub.start(settings)) {
			long start = Drills.head(hub);
			List<FollowingConsole> consoles = Drills.consoles(hub, size.consoles(), start);
			List<Reporter> reporters = Drills.reporters(hub, size.writers());
			try {
				int failAt = (int) (size.reports() * size.failAt());
				AtomicInteger acknowledged = new AtomicInteger();
				CompletableFuture<Integer> failover = new CompletableFuture<>();
				Flux.range(0, size.writers())
					.flatMap(w -> reporters.get(w).report("fo-w" + w, size.reportsPerWriter(), size.concurrency()))
					.doOnNext(receipt -> {
						if (acknowledged.incrementAndGet() == failAt) {
							Mono.fromRunnable(() -> {
								int before = acknowledged.get();
								kill(primary);
								address.cut();
								promote(replica);
								address.retarget(replica.port());
								address.up();
								failover.complete(before);
							}).subscribeOn(Schedulers.boundedElastic()).subscribe(x -> {
							}, failover::completeExceptionally);
						}
					})
					.blockLast(Drills.SETTLE.multipliedBy(4));
				int acknowledgedBeforeFailure = failover.join();
				Map<String, JsonNode> receipts = new HashMap<>();
				Map<String, Integer> refusals = new TreeMap<>();
				Set<String> nonRetryable = new HashSet<>();
				for (Reporter reporter : reporters) {
					receipts.putAll(reporter.receipts());
					reporter.refusals().forEach((code, n) -> refusals.merge(code, n, Integer::sum));
					nonRetryable.addAll(reporter.nonRetryable());
				}
				long head = Drills.head(hub);
				Drills.awaitHead(consoles, head);
				return new Result(size.reports(), receipts, acknowledgedBeforeFailure, syncState, Drills.storedReportIds(replica),
						Drills.log(hub, start), consoles.stream().map(FollowingConsole::seqs).toList(),
						consoles.stream().map(FollowingConsole::duplicates).toList(),
						consoles.stream().map(FollowingConsole::endings).toList(), refusals, nonRetryable);
			}
			finally {
				consoles.forEach(FollowingConsole::close);
				reporters.forEach(Reporter::close);
			}
		}
	}

	/** Copies a stopped cluster and makes the copy a standby streaming from the primary's port. */
	private static void copyCluster(EmbeddedDatabase primary, Path replicaDir, int primaryPort) {
		Path from = primary.directory();
		Path to = replicaDir.resolve("postgres");
		String user = primary.username();
		String password = primary.password();
		try (Stream<Path> files = Files.walk(from)) {
			// the copied cluster expects the primary's password
			Files.createDirectories(replicaDir);
			Files.copy(primary.passwordFile(), replicaDir.resolve(EmbeddedDatabase.PASSWORD_FILE),
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				String name = file.getFileName().toString();
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else if (!name.equals("postmaster.pid") && !name.equals("postmaster.opts")) {
					Files.copy(file, target);
				}
			}
			// PostgreSQL starts only on a cluster directory of its owner alone
			Files.setPosixFilePermissions(to, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
			Files.writeString(to.resolve("standby.signal"), "");
			Files.writeString(to.resolve("postgresql.auto.conf"), "\nprimary_conninfo = 'host=127.0.0.1 port="
					+ primaryPort + " user=" + user + " password=" + password + " application_name=replica'\n",
					java.nio.file.StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Makes the replica synchronous: a commit is acknowledged once the replica has it. Answers its sync_state. */
	private static String makeSynchronous(EmbeddedDatabase primary) {
		try (Connection c = connect(primary); Statement s = c.createStatement()) {
			s.execute("ALTER SYSTEM SET synchronous_standby_names = 'replica'");
			s.execute("SELECT pg_reload_conf()");
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			String state = "none";
			while (System.nanoTime() < deadline) {
				try (ResultSet r = s.executeQuery("SELECT sync_state FROM pg_stat_replication WHERE application_name = 'replica'")) {
					state = r.next() ? r.getString(1) : "not streaming";
				}
				if (state.equals("sync")) {
					return state;
				}
				Pause.sleep(Duration.ofMillis(100));
			}
			return state;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void kill(EmbeddedDatabase primary) {
		try {
			long pid = Long.parseLong(Files.readAllLines(primary.directory().resolve("postmaster.pid")).get(0).strip());
			ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
			postmaster.destroyForcibly();
			postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException("Could not kill the primary", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void promote(EmbeddedDatabase replica) {
		try (Connection c = connect(replica); Statement s = c.createStatement();
				ResultSet r = s.executeQuery("SELECT pg_promote(true, 30)")) {
			if (!r.next() || !r.getBoolean(1)) {
				throw new IllegalStateException("The replica was not promoted within 30 s");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The killed primary's server is gone; its backends, orphaned, die with it. Closing it only tidies up. */
	private static void closeKilled(EmbeddedDatabase primary) {
		try {
			primary.close();
		}
		catch (RuntimeException ex) {
			// expected once it was killed (pg_ctl finds no server to stop); said, in case it was not
			System.err.println("Closing the killed primary: " + ex);
		}
	}

	private static Connection connect(EmbeddedDatabase database) throws SQLException {
		return DriverManager.getConnection(database.jdbcUrl("postgres"), database.username(), database.password());
	}

}
