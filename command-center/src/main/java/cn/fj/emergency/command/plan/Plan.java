package cn.fj.emergency.command.plan;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A plan as read from its file (docs/plans.md): who takes part, what each does at each response level, and which
 * conditions suggest a level. {@code version} is the version the file names (0 when it names none).
 */
public record Plan(String id, int version, Text title, String category, List<Party> parties,
		Map<ResponseLevel, List<Action>> levels, List<Condition> conditions) {

	public Plan {
		parties = List.copyOf(parties);
		levels = Map.copyOf(levels);
		conditions = List.copyOf(conditions);
	}

	public List<Action> actions(ResponseLevel level) {
		return this.levels.getOrDefault(level, List.of());
	}

	public Party party(String partyId) {
		return this.parties.stream()
			.filter(p -> p.id().equals(partyId))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Plan " + this.id + " has no party " + partyId));
	}

	/** The same plan, naming another version. */
	public Plan withVersion(int newVersion) {
		return new Plan(this.id, newVersion, this.title, this.category, this.parties, this.levels, this.conditions);
	}

	/** A text in Chinese and English. */
	public record Text(String zh, String en) {
	}

	/** Who acts: a provincial department, city platforms, or the command centre itself. */
	public enum PartyKind {
		DEPARTMENT, CITIES, CENTRE
	}

	/**
	 * Which city platforms a {@link PartyKind#CITIES} party stands for: every city the response concerns, the coastal
	 * ones among them, or the cities named (those of them the response concerns).
	 */
	public enum CitySelection {
		CONCERNED, COASTAL, NAMED
	}

	/**
	 * A party of the plan. A department has a {@code code} (the hub's department identifier, e.g. {@code FJ-SL}); a
	 * city party has its {@link CitySelection} and, for {@code NAMED}, the GB/T 2260 codes.
	 */
	public record Party(String id, PartyKind kind, @Nullable String code, Text name, @Nullable CitySelection selection,
			List<String> cities) {

		public Party {
			cities = List.copyOf(cities);
		}

	}

	/** One thing a party must do, by {@code deadline} after the level is activated (or raised to). */
	public record Action(String id, String party, Text text, Duration deadline, boolean requiresAcknowledgement) {
	}

	/** A level the plan suggests when every clause of {@code when} holds, with the reason given to the commander. */
	public record Condition(ResponseLevel level, List<Clause> when, Text reason) {

		public Condition {
			when = List.copyOf(when);
		}

	}

	/** One clause of a condition: the vocabulary is closed (docs/plans.md#conditions). */
	public sealed interface Clause permits WarningInForce, Incidents {
	}

	/**
	 * A published warning is in force whose headline (or event) contains {@code event} (any when null), whose CAP
	 * severity is one of {@code severities} and colour one of {@code colours} (any when empty), for one of the cities
	 * (any city when {@code cities} is empty and {@code coastal} false; the coastal cities when {@code coastal}).
	 */
	public record WarningInForce(@Nullable String event, List<String> severities, List<String> colours,
			List<String> cities, boolean coastal) implements Clause {

		public WarningInForce {
			severities = List.copyOf(severities);
			colours = List.copyOf(colours);
			cities = List.copyOf(cities);
		}

	}

	/**
	 * At least {@code atLeast} open incidents of the category (a prefix: {@code 12} is every meteorological
	 * disaster), of one of {@code levels} (any when empty), in one of the cities (any when empty, coastal ones when
	 * {@code coastal}).
	 */
	public record Incidents(String category, List<String> levels, List<String> cities, boolean coastal, int atLeast)
			implements Clause {

		public Incidents {
			levels = List.copyOf(levels);
			cities = List.copyOf(cities);
		}

	}

}
