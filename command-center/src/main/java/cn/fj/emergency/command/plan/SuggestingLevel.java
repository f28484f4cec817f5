package cn.fj.emergency.command.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.plan.Plan.Clause;
import cn.fj.emergency.command.plan.Plan.Condition;
import cn.fj.emergency.command.plan.Plan.Incidents;
import cn.fj.emergency.command.plan.Plan.WarningInForce;

/**
 * Evaluates a plan's conditions against what is in force (docs/plans.md#conditions): a condition holds when each of
 * its clauses holds; the suggested level is the highest level of a condition that holds. Pure.
 */
public final class SuggestingLevel {

	private SuggestingLevel() {
	}

	/** A warning in force, as the conditions see it: {@code cities} are the city platforms its areas fall in. */
	public record WarningFact(String identifier, String headline, String severity, @Nullable String colour,
			Set<String> cities) {

		public WarningFact {
			cities = Set.copyOf(cities);
		}

	}

	/** How many open incidents there are of a category and level in a city. */
	public record IncidentCount(String category, String level, String cityCode, long count) {
	}

	public static LevelSuggestion evaluate(Plan plan, List<WarningFact> warnings, List<IncidentCount> incidents,
			Instant now, boolean exercise) {
		List<LevelSuggestion.Match> matches = new ArrayList<>();
		for (int i = 0; i < plan.conditions().size(); i++) {
			Condition condition = plan.conditions().get(i);
			List<String> evidence = new ArrayList<>();
			boolean holds = true;
			for (Clause clause : condition.when()) {
				List<String> found = clause instanceof WarningInForce w ? warnings(w, warnings)
						: incidents((Incidents) clause, incidents);
				if (found.isEmpty()) {
					holds = false;
					break;
				}
				evidence.addAll(found);
			}
			if (holds) {
				matches.add(new LevelSuggestion.Match(i, condition.level(), condition.reason(), evidence));
			}
		}
		matches.sort(Comparator.comparing((LevelSuggestion.Match m) -> -m.level().rank())
			.thenComparing(LevelSuggestion.Match::condition));
		ResponseLevel level = matches.isEmpty() ? null : matches.get(0).level();
		return new LevelSuggestion(plan.id(), plan.version(), level, matches, now, exercise);
	}

	/** The identifiers of the warnings the clause matches ({@code warning:<identifier>}). */
	private static List<String> warnings(WarningInForce clause, List<WarningFact> warnings) {
		return warnings.stream()
			.filter(w -> clause.event() == null || w.headline().contains(clause.event()))
			.filter(w -> clause.severities().isEmpty() || clause.severities().contains(w.severity()))
			.filter(w -> clause.colours().isEmpty() || (w.colour() != null && clause.colours().contains(w.colour())))
			.filter(w -> w.cities().stream().anyMatch(c -> inCities(c, clause.cities(), clause.coastal())))
			.map(w -> "warning:" + w.identifier())
			.toList();
	}

	/** One evidence line ({@code incidents:<count>}) when enough incidents match, else none. */
	private static List<String> incidents(Incidents clause, List<IncidentCount> counts) {
		long total = counts.stream()
			.filter(c -> c.category().startsWith(clause.category()))
			.filter(c -> clause.levels().isEmpty() || clause.levels().contains(c.level()))
			.filter(c -> inCities(c.cityCode(), clause.cities(), clause.coastal()))
			.mapToLong(IncidentCount::count)
			.sum();
		return total >= clause.atLeast() ? List.of("incidents:" + total) : List.of();
	}

	private static boolean inCities(String city, List<String> cities, boolean coastal) {
		if (coastal) {
			return Areas.city(city).map(Areas.City::coastal).orElse(false);
		}
		return cities.isEmpty() || cities.contains(city);
	}

}
