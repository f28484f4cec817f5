package cn.fj.emergency.command.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import cn.fj.emergency.command.support.TestInfrastructure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A command center killed with SIGKILL leaves PostgreSQL and Redis running, since neither is tied to the JVM. The
 * next start on the same data directory must stop them and keep PostgreSQL's data (Redis keeps none); while the
 * first one lives, the data directory must stay locked.
 */
class EmbeddedServersCrashTest {

	// The stopped server's parent is init, which reaps it in its own time; onExit notices once it has
	private static final Duration STOPPED = Duration.ofSeconds(30);

	@Test
	void nextStartStopsServersLeftByAKilledProcessAndKeepsTheirData() throws Exception {
		Path dataDir = TestInfrastructure.freshDataDir("embedded-crash-test");
		Process hub = startHub(dataDir);
		try {
			awaitReady(hub);
			assertThatIllegalStateException().isThrownBy(() -> EmbeddedDatabase.start(dataDir))
				.withMessageContaining("is in use by another process (PID " + hub.pid())
				.withMessageContaining("hub.data-dir");
		}
		finally {
			hub.destroyForcibly();
			assertThat(hub.waitFor(30, TimeUnit.SECONDS)).as("hub killed").isTrue();
		}
		ProcessHandle postmaster = survivor(dataDir.resolve("postgres/postmaster.pid"));
		ProcessHandle redisServer = survivor(dataDir.resolve("redis/redis.pid"));

		try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
			assertThat(postmaster.onExit()).as("left-over PostgreSQL stopped").succeedsWithin(STOPPED);
			assertThat(TestServers.query(database, "SELECT title FROM incident WHERE id = 1"))
				.isEqualTo("台风");
		}
		try (EmbeddedRedis redis = EmbeddedRedis.start(dataDir)) {
			assertThat(redisServer.onExit()).as("left-over Redis stopped").succeedsWithin(STOPPED);
			String title = TestServers.withRedis(redis, (commands) -> commands.get("incident:1"));
			assertThat(title).as("Redis keeps nothing on disk").isNull();
		}
	}

	private static Process startHub(Path dataDir) throws IOException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		// A killed JVM leaves its temporary files (zonky writes one) behind: not in /tmp, please
		Path temporaryFiles = Files.createDirectories(dataDir.resolve("tmp"));
		return new ProcessBuilder(java.toString(), "-Djava.io.tmpdir=" + temporaryFiles, "-cp",
				System.getProperty("java.class.path"), CrashedHub.class.getName(), dataDir.toString())
			.redirectErrorStream(true)
			.start();
	}

	/** Reads the hub's output until it is ready, and keeps reading so that it never blocks on a full pipe. */
	private static void awaitReady(Process hub) throws Exception {
		CompletableFuture<Void> ready = new CompletableFuture<>();
		StringBuilder output = new StringBuilder();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					synchronized (output) {
						output.append(line).append('\n');
					}
					if (line.startsWith("READY ")) {
						ready.complete(null);
					}
				}
				ready.completeExceptionally(new IllegalStateException("hub exited before it was ready"));
			}
			catch (IOException ex) {
				ready.completeExceptionally(ex);
			}
		}, "crashed-hub-output");
		reader.setDaemon(true);
		reader.start();
		try {
			ready.get(120, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			synchronized (output) {
				throw new AssertionError("The hub did not get ready; its output:\n" + output, ex);
			}
		}
	}

	private static ProcessHandle survivor(Path pidFile) throws IOException {
		ProcessHandle process = ProcessHandle.of(TestServers.pid(pidFile)).orElseThrow();
		assertThat(process.isAlive()).as("still running after the hub was killed: " + pidFile).isTrue();
		return process;
	}

}
