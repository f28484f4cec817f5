package cn.fj.emergency.command.fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.TestInfrastructure;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL or Redis of a hub on its embedded default killed with SIGKILL while city platforms report
 * under load: the hub starts it again on the same data and port by itself, without being restarted, and every
 * report it acknowledged is in the database afterwards.
 */
class KilledEmbeddedServersTest {

	private static final int WRITERS = 3;

	private static final int REPORTS_PER_WRITER = 200;

	private static final int CONCURRENCY = 8;

	private static final double KILL_AT = 0.3;

	static Map<String, Object> embeddedDefault(Path dataDir, String namespace) {
		Map<String, Object> settings = new HashMap<>();
		settings.put("hub.data-dir", dataDir.toString());
		settings.put("server.port", "0");
		settings.put("hub.city-link.port", "0");
		settings.put("hub.city-link.address", "127.0.0.1");
		settings.put("hub.security.bootstrap-admin-password", Hub.ADMIN_PASSWORD);
		settings.put("hub.redis.namespace", namespace);
		return settings;
	}

	@Test
	void theHubBringsBackItsPostgresKilledUnderLoadAndKeepsEveryAcknowledgedReport() throws Exception {
		Path dataDir = TestInfrastructure.freshDataDir("fault-killed-embedded-postgres");
		try (Hub hub = Hub.start(embeddedDefault(dataDir, "killed-postgres"))) {
			Environment environment = hub.context().getEnvironment();
			String r2dbcUrl = environment.getRequiredProperty("spring.r2dbc.url");
			ProcessHandle postmaster = process(dataDir.resolve("postgres/postmaster.pid"));

			Outcome outcome = reportUnderLoad(hub, "killed-pg", postmaster);

			assertThat(outcome.killedAfter()).as("killed under load").isLessThan(WRITERS * REPORTS_PER_WRITER);
			assertThat(postmaster.onExit()).as("the postmaster was killed").succeedsWithin(Duration.ofSeconds(30));
			assertThat(outcome.nonRetryable()).isEmpty();
			assertThat(outcome.refusals().keySet()).as("refused only retryably while it was down")
				.isSubsetOf(List.of("STORAGE_UNAVAILABLE", "HUB_OVERLOADED", Reporter.CONNECTION_LOST, Reporter.NO_ANSWER));
			assertThat(outcome.receipts()).as("the hub recovered by itself: every report acknowledged in the end")
				.hasSize(WRITERS * REPORTS_PER_WRITER);
			assertThat(storedReportIds(environment)).as("every acknowledged report is in the database")
				.containsAll(outcome.receipts().keySet());
			assertThat(restarts(hub, "PostgreSQL")).isEqualTo(1);
			ProcessHandle restarted = process(dataDir.resolve("postgres/postmaster.pid"));
			assertThat(restarted.pid()).isNotEqualTo(postmaster.pid());
			assertThat(environment.getRequiredProperty("spring.r2dbc.url")).as("on the same port").isEqualTo(r2dbcUrl);
			// no second server on the folder: the restarted one holds the cluster's own lock, which a second would need
			assertThat(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(1))
				.isEqualTo(dataDir.resolve("postgres").toString());
		}
	}

	@Test
	void theHubBringsBackItsRedisKilledUnderLoad() throws Exception {
		Path dataDir = TestInfrastructure.freshDataDir("fault-killed-embedded-redis");
		try (Hub hub = Hub.start(embeddedDefault(dataDir, "killed-redis"))) {
			Environment environment = hub.context().getEnvironment();
			String redisUrl = environment.getRequiredProperty("spring.data.redis.url");
			ProcessHandle server = process(dataDir.resolve("redis/redis.pid"));

			Outcome outcome = reportUnderLoad(hub, "killed-redis", server);

			assertThat(outcome.killedAfter()).as("killed under load").isLessThan(WRITERS * REPORTS_PER_WRITER);
			assertThat(server.onExit()).as("redis-server was killed").succeedsWithin(Duration.ofSeconds(30));
			assertThat(outcome.receipts()).as("reports do not wait for Redis").hasSize(WRITERS * REPORTS_PER_WRITER);
			assertThat(storedReportIds(environment)).containsAll(outcome.receipts().keySet());
			Awaitility.await("Redis restarted").atMost(Drills.SETTLE).until(() -> restarts(hub, "Redis") == 1);
			Awaitility.await("Redis healthy again").atMost(Drills.SETTLE).pollInterval(Duration.ofMillis(200))
				.until(() -> "UP".equals(redisHealth(hub)));
			assertThat(process(dataDir.resolve("redis/redis.pid")).pid()).isNotEqualTo(server.pid());
			assertThat(environment.getRequiredProperty("spring.data.redis.url")).as("on the same port").isEqualTo(redisUrl);
		}
	}

	private record Outcome(int killedAfter, Map<String, JsonNode> receipts, Map<String, Integer> refusals,
			Set<String> nonRetryable) {
	}

	/** Every writer reports until each of its reports is answered; {@code victim} is killed once 30 % are. */
	private static Outcome reportUnderLoad(Hub hub, String prefix, ProcessHandle victim) {
		List<Reporter> reporters = Drills.reporters(hub, WRITERS);
		try {
			int killAt = (int) (WRITERS * REPORTS_PER_WRITER * KILL_AT);
			AtomicInteger acknowledged = new AtomicInteger();
			CompletableFuture<Integer> killed = new CompletableFuture<>();
			Flux.range(0, WRITERS)
				.flatMap(w -> reporters.get(w).report(prefix + "-w" + w, REPORTS_PER_WRITER, CONCURRENCY))
				.doOnNext(receipt -> {
					if (acknowledged.incrementAndGet() == killAt) {
						Mono.fromRunnable(() -> {
							int before = acknowledged.get();
							// SIGKILL: no clean shutdown, no checkpoint
							victim.destroyForcibly();
							killed.complete(before);
						}).subscribeOn(Schedulers.boundedElastic()).subscribe(x -> {
						}, killed::completeExceptionally);
					}
				})
				.blockLast(Drills.SETTLE.multipliedBy(4));
			Map<String, JsonNode> receipts = new HashMap<>();
			Map<String, Integer> refusals = new TreeMap<>();
			Set<String> nonRetryable = new HashSet<>();
			for (Reporter reporter : reporters) {
				receipts.putAll(reporter.receipts());
				reporter.refusals().forEach((code, n) -> refusals.merge(code, n, Integer::sum));
				nonRetryable.addAll(reporter.nonRetryable());
			}
			return new Outcome(killed.join(), receipts, refusals, nonRetryable);
		}
		finally {
			reporters.forEach(Reporter::close);
		}
	}

	private static ProcessHandle process(Path pidFile) throws IOException {
		long pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).strip());
		return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid + " of " + pidFile));
	}

	private static long restarts(Hub hub, String server) {
		FunctionCounter counter = hub.context().getBean(MeterRegistry.class).find("hub.embedded.restarts")
			.tag("server", server).functionCounter();
		return (counter == null) ? -1 : (long) counter.count();
	}

	private static String redisHealth(Hub hub) {
		JsonNode health = hub.http().get().uri("/actuator/health").exchange()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		return (health == null) ? "none" : health.path("components").path("redis").path("status").asString();
	}

	private static Set<String> storedReportIds(Environment environment) {
		try (Connection connection = DriverManager.getConnection(environment.getRequiredProperty("hub.jdbc.url"),
				environment.getRequiredProperty("hub.jdbc.username"), environment.getRequiredProperty("hub.jdbc.password"));
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT report_id FROM incident")) {
			Set<String> ids = new HashSet<>();
			while (rows.next()) {
				ids.add(rows.getString(1));
			}
			return ids;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
