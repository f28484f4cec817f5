package cn.fj.emergency.command.drill;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/**
 * Reads scenarios: the ones shipped in {@code drills/NAME.json} on the class path, or any JSON text. A scenario
 * that cannot be read or played is refused with {@code DRILL_SCENARIO_INVALID} and its {@code problems}.
 */
public final class Scenarios {

	/** The scenarios shipped with the hub. */
	public static final List<String> SHIPPED = List.of("typhoon-fujian");

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private Scenarios() {
	}

	/** A shipped scenario, checked; {@code DRILL_SCENARIO_NOT_FOUND} for any other name. */
	public static Scenario shipped(String name) {
		if (!NAME.matcher(name).matches()) {
			throw notFound(name);
		}
		try (InputStream in = Scenarios.class.getClassLoader().getResourceAsStream("drills/" + name + ".json")) {
			if (in == null) {
				throw notFound(name);
			}
			return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException(unreadable);
		}
	}

	/** A scenario from its JSON text, checked. */
	public static Scenario parse(String json) {
		Scenario scenario;
		try {
			scenario = JSON.readValue(json, Scenario.class);
		}
		catch (JacksonException unreadable) {
			throw invalid(List.of("not a readable scenario: " + unreadable.getOriginalMessage()));
		}
		if (scenario == null) {
			throw invalid(List.of("not a readable scenario: empty"));
		}
		List<String> problems = ScenarioCheck.problems(scenario);
		if (!problems.isEmpty()) {
			throw invalid(problems);
		}
		return scenario;
	}

	/** The scenario as JSON, for storing it with its drill. */
	public static String json(Scenario scenario) {
		return JSON.writeValueAsString(scenario);
	}

	private static HubException invalid(List<String> problems) {
		return new HubException(ErrorCode.DRILL_SCENARIO_INVALID, "The scenario cannot be played: " + String.join("; ",
				problems.subList(0, Math.min(5, problems.size()))), Map.of("problems", problems));
	}

	private static HubException notFound(String name) {
		return new HubException(ErrorCode.DRILL_SCENARIO_NOT_FOUND,
				"No shipped scenario '" + name + "'; shipped: " + String.join(", ", SHIPPED), Map.of("scenario", name));
	}

}
