package cn.fj.emergency.command;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.embedded.EmbeddedDatabase;
import cn.fj.emergency.command.embedded.EmbeddedRedis;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;
import cn.fj.emergency.command.support.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three hub instances as an operator runs them (docs/deployment.md): three {@code java -jar command-center.jar}
 * processes of the jar this build packaged, on one PostgreSQL and one Redis (the project's embedded servers, started
 * by this test, never the machine's) and one key folder. A failsafe test: it runs after {@code package}. Each
 * process's output is kept in {@code target/several-instances/instance-N.log}.
 */
class SeveralInstancesIT {

	private static final Path JAR = Path.of(System.getProperty("hub.jar", "target/command-center.jar")).toAbsolutePath();

	private static final String ADMIN_PASSWORD = "admin-password-for-several-instances";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(600);

	private static final Duration AWAIT = Duration.ofSeconds(60);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static Path dir;

	private static EmbeddedDatabase database;

	private static EmbeddedRedis redis;

	private static final List<Instance> instances = new ArrayList<>();

	@BeforeAll
	static void startThreeInstances() throws Exception {
		dir = TestInfrastructure.freshDataDir("several-instances");
		database = EmbeddedDatabase.start(dir.resolve("servers"));
		redis = EmbeddedRedis.start(dir.resolve("servers"));
		for (int i = 1; i <= 3; i++) {
			instances.add(Instance.launch(i));
		}
		// started together, as a rolling deployment's first start may: migrations, the key and the first
		// administrator are each made once
		for (Instance instance : instances) {
			instance.awaitHealthy();
		}
	}

	@AfterAll
	static void stopEverything() throws Exception {
		for (Instance instance : instances) {
			instance.stop();
		}
		if (redis != null) {
			redis.close();
		}
		if (database != null) {
			database.close();
		}
	}

	@Test
	void threeProcessesServeOneHubAndAConsoleOfAKilledOneResumesOnAnotherWithoutGap() throws Exception {
		Instance one = instances.get(0);
		Instance two = instances.get(1);
		Instance three = instances.get(2);

		// each answers its probes, open to a load balancer
		for (Instance instance : instances) {
			assertThat(instance.get("/actuator/health/readiness", "").statusCode()).isEqualTo(200);
			assertThat(instance.get("/actuator/health/liveness", "").statusCode()).isEqualTo(200);
		}

		// an officer's token issued by process 1 is accepted by the others (one signing key)
		String admin = one.signIn("admin", ADMIN_PASSWORD);
		one.post("/api/admin/officers", admin, Map.of("username", "duty-1", "password", "duty-officer-password",
				"roles", List.of("DUTY_OFFICER")), 201);
		String officer = one.signIn("duty-1", "duty-officer-password");
		assertThat(two.get("/api/incidents", officer).statusCode()).isEqualTo(200);
		assertThat(three.get("/api/incidents", officer).statusCode()).isEqualTo(200);
		assertThat(three.get("/api/incidents", "not-a-token").statusCode()).isEqualTo(401);
		// and a city platform's service token issued by process 2 is accepted by process 1's city link
		String xiamenToken = two.post("/api/admin/service-tokens", two.signIn("admin", ADMIN_PASSWORD),
				Map.of("subject", "platform-350200", "roles", List.of("CITY_PLATFORM"), "cityCode", "350200",
						"description", "Xiamen platform"), 201).get("token").asString();

		try (HubClient consoleOnThree = HubClient.websocket(three.httpPort, officer);
				HubClient consoleOnOne = HubClient.websocket(one.httpPort, officer);
				HubClient xiamenOnOne = HubClient.tcp(one.cityLinkPort, xiamenToken);
				HubClient xiamenOnTwo = HubClient.tcp(two.cityLinkPort, xiamenToken)) {
			// a report over the city link (TCP) to process 1 reaches a console (WebSocket) on process 3
			AtomicReference<JsonNode> seenOnThree = new AtomicReference<>();
			Disposable watching = consoleOnThree.stream("events.stream", Map.of("after", 0, "streams", List.of("incidents")))
				.filter(event -> event.get("data").get("reportId").asString().equals("xm-first"))
				.subscribe(seenOnThree::set, error -> { });
			JsonNode first = xiamenOnOne.request("incidents.report", Reports.xiamen("xm-first")).block(AWAIT);
			awaitTrue("the report on process 1 reaches the console on process 3", () -> seenOnThree.get() != null);
			watching.dispose();
			assertThat(seenOnThree.get().get("seq").asLong()).isEqualTo(first.get("seq").asLong());
			assertThat(seenOnThree.get().get("type").asString()).isEqualTo("incident.reported");

			// presence, asked of any process, lists the connections of all three
			AtomicReference<JsonNode> presence = new AtomicReference<>();
			awaitTrue("presence lists the connections of every process", () -> {
				presence.set(two.getJson("/api/presence", officer));
				return instancesIn(presence.get()).size() == 3;
			});
			// two consoles of duty-1 (processes 1 and 3) and two links of Xiamen's platform (processes 1 and 2)
			List<String> subjects = new ArrayList<>();
			presence.get().forEach(entry -> subjects.add(entry.get("subject").asString()));
			assertThat(subjects).containsExactlyInAnyOrder("duty-1", "duty-1", "platform-350200", "platform-350200");

			// a console on process 1 follows the incidents from the start
			ConcurrentLinkedQueue<Long> beforeKill = new ConcurrentLinkedQueue<>();
			AtomicBoolean streamEnded = new AtomicBoolean();
			consoleOnOne.stream("events.stream", Map.of("after", 0, "streams", List.of("incidents")))
				.subscribe(event -> beforeKill.add(event.get("seq").asLong()), error -> streamEnded.set(true),
						() -> streamEnded.set(true));
			// while reports keep arriving on process 2
			List<Long> receipts = new CopyOnWriteArrayList<>(List.of(first.get("seq").asLong()));
			AtomicBoolean reporting = new AtomicBoolean(true);
			AtomicReference<Throwable> reportFailure = new AtomicReference<>();
			Thread reporter = new Thread(() -> {
				try {
					for (int i = 0; i < 150 && reporting.get(); i++) {
						receipts.add(xiamenOnTwo.request("incidents.report", Reports.xiamen("xm-load-" + i))
							.block(AWAIT).get("seq").asLong());
						Thread.sleep(20);
					}
				}
				catch (Throwable ex) {
					reportFailure.set(ex);
				}
			}, "reports-to-process-2");
			reporter.start();
			awaitTrue("the console on process 1 receives the first reports", () -> beforeKill.size() >= 30);

			// process 1 is killed (SIGKILL) mid-stream
			one.process.destroyForcibly();
			assertThat(one.process.waitFor(30, TimeUnit.SECONDS)).as("process 1 died").isTrue();
			awaitTrue("the console's stream on process 1 ends", streamEnded::get);
			List<Long> received = new ArrayList<>(beforeKill);
			long lastSeq = received.get(received.size() - 1);

			// the console resumes on process 3 with after = the last seq it received
			ConcurrentLinkedQueue<Long> afterResume = new ConcurrentLinkedQueue<>();
			try (HubClient resumedOnThree = HubClient.websocket(three.httpPort, officer)) {
				Disposable resumed = resumedOnThree.stream("events.stream", Map.of("after", lastSeq, "streams", List.of("incidents")))
					.subscribe(event -> afterResume.add(event.get("seq").asLong()), error -> { });
				reporter.join(TimeUnit.MINUTES.toMillis(3));
				reporting.set(false);
				assertThat(reportFailure.get()).as("every report to process 2 was acknowledged").isNull();
				long lastReceipt = receipts.stream().mapToLong(Long::longValue).max().orElseThrow();
				awaitTrue("the resumed console reaches the last report",
						() -> afterResume.stream().anyMatch(seq -> seq == lastReceipt));
				resumed.dispose();
			}
			System.out.printf("SeveralInstancesIT: %d events on process 1 before the kill (last seq %d), %d on process 3 "
					+ "after the resume, %d reports acknowledged%n", received.size(), lastSeq, afterResume.size(), receipts.size());
			// every event exactly once, in order, with no gap across the kill
			assertThat(afterResume).as("events after the resume point").isNotEmpty();
			assertThat(received).as("events before the kill").hasSizeLessThan(receipts.size());
			received.addAll(afterResume);
			assertThat(received).doesNotHaveDuplicates().isSorted();
			assertThat(received).containsExactlyElementsOf(receipts.stream().sorted().toList());
		}
	}

	private static Set<String> instancesIn(JsonNode presence) {
		Set<String> ids = new HashSet<>();
		presence.forEach(entry -> ids.add(entry.get("instance").asString()));
		return ids;
	}

	private static void awaitTrue(String what, Check check) throws Exception {
		long deadline = System.nanoTime() + AWAIT.toNanos();
		while (!check.holds()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Not within " + AWAIT + ": " + what);
			}
			Thread.sleep(200);
		}
	}

	@FunctionalInterface
	private interface Check {

		boolean holds() throws Exception;

	}

	/** One {@code java -jar command-center.jar} process, configured as docs/deployment.md says. */
	private static final class Instance {

		final int number;

		final Process process;

		final int httpPort;

		final int cityLinkPort;

		final Path log;

		private Instance(int number, Process process, int httpPort, int cityLinkPort, Path log) {
			this.number = number;
			this.process = process;
			this.httpPort = httpPort;
			this.cityLinkPort = cityLinkPort;
			this.log = log;
		}

		static Instance launch(int number) throws IOException {
			int httpPort = freePort();
			int cityLinkPort = freePort();
			Path log = dir.resolve("instance-" + number + ".log");
			Path dataDir = dir.resolve("instance-" + number);
			Files.createDirectories(dataDir);
			List<String> command = List.of(java(), "-Xmx256m", "-jar", JAR.toString(),
					"--spring.r2dbc.url=" + database.r2dbcUrl(), "--spring.r2dbc.username=" + database.username(),
					"--spring.r2dbc.password=" + database.password(), "--hub.jdbc.url=" + database.jdbcUrl(),
					"--hub.jdbc.username=" + database.username(), "--hub.jdbc.password=" + database.password(),
					"--spring.data.redis.url=" + redis.url(), "--hub.redis.namespace=several",
					"--hub.embedded.enabled=false", "--hub.data-dir=" + dataDir,
					"--hub.security.key-dir=" + dir.resolve("keys"),
					"--hub.security.bootstrap-admin-password=" + ADMIN_PASSWORD, "--server.port=" + httpPort,
					"--hub.city-link.port=" + cityLinkPort, "--hub.city-link.address=127.0.0.1",
					"--hub.incidents.duplicates.enabled=false");
			Process process = new ProcessBuilder(command).directory(dataDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new Instance(number, process, httpPort, cityLinkPort, log);
		}

		void awaitHealthy() throws Exception {
			long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
			while (true) {
				if (!this.process.isAlive()) {
					throw new AssertionError("Instance " + this.number + " exited with " + this.process.exitValue()
							+ "; see " + this.log);
				}
				try {
					HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health"))
						.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
					if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
						return;
					}
				}
				catch (IOException notYet) {
					// not listening yet
				}
				if (System.nanoTime() > deadline) {
					throw new AssertionError("Instance " + this.number + " not healthy within " + START_TIMEOUT + "; see "
							+ this.log);
				}
				Thread.sleep(500);
			}
		}

		URI uri(String path) {
			return URI.create("http://127.0.0.1:" + this.httpPort + path);
		}

		HttpResponse<String> get(String path, String token) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
			if (!token.isEmpty()) {
				request.header("Authorization", "Bearer " + token);
			}
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

		JsonNode getJson(String path, String token) throws Exception {
			HttpResponse<String> response = get(path, token);
			assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
			return HubClient.JSON.readTree(response.body());
		}

		JsonNode post(String path, String token, Object body, int status) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofByteArray(HubClient.JSON.writeValueAsBytes(body)));
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("POST " + path + ": " + response.body()).isEqualTo(status);
			return HubClient.JSON.readTree(response.body());
		}

		String signIn(String username, String password) throws Exception {
			return post("/api/auth/token", null, Map.of("username", username, "password", password), 200).get("token")
				.asString();
		}

		void stop() throws InterruptedException {
			if (this.process.isAlive()) {
				this.process.destroy();
				if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
				}
			}
		}

		private static int freePort() throws IOException {
			try (ServerSocket socket = new ServerSocket(0)) {
				return socket.getLocalPort();
			}
		}

		private static String java() throws IOException {
			Path java = Path.of(System.getProperty("java.home"), "bin", File.separatorChar == '\\' ? "java.exe" : "java");
			if (!Files.isExecutable(java)) {
				throw new IOException("no java at " + java);
			}
			return java.toString();
		}

	}

}
