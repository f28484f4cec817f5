package cn.fj.emergency.command.drill;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.drill.cli.DrillCommand;
import cn.fj.emergency.command.drill.persistence.DrillStore;
import cn.fj.emergency.command.drill.client.ConsoleClient;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drills against a real hub, with a small scenario compressed twelvefold (two scenario minutes in ten seconds):
 * started over HTTP the hub plays it against itself and ends with a report whose counts are those the scenario
 * sends, nothing lost, every incident and warning flagged exercise, its tokens revoked; the command-line drill does
 * the same from outside; broken scenarios are refused with their code.
 */
class DrillsTest {

	static final Duration WAIT = Duration.ofSeconds(60);

	/** The mini scenario: Xiamen 30 + 20 reports, Quanzhou 10. */
	static final int REPORTS = 60;

	static Hub hub;

	static String admin;

	static String miniScenario;

	@BeforeAll
	static void startHub() throws Exception {
		Map<String, Object> settings = Hub.freshHubSettings();
		// short, so that a live drill (heartbeat every second) is seen to survive the check and an orphan to fail
		settings.put("hub.drills.abandoned-after", "3s");
		settings.put("hub.drills.abandoned-check-interval", "250ms");
		hub = Hub.start(settings);
		admin = hub.adminToken();
		try (var in = DrillsTest.class.getClassLoader().getResourceAsStream("drills/mini-drill.json")) {
			miniScenario = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@AfterAll
	static void stopHub() {
		hub.close();
	}

	@Test
	void drillFromTheConsoleRunsToAReportWithNothingLost() {
		String commander = hub.officerToken(null, "COMMANDER");
		JsonNode started = hub.postJson("/api/drills", commander,
				Map.of("scenario", HubClient.JSON.readTree(miniScenario), "timeScale", 12), 201);
		assertThat(started.path("state").asString()).isEqualTo("RUNNING");
		String id = started.path("id").asString();

		JsonNode drill = awaitEnd(id, commander);

		assertThat(drill.path("state").asString()).as(drill.toString()).isEqualTo("FINISHED");
		JsonNode report = drill.path("report");
		assertThat(report.path("errors").size()).as(report.path("errors").toString()).isZero();
		assertThat(report.path("reports").path("sent").asLong()).isEqualTo(REPORTS);
		assertThat(report.path("reports").path("acknowledged").asLong()).isEqualTo(REPORTS);
		assertThat(report.path("reports").path("toConsole").path("count").asLong()).isEqualTo(2L * REPORTS);
		assertThat(report.path("reports").path("lost").asLong()).isZero();
		assertThat(report.path("orders").path("targets").asLong()).isEqualTo(2);
		assertThat(report.path("orders").path("acknowledged").asLong()).isEqualTo(2);
		assertThat(report.path("orders").path("lost").asLong()).isZero();
		assertThat(report.path("departmentAlerts").path("accepted").asLong()).isEqualTo(2);
		assertThat(report.path("warnings").path("published").asLong()).isEqualTo(2);
		assertThat(report.path("warnings").path("lost").asLong()).isZero();
		assertThat(report.path("warnings").path("approvedToDelivery").path("count").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(report.path("supplyRequests").path("accepted").asLong()).isEqualTo(1);
		assertThat(drill.path("reportMarkdown").asString()).contains("| Report → console | " + 2 * REPORTS + " |");

		String tag = id.substring(24);
		assertEverythingIsExercise(tag);
		assertTokensRevoked(tag);
		assertThat(hub.getJson("/api/drills", commander).findValuesAsString("id")).contains(id);
	}

	private static JsonNode awaitEnd(String id, String token) {
		Instant until = Instant.now().plus(Duration.ofSeconds(120));
		while (Instant.now().isBefore(until)) {
			JsonNode drill = hub.getJson("/api/drills/" + id, token);
			if (!"RUNNING".equals(drill.path("state").asString())) {
				return drill;
			}
			sleep();
		}
		throw new AssertionError("Drill " + id + " did not end");
	}

	private static void sleep() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new AssertionError(interrupted);
		}
	}

	/** Every drill incident and every drill warning on the log, read from the beginning, is flagged exercise. */
	private static void assertEverythingIsExercise(String tag) {
		String officer = hub.officerToken(null, "DUTY_OFFICER");
		try (ConsoleClient console = ConsoleClient.connect(URI.create("http://127.0.0.1:" + hub.httpPort()), officer)
			.block(WAIT)) {
			List<JsonNode> events = console.events(0L, List.of("incidents", "warnings", "orders"), List.of())
				.filter(event -> drillEvent(event, tag))
				.take(REPORTS + 2 + 1)
				.collectList()
				.block(WAIT);
			assertThat(events).hasSize(REPORTS + 3);
			assertThat(events).allSatisfy(event -> assertThat(event.path("exercise").asBoolean()).as(event.toString()).isTrue());
		}
	}

	/** The drill's incident reports, its warnings' publications and its order. */
	private static boolean drillEvent(JsonNode event, String tag) {
		String type = event.path("type").asString();
		JsonNode data = event.path("data");
		return ("incident.reported".equals(type) && data.path("reportId").asString().startsWith("drill-" + tag + "-"))
				|| ("warning.published".equals(type) && data.path("warning").path("author").asString()
					.matches("(service|officer):drill-" + tag + "(-department)?"))
				|| ("order.issued".equals(type) && data.path("ref").asString().startsWith("drill-" + tag + "-"));
	}

	private static void assertTokensRevoked(String tag) {
		JsonNode tokens = hub.getJson("/api/admin/service-tokens", admin);
		int drillTokens = 0;
		for (JsonNode token : tokens) {
			if (token.path("subject").asString().startsWith("drill-" + tag + "-")) {
				drillTokens++;
				assertThat(token.path("revokedAt").isNull()).as(token.toString()).isFalse();
			}
		}
		assertThat(drillTokens).isEqualTo(3);
		assertThat(hub.getJson("/api/admin/channels/subscriptions", admin).findValuesAsString("name"))
			.noneMatch(name -> name.contains(tag));
	}

	@Test
	void commandLineDrillWritesAReport(@TempDir Path dir) throws Exception {
		hub.postJson("/api/admin/officers", admin, Map.of("username", "drill-runner", "password", "drill-runner-password",
				"roles", Set.of("ADMIN", "COMMANDER")), 201);
		Path scenario = dir.resolve("mini.json");
		Files.writeString(scenario, miniScenario, StandardCharsets.UTF_8);
		Path reportFile = dir.resolve("report.json");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int exit = DrillCommand.run(new String[] { "drill", "run", "--hub", "http://127.0.0.1:" + hub.httpPort(),
				"--city-link", "127.0.0.1:" + hub.cityLinkPort(), "--user", "drill-runner", "--password",
				"drill-runner-password", "--scenario", scenario.toString(), "--time-scale", "12", "--report",
				reportFile.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(exit).as(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8))
			.isEqualTo(DrillCommand.CLEAN);
		JsonNode report = HubClient.JSON.readTree(Files.readString(reportFile));
		assertThat(report.path("scenario").asString()).isEqualTo("mini-drill");
		assertThat(report.path("reports").path("acknowledged").asLong()).isEqualTo(REPORTS);
		assertThat(report.path("reports").path("lost").asLong()).isZero();
		assertThat(report.path("orders").path("acknowledged").asLong()).isEqualTo(2);
		assertThat(Files.readString(dir.resolve("report.md"))).startsWith("# Drill report: mini-drill");
	}

	@Test
	void cancelledDrillStopsAndRevokesItsTokens() {
		String commander = hub.officerToken(null, "COMMANDER");
		JsonNode started = hub.postJson("/api/drills", commander,
				Map.of("scenario", "typhoon-fujian", "timeScale", 1, "rateMultiplier", 0.01), 201);
		String id = started.path("id").asString();
		String tag = id.substring(24);
		awaitProgress(id, commander);

		JsonNode cancelled = hub.postJson("/api/drills/" + id + "/cancel", commander, Map.of(), 200);

		assertThat(cancelled.path("state").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.path("report").isNull()).isTrue();
		assertThat(hub.getJson("/api/drills/" + id, commander).path("endedAt").isNull()).isFalse();
		awaitRevoked(tag);
		JsonNode again = hub.postJson("/api/drills/" + id + "/cancel", commander, Map.of(), 200);
		assertThat(again.path("endedAt").asString()).isEqualTo(cancelled.path("endedAt").asString());
	}

	private static void awaitProgress(String id, String token) {
		Instant until = Instant.now().plus(WAIT);
		while (hub.getJson("/api/drills/" + id, token).path("progress").isNull()) {
			assertThat(Instant.now()).as("progress of drill " + id).isBefore(until);
			sleep();
		}
	}

	/** The player revokes its tokens as it stops, just after the cancel answered. */
	private static void awaitRevoked(String tag) {
		Instant until = Instant.now().plus(WAIT);
		while (true) {
			List<JsonNode> drillTokens = new java.util.ArrayList<>();
			hub.getJson("/api/admin/service-tokens", admin).forEach(token -> {
				if (token.path("subject").asString().startsWith("drill-" + tag + "-")) {
					drillTokens.add(token);
				}
			});
			if (drillTokens.size() == 7 && drillTokens.stream().allMatch(token -> !token.path("revokedAt").isNull())) {
				return;
			}
			assertThat(Instant.now()).as("tokens of drill " + tag + " revoked: " + drillTokens).isBefore(until);
			sleep();
		}
	}

	/** A drill left RUNNING by an instance that stopped (no heartbeat since) is failed by another, with its event. */
	@Test
	void aDrillWhoseInstanceStoppedIsFailed() {
		String commander = hub.officerToken(null, "COMMANDER");
		Scenario scenario = Scenarios.parse(miniScenario);
		UUID id = UUID.randomUUID();
		Drill orphan = new Drill(id, scenario.name(), scenario.title(), Drill.State.RUNNING, 1, 1, "commander.gone",
				Instant.now(), null, null, null, null, null);
		// as the instance that played it wrote it, before it was killed
		hub.context().getBean(DrillStore.class).insert(orphan, miniScenario).block(WAIT);

		JsonNode ended = awaitEnd(id.toString(), commander);
		assertThat(ended.path("state").asString()).isEqualTo("FAILED");
		assertThat(ended.path("error").asString()).contains("stopped");
		try (ConsoleClient console = ConsoleClient.connect(URI.create("http://127.0.0.1:" + hub.httpPort()), commander)
			.block(WAIT)) {
			JsonNode failed = console.events(0L, List.of(Drill.STREAM), List.of())
				.filter(event -> event.path("subjectId").asString().equals(id.toString()))
				.next()
				.block(WAIT);
			assertThat(failed.path("type").asString()).isEqualTo("drill.failed");
		}
	}

	@Test
	void refusesBrokenScenariosAndUnknownDrills() {
		String commander = hub.officerToken(null, "COMMANDER");
		JsonNode invalid = hub.postJson("/api/drills", commander,
				Map.of("scenario", Map.of("name", "empty", "cities", List.of(), "phases", List.of())), 400);
		assertThat(invalid.path("code").asString()).isEqualTo("DRILL_SCENARIO_INVALID");
		assertThat(invalid.path("problems").findValuesAsString("problems")).isEmpty();
		assertThat(invalid.path("problems").toString()).contains("phases: at least one phase is required");

		JsonNode unknown = hub.postJson("/api/drills", commander, Map.of("scenario", "no-such-scenario"), 404);
		assertThat(unknown.path("code").asString()).isEqualTo("DRILL_SCENARIO_NOT_FOUND");

		JsonNode badScale = hub.postJson("/api/drills", commander, Map.of("scenario", "typhoon-fujian", "timeScale", 0), 400);
		assertThat(badScale.path("code").asString()).isEqualTo("INVALID_FIELD");
		assertThat(badScale.path("field").asString()).isEqualTo("timeScale");

		hub.http().get().uri("/api/drills/0193a0c4-5b2e-7d3a-9c41-2f6e8a1b7c90").headers(h -> h.setBearerAuth(commander))
			.exchange().expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("DRILL_NOT_FOUND");
		hub.http().get().uri("/api/drills").headers(h -> h.setBearerAuth(hub.dutyOfficerToken()))
			.exchange().expectStatus().isForbidden();
	}

}
