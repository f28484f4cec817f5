package cn.fj.emergency.command.plan;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.command.plan.SuggestingLevel.IncidentCount;
import cn.fj.emergency.command.plan.SuggestingLevel.WarningFact;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan's conditions against warnings in force and open incidents: a suggestion with its reason, never more. */
class SuggestingLevelTest {

	static final Instant NOW = Instant.parse("2026-08-01T06:00:00Z");

	static WarningFact typhoon(String colour, String... cities) {
		return new WarningFact("FJ-" + colour + "-" + String.join("-", cities), "福建省气象台发布台风" + colour + "预警",
				"red".equals(colour) ? "Extreme" : "Severe", colour, Set.of(cities));
	}

	static LevelSuggestion suggest(Plan plan, List<WarningFact> warnings, List<IncidentCount> incidents) {
		return SuggestingLevel.evaluate(plan, warnings, incidents, NOW, false);
	}

	@Test
	void aRedTyphoonWarningForACoastalCitySuggestsIi() {
		LevelSuggestion suggestion = suggest(Plans.typhoon(), List.of(typhoon("red", "350200")), List.of());
		assertThat(suggestion.level()).isEqualTo(ResponseLevel.II);
		assertThat(suggestion.matches()).singleElement().satisfies(m -> {
			assertThat(m.condition()).isEqualTo(2);
			assertThat(m.reason().zh()).startsWith("台风橙色或红色预警");
			assertThat(m.evidence()).containsExactly("warning:FJ-red-350200");
		});
	}

	@Test
	void theHighestLevelThatHoldsIsSuggestedWithEveryMatch() {
		List<IncidentCount> incidents = List.of(new IncidentCount("1201", "II", "350900", 1),
				new IncidentCount("1201", "I", "350100", 1), new IncidentCount("1201", "IV", "350100", 7));
		LevelSuggestion suggestion = suggest(Plans.typhoon(),
				List.of(typhoon("red", "350900"), typhoon("blue", "350200")), incidents);
		assertThat(suggestion.level()).isEqualTo(ResponseLevel.I);
		assertThat(suggestion.matches()).extracting(LevelSuggestion.Match::level)
			.containsExactly(ResponseLevel.I, ResponseLevel.II, ResponseLevel.IV);
		assertThat(suggestion.matches().get(0).evidence()).containsExactly("warning:FJ-red-350900", "incidents:2");
	}

	@Test
	void everyClauseMustHold() {
		// a red warning, but only one very serious incident: not I
		LevelSuggestion suggestion = suggest(Plans.typhoon(), List.of(typhoon("red", "350900")),
				List.of(new IncidentCount("1201", "II", "350900", 1), new IncidentCount("1201", "III", "350900", 5)));
		assertThat(suggestion.level()).isEqualTo(ResponseLevel.II);
	}

	@Test
	void nothingSuggestedForAnInlandCityOrAnotherHazard() {
		assertThat(suggest(Plans.typhoon(), List.of(typhoon("red", "350700")), List.of()).level()).isNull();
		WarningFact rain = new WarningFact("FJ-rain", "福建省气象台发布暴雨红色预警", "Extreme", "red", Set.of("350200"));
		LevelSuggestion none = suggest(Plans.typhoon(), List.of(rain), List.of());
		assertThat(none.level()).isNull();
		assertThat(none.matches()).isEmpty();
		// the flood plan reads it: red rain in Xiamen is III (orange or higher), not II (that is the Min river cities')
		assertThat(suggest(Plans.flood(), List.of(rain), List.of()).level()).isEqualTo(ResponseLevel.III);
		WarningFact minjiang = new WarningFact("FJ-rain-np", "暴雨红色预警", "Extreme", "red", Set.of("350700"));
		assertThat(suggest(Plans.flood(), List.of(minjiang), List.of()).level()).isEqualTo(ResponseLevel.II);
	}

	@Test
	void incidentCountsUseTheCategoryAsAPrefix() {
		List<IncidentCount> three = List.of(new IncidentCount("1101", "IV", "350400", 1),
				new IncidentCount("1103", "III", "350700", 2));
		assertThat(suggest(Plans.flood(), List.of(), three).level()).isEqualTo(ResponseLevel.III);
		assertThat(suggest(Plans.flood(), List.of(), three.subList(0, 1)).level()).isNull();
		assertThat(suggest(Plans.flood(), List.of(), List.of(new IncidentCount("1105", "II", "350800", 1))).level())
			.isEqualTo(ResponseLevel.I);
	}

}
