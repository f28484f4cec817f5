package cn.fj.emergency.command.drill;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a drill will send, worked out from its scenario, time-scale and rate multiplier before anything is played
 * (docs/drills.md#what-a-drill-will-send): how long it takes on the wall clock, how many incident reports it sends
 * and, above all, its peak rate in reports per wall-clock second, so that whoever starts it sees what the hub will
 * have to carry. The console asks for confirmation with it ({@code POST /api/drills/preview}); the command line
 * prints it.
 *
 * <p>Within a phase every city's rate ramps linearly, so the province-wide rate does too: its peak is at the start
 * or the end of a phase. The wall-clock rate is the scenario's rate (per scenario minute) times the rate multiplier
 * times the time-scale, divided by 60.
 */
public record DrillPlan(@Nullable String scenario, @Nullable String title, double timeScale, double rateMultiplier,
		double scenarioMinutes, double wallSeconds, long reports, double peakReportsPerScenarioMinute,
		double peakReportsPerSecond, double peakScenarioMinute, @Nullable String peakPhase, int cities, int consoles,
		int departmentAlerts, int warnings, int orders, int orderTargets, int supplyRequests) {

	/** The plan of a scenario that {@link ScenarioCheck} accepted. */
	public static DrillPlan of(Scenario scenario, double timeScale, double rateMultiplier) {
		double peak = -1;
		double peakMinute = 0;
		String peakPhase = null;
		double start = 0;
		for (Scenario.Phase phase : scenario.phases()) {
			double from = 0;
			double to = 0;
			for (Scenario.Rate rate : phase.reports().values()) {
				from += rate.from();
				to += rate.to();
			}
			if (from > peak) {
				peak = from;
				peakMinute = start;
				peakPhase = phase.name();
			}
			if (to > peak) {
				peak = to;
				peakMinute = start + phase.length();
				peakPhase = phase.name();
			}
			start += phase.length();
		}
		peak = Math.max(0, peak);
		long reports = 0;
		for (Scenario.City city : scenario.cities()) {
			if (city.code() != null) {
				reports += (long) Math.floor(scenario.reportsBy(city.code(), scenario.minutes()) * rateMultiplier);
			}
		}
		List<Scenario.Phase> phases = scenario.phases();
		int orderTargets = phases.stream().flatMap(p -> p.orders().stream()).mapToInt(o -> o.cities().size()).sum();
		return new DrillPlan(scenario.name(), scenario.title(), timeScale, rateMultiplier, scenario.minutes(),
				scenario.minutes() * 60 / timeScale, reports, peak, peak * rateMultiplier * timeScale / 60, peakMinute,
				peakPhase, scenario.cities().size(), scenario.consoleCount(),
				count(phases, Scenario.Phase::departmentAlerts), count(phases, Scenario.Phase::warnings),
				count(phases, Scenario.Phase::orders), orderTargets, count(phases, Scenario.Phase::supplyRequests));
	}

	private static int count(List<Scenario.Phase> phases, java.util.function.Function<Scenario.Phase, List<?>> steps) {
		return phases.stream().mapToInt(phase -> steps.apply(phase).size()).sum();
	}

	/**
	 * The roles the user of {@code drill run} must hold for this scenario: {@code ADMIN} always (the player issues
	 * the drill's service tokens, registers the second officer, subscribes its webhook receiver), {@code COMMANDER}
	 * when the scenario issues orders or publishes hub warnings (a drill that publishes warnings is started by a
	 * commander, from the console as from the command line).
	 */
	public static List<String> commandLineRoles(Scenario scenario) {
		List<String> roles = new ArrayList<>(List.of("ADMIN"));
		boolean commands = scenario.phases().stream().anyMatch(p -> !p.orders().isEmpty() || !p.warnings().isEmpty());
		if (commands) {
			roles.add("COMMANDER");
		}
		return roles;
	}

}
