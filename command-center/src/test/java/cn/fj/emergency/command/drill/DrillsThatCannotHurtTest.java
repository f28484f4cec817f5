package cn.fj.emergency.command.drill;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.drill.cli.DrillCommand;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 18.8 against a real hub: {@code drill run} with the one user a new hub has (the first administrator, ADMIN
 * only) refuses at once, naming COMMANDER, creating nothing; the shipped typhoon played from the command line at
 * the documented time-scale (90: three scenario hours in two minutes) as the documented user (ADMIN and COMMANDER)
 * has no order refused for its deadline and every order target acknowledged; the preview answers the drill's peak
 * rate without starting anything.
 */
class DrillsThatCannotHurtTest {

	static Hub hub;

	static String admin;

	@BeforeAll
	static void startHub() {
		hub = Hub.start(Hub.freshHubSettings());
		admin = hub.adminToken();
	}

	@AfterAll
	static void stopHub() {
		hub.close();
	}

	private record Run(int exit, String out, String err) {
	}

	private static Run drillRun(String user, String password, String... more) {
		List<String> args = new ArrayList<>(List.of("drill", "run", "--hub", "http://127.0.0.1:" + hub.httpPort(),
				"--city-link", "127.0.0.1:" + hub.cityLinkPort(), "--user", user, "--password", password));
		args.addAll(List.of(more));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = DrillCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void theFirstAdministratorIsRefusedAtOnceNamingTheMissingRole() {
		int tokensBefore = hub.getJson("/api/admin/service-tokens", admin).size();
		int officersBefore = hub.getJson("/api/admin/officers", admin).size();
		long started = System.nanoTime();

		Run run = drillRun("admin", Hub.ADMIN_PASSWORD, "--time-scale", "90", "--rate-multiplier", "0.05");

		// at once: the drill would have played for two minutes
		assertThat((System.nanoTime() - started) / 1e9).as(run.toString()).isLessThan(20);
		assertThat(run.exit()).as(run.toString()).isEqualTo(DrillCommand.FAILED);
		assertThat(run.err()).contains("missing the role COMMANDER").contains("command orders").contains("hub warnings")
			.contains("Nothing was started").contains("POST /api/admin/officers");
		assertThat(run.out()).doesNotContain("minute ");
		// nothing created: no service token, no second officer
		assertThat(hub.getJson("/api/admin/service-tokens", admin).size()).isEqualTo(tokensBefore);
		assertThat(hub.getJson("/api/admin/officers", admin).size()).isEqualTo(officersBefore);
	}

	@Test
	void aCityScopedCommanderIsRefusedToo() {
		hub.postJson("/api/admin/officers", admin, Map.of("username", "xiamen.commander", "password",
				"xiamen-commander-password", "roles", Set.of("ADMIN", "COMMANDER"), "cityCode", "350200"), 201);

		Run run = drillRun("xiamen.commander", "xiamen-commander-password", "--time-scale", "90");

		assertThat(run.exit()).as(run.toString()).isEqualTo(DrillCommand.FAILED);
		assertThat(run.err()).contains("confined to city 350200").doesNotContain("missing the role");
	}

	@Test
	void theShippedTyphoonPlaysCleanAtTheDocumentedTimeScale(@TempDir Path dir) throws Exception {
		// the README's user: a province-wide ADMIN and COMMANDER
		hub.postJson("/api/admin/officers", admin, Map.of("username", "drill.commander", "password",
				"drill-commander-password", "roles", Set.of("ADMIN", "COMMANDER")), 201);
		Path reportFile = dir.resolve("typhoon.json");

		// the documented time-scale; a small rate multiplier keeps the reports light on a shared test machine (the
		// orders' timing, what is proven here, does not depend on it)
		Run run = drillRun("drill.commander", "drill-commander-password", "--time-scale", "90", "--rate-multiplier",
				"0.01", "--report", reportFile.toString());

		JsonNode report = HubClient.JSON.readTree(Files.readString(reportFile));
		String errors = report.path("errors").toString();
		assertThat(errors).as(run.toString()).doesNotContain("deadline").doesNotContain("ACCESS_DENIED");
		assertThat(report.path("errors").size()).as(errors).isZero();
		JsonNode orders = report.path("orders");
		assertThat(orders.path("issued").asLong()).isEqualTo(5);
		assertThat(orders.path("targets").asLong()).isEqualTo(23);
		assertThat(orders.path("acknowledged").asLong()).as(orders.toString()).isEqualTo(23);
		assertThat(orders.path("lost").asLong()).isZero();
		assertThat(report.path("warnings").path("published").asLong()).isEqualTo(4);
		assertThat(report.path("departmentAlerts").path("refused").asLong()).isZero();
		assertThat(report.path("supplyRequests").path("refused").asLong()).isZero();
		assertThat(run.out()).containsPattern("peak 3[45]\\.\\d reports/s");
	}

	@Test
	void thePreviewAnswersThePeakRateAndStartsNothing() {
		String commander = hub.officerToken(null, "COMMANDER");
		int drillsBefore = hub.getJson("/api/drills", commander).size();

		JsonNode plan = hub.postJson("/api/drills/preview", commander,
				Map.of("scenario", "typhoon-fujian", "timeScale", 90, "rateMultiplier", 0.05), 200);

		// landfall ends at 2,330 reports a scenario minute: × 0.05 × 90 / 60 s
		assertThat(plan.path("peakReportsPerScenarioMinute").asDouble()).isEqualTo(2330);
		assertThat(plan.path("peakReportsPerSecond").asDouble()).isCloseTo(174.75, within(1e-9));
		assertThat(plan.path("peakPhase").asString()).isEqualTo("landfall");
		assertThat(plan.path("peakScenarioMinute").asDouble()).isEqualTo(120);
		assertThat(plan.path("wallSeconds").asDouble()).isEqualTo(120);
		assertThat(plan.path("orderTargets").asInt()).isEqualTo(23);
		assertThat(hub.getJson("/api/drills", commander).size()).isEqualTo(drillsBefore);

		JsonNode badScale = hub.postJson("/api/drills/preview", commander,
				Map.of("scenario", "typhoon-fujian", "timeScale", 0), 400);
		assertThat(badScale.path("field").asString()).isEqualTo("timeScale");
		hub.http().post().uri("/api/drills/preview").headers(h -> h.setBearerAuth(hub.dutyOfficerToken()))
			.bodyValue(Map.of("scenario", "typhoon-fujian")).exchange().expectStatus().isForbidden();
	}

}
