package cn.fj.emergency.command.drill.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.drill.DrillPlan;
import cn.fj.emergency.command.drill.DrillReport;
import cn.fj.emergency.command.drill.DrillSettings;
import cn.fj.emergency.command.drill.Scenario;
import cn.fj.emergency.command.drill.ScenarioPlayer;
import cn.fj.emergency.command.drill.Scenarios;
import cn.fj.emergency.command.drill.client.HubHttpClient;
import cn.fj.emergency.command.drill.client.HubRefusal;
import cn.fj.emergency.command.error.HubException;

/**
 * {@code drill run --hub URL --city-link HOST:PORT --user U --password P [--scenario FILE|NAME] [--time-scale N]
 * [--rate-multiplier N] [--receiver HOST] [--report FILE]}: plays a scenario against a running hub from the
 * outside, as docs/drills.md describes, and writes the drill report. Blocks until the drill ends (this is a main).
 */
public final class DrillCommand {

	public static final int CLEAN = 0;

	/** The drill ran, but something was lost or a step failed. */
	public static final int LOST = 1;

	public static final int USAGE = 2;

	/** The drill could not run (refused scenario, sign-in, a role the user lacks, hub unreachable). */
	public static final int FAILED = 3;

	private static final String USAGE_TEXT = """
			usage: java -jar command-center.jar drill run --hub http://HOST:8080 --city-link HOST:7000
			         --user USER --password PASSWORD [--scenario FILE|NAME] [--time-scale N]
			         [--rate-multiplier N] [--receiver HOST] [--report FILE]
			  USER must be province-wide and hold ADMIN, and COMMANDER for a scenario with orders or warnings
			  (checked before the drill starts). NAME is a shipped scenario (default typhoon-fujian).
			  --receiver: an address of this machine the hub can reach, for the drill's webhook receiver
			  (default 127.0.0.1 when the hub is on this machine, otherwise no receiver).
			  --report FILE writes the report as JSON to FILE and as Markdown next to it (FILE.md).""";

	private static final Duration WAIT = Duration.ofMinutes(2);

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private DrillCommand() {
	}

	public static boolean isDrillCommand(String[] args) {
		return args.length > 0 && "drill".equals(args[0]);
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		Map<String, String> options = options(args, err);
		if (options == null) {
			err.println(USAGE_TEXT);
			return USAGE;
		}
		try {
			Scenario scenario = scenario(options.getOrDefault("scenario", "typhoon-fujian"));
			DrillReport report = play(scenario, options, out);
			String json = JSON.writeValueAsString(report);
			String reportFile = options.get("report");
			if (reportFile != null) {
				Path path = Path.of(reportFile);
				Files.writeString(path, json, StandardCharsets.UTF_8);
				Files.writeString(markdownPath(path), report.markdown(), StandardCharsets.UTF_8);
				out.println("Report written to " + path + " and " + markdownPath(path));
			}
			out.println(report.markdown());
			return report.clean() ? CLEAN : LOST;
		}
		catch (HubException refused) {
			err.println(refused.code() + ": " + refused.getMessage());
			return FAILED;
		}
		catch (MissingRoles refused) {
			err.println(refused.getMessage());
			return FAILED;
		}
		catch (HubRefusal refused) {
			err.println("The hub refused: " + refused.getMessage());
			return FAILED;
		}
		catch (IOException | RuntimeException failed) {
			err.println("The drill failed: " + failed);
			return FAILED;
		}
	}

	static Path markdownPath(Path report) {
		String name = report.getFileName().toString();
		String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
		return report.resolveSibling(base + ".md");
	}

	private static @Nullable Map<String, String> options(String[] args, PrintStream err) {
		if (args.length < 2 || !"run".equals(args[1])) {
			return null;
		}
		Set<String> known = Set.of("hub", "city-link", "user", "password", "scenario", "time-scale", "rate-multiplier",
				"receiver", "report");
		Map<String, String> options = new HashMap<>();
		for (int i = 2; i < args.length; i++) {
			String name = args[i].startsWith("--") ? args[i].substring(2) : "";
			if (!known.contains(name) || i + 1 >= args.length) {
				err.println("unknown or incomplete option: " + args[i]);
				return null;
			}
			options.put(name, args[++i]);
		}
		for (String required : List.of("hub", "city-link", "user", "password")) {
			if (!options.containsKey(required)) {
				err.println("missing --" + required);
				return null;
			}
		}
		return options;
	}

	private static Scenario scenario(String nameOrFile) throws IOException {
		Path file = Path.of(nameOrFile);
		if (Files.isRegularFile(file)) {
			return Scenarios.parse(Files.readString(file, StandardCharsets.UTF_8));
		}
		return Scenarios.shipped(nameOrFile);
	}

	private static DrillReport play(Scenario scenario, Map<String, String> options, PrintStream out) {
		URI hub = URI.create(options.get("hub"));
		String cityLink = options.get("city-link");
		int colon = cityLink.lastIndexOf(':');
		if (colon < 1) {
			throw new IllegalArgumentException("--city-link must be HOST:PORT");
		}
		double timeScale = Double.parseDouble(options.getOrDefault("time-scale", "1"));
		double rateMultiplier = Double.parseDouble(options.getOrDefault("rate-multiplier", "1"));
		HubHttpClient http = new HubHttpClient(hub, Duration.ofSeconds(30));
		String tag = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
		String officer = token(http.signIn(options.get("user"), options.get("password")).block(WAIT));
		checkRoles(scenario, options.get("user"), http.get("/api/auth/me", officer).block(WAIT));
		String approver = approver(http, officer, tag);
		String receiver = options.getOrDefault("receiver", local(hub) ? "127.0.0.1" : null);
		DrillSettings settings = new DrillSettings(hub, cityLink.substring(0, colon),
				Integer.parseInt(cityLink.substring(colon + 1)), officer, approver, timeScale, rateMultiplier, tag,
				receiver, Duration.ofSeconds(30));
		DrillPlan plan = DrillPlan.of(scenario, timeScale, rateMultiplier);
		out.println("Drill " + tag + ": " + scenario.name() + ", " + scenario.minutes() + " scenario minutes at time-scale "
				+ timeScale + " (" + settings.hubBaseUrl() + ")");
		out.println(String.format(Locale.ROOT,
				"  about %.0f s wall clock, %d incident reports at rate multiplier %s, peak %.1f reports/s (scenario minute %.0f, %s)",
				plan.wallSeconds(), plan.reports(), rateMultiplier, plan.peakReportsPerSecond(), plan.peakScenarioMinute(),
				plan.peakPhase()));
		long[] lastMinute = { -1 };
		DrillReport report = ScenarioPlayer.play(scenario, settings, progress -> {
			long minute = (long) progress.scenarioMinute();
			if (minute != lastMinute[0] && minute % 10 == 0) {
				lastMinute[0] = minute;
				out.println("  minute " + minute + " (" + progress.phase() + "): " + progress.reportsSent()
						+ " reports sent, " + progress.ordersIssued() + " orders, " + progress.warningsPublished()
						+ " warnings published");
			}
		}).block();
		if (report == null) {
			throw new IllegalStateException("The drill ended without a report");
		}
		return report;
	}

	/**
	 * Refuses at once, before the drill creates anything on the hub, when the signed-in user (as {@code GET
	 * /api/auth/me} sees them) lacks a role the scenario needs or is confined to one city: else the drill would play
	 * to its end with every order and warning refused.
	 */
	static void checkRoles(Scenario scenario, String user, @Nullable JsonNode me) {
		if (me == null) {
			throw new IllegalStateException("The hub answered nothing to GET /api/auth/me");
		}
		Set<String> held = new java.util.TreeSet<>();
		me.path("roles").forEach(role -> held.add(role.asString()));
		List<String> missing = new ArrayList<>();
		for (String role : DrillPlan.commandLineRoles(scenario)) {
			if (!held.contains(role)) {
				missing.add(role + " (" + why(role, scenario) + ")");
			}
		}
		String city = me.path("cityCode").isString() ? me.path("cityCode").asString() : null;
		if (missing.isEmpty() && city == null) {
			return;
		}
		StringBuilder message = new StringBuilder("User " + user + " (roles " + String.join(", ", held) + ") cannot play scenario "
				+ scenario.name() + ":");
		if (!missing.isEmpty()) {
			message.append(" missing the role").append(missing.size() > 1 ? "s " : " ").append(String.join(" and ", missing))
				.append(".");
		}
		if (city != null) {
			message.append(" The user is confined to city ").append(city).append("; a drill needs a province-wide user.");
		}
		message.append(" Nothing was started. Sign in as a province-wide user holding ")
			.append(String.join(" and ", DrillPlan.commandLineRoles(scenario)))
			.append(", e.g. one an administrator registers with POST /api/admin/officers ")
			.append("{\"username\":\"drill.commander\",\"password\":\"…\",\"roles\":[\"ADMIN\",\"COMMANDER\"]}")
			.append(" (docs/drills.md#from-the-command-line).");
		throw new MissingRoles(message.toString());
	}

	private static String why(String role, Scenario scenario) {
		if ("ADMIN".equals(role)) {
			return "the drill issues service tokens for its simulated city platforms and departments and registers its second officer";
		}
		DrillPlan plan = DrillPlan.of(scenario, 1, 1);
		List<String> what = new ArrayList<>();
		if (plan.orders() > 0) {
			what.add("issues " + plan.orders() + " command orders to " + plan.orderTargets() + " targets");
		}
		if (plan.warnings() > 0) {
			what.add("publishes " + plan.warnings() + " hub warnings");
		}
		return "the scenario " + String.join(" and ", what);
	}

	/** The signed-in user cannot play the scenario (a role missing, or confined to one city). */
	static final class MissingRoles extends RuntimeException {

		private static final long serialVersionUID = 1L;

		MissingRoles(String message) {
			super(message, null, false, false);
		}

	}

	private static String token(@Nullable JsonNode issued) {
		if (issued == null || !issued.path("token").isString()) {
			throw new IllegalStateException("The hub answered no token");
		}
		return issued.path("token").asString();
	}

	/**
	 * The second officer of dual control: registered for this drill with a random password (the hub has no way to
	 * remove an officer; the account is named {@code drill-TAG-approver} and its password is never shown).
	 */
	private static String approver(HubHttpClient http, String admin, String tag) {
		String username = "drill-" + tag + "-approver";
		String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
		return token(http.registerOfficer(admin, username, password, Set.of("COMMANDER"), null)
			.then(Mono.defer(() -> http.signIn(username, password)))
			.block(WAIT));
	}

	private static boolean local(URI hub) {
		String host = hub.getHost();
		return "127.0.0.1".equals(host) || "localhost".equals(host) || "::1".equals(host);
	}

}
