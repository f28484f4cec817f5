package cn.fj.emergency.command.plan;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.command.plan.Plan.PartyKind;

import static org.assertj.core.api.Assertions.assertThat;

/** Levels are cumulative: activation sets off the levels up to its own, raising adds only the levels passed. */
class LevelActionsTest {

	static final List<String> FUZHOU_NINGDE = List.of("350900", "350100");

	@Test
	void activationAtIvSetsOffTheIvActionsForTheCitiesConcerned() {
		List<PlannedAction> actions = LevelActions.activation(Plans.typhoon(), ResponseLevel.IV, FUZHOU_NINGDE);
		assertThat(actions).extracting(PlannedAction::actionId)
			.containsExactly("iv-centre-duty", "iv-centre-consult", "iv-weather-track", "iv-fisheries-notify",
					"iv-cities-respond");
		PlannedAction cities = actions.get(4);
		assertThat(cities.partyKind()).isEqualTo(PartyKind.CITIES);
		assertThat(cities.cities()).containsExactly("350100", "350900");
		assertThat(cities.deadline()).isEqualTo("PT4H");
		assertThat(cities.requiresAcknowledgement()).isTrue();
		PlannedAction weather = actions.get(2);
		assertThat(weather.departmentCode()).isEqualTo("FJ-QXJ");
		assertThat(weather.partyName().zh()).isEqualTo("省气象局");
		assertThat(weather.cities()).isEmpty();
		assertThat(weather.deadline()).isEqualTo("PT6H");
		assertThat(actions).allSatisfy(a -> {
			assertThat(a.level()).isEqualTo(ResponseLevel.IV);
			assertThat(a.planId()).isEqualTo("fj-typhoon");
		});
	}

	@Test
	void activationAtIiCarriesTheLevelsBelow() {
		Plan typhoon = Plans.typhoon();
		List<PlannedAction> actions = LevelActions.activation(typhoon, ResponseLevel.II, FUZHOU_NINGDE);
		assertThat(actions).extracting(PlannedAction::level)
			.containsOnly(ResponseLevel.IV, ResponseLevel.III, ResponseLevel.II);
		assertThat(actions).hasSize(typhoon.actions(ResponseLevel.IV).size() + typhoon.actions(ResponseLevel.III).size()
				+ typhoon.actions(ResponseLevel.II).size());
	}

	@Test
	void raisingFromIvToIiAddsTheIiiAndIiActionsAndNoIvOne() {
		Plan typhoon = Plans.typhoon();
		List<PlannedAction> added = LevelActions.raise(typhoon, ResponseLevel.IV, ResponseLevel.II, FUZHOU_NINGDE);
		assertThat(added).extracting(PlannedAction::level).containsOnly(ResponseLevel.III, ResponseLevel.II);
		assertThat(added).extracting(PlannedAction::actionId).doesNotContainAnyElementsOf(
				LevelActions.activation(typhoon, ResponseLevel.IV, FUZHOU_NINGDE).stream().map(PlannedAction::actionId).toList());
		assertThat(added).extracting(PlannedAction::actionId).startsWith("iii-centre-consult").endsWith("ii-coastal-suspend");
		// activation at IV, then the raise, is activation at II
		List<PlannedAction> stepwise = new java.util.ArrayList<>(LevelActions.activation(typhoon, ResponseLevel.IV, FUZHOU_NINGDE));
		stepwise.addAll(added);
		assertThat(stepwise).isEqualTo(LevelActions.activation(typhoon, ResponseLevel.II, FUZHOU_NINGDE));
		assertThat(LevelActions.raise(typhoon, ResponseLevel.II, ResponseLevel.I, FUZHOU_NINGDE))
			.extracting(PlannedAction::level)
			.containsOnly(ResponseLevel.I);
	}

	@Test
	void loweringOrKeepingALevelAddsNothing() {
		Plan typhoon = Plans.typhoon();
		assertThat(LevelActions.raise(typhoon, ResponseLevel.II, ResponseLevel.III, FUZHOU_NINGDE)).isEmpty();
		assertThat(LevelActions.raise(typhoon, ResponseLevel.II, ResponseLevel.II, FUZHOU_NINGDE)).isEmpty();
	}

	@Test
	void cityPartiesGoOnlyToTheCitiesTheirSelectionLeaves() {
		// Nanping is inland: the coastal cities' actions leave it out, and with it alone they are left out entirely
		List<PlannedAction> inland = LevelActions.activation(Plans.typhoon(), ResponseLevel.III, List.of("350700"));
		assertThat(inland).extracting(PlannedAction::actionId).doesNotContain("iii-coastal-vessels");
		List<PlannedAction> mixed = LevelActions.activation(Plans.typhoon(), ResponseLevel.III, List.of("350700", "350200"));
		assertThat(mixed).filteredOn(a -> a.actionId().equals("iii-coastal-vessels"))
			.singleElement()
			.satisfies(a -> assertThat(a.cities()).containsExactly("350200"));
		// the flood plan's Min river cities, of which the response concerns Fuzhou only
		List<PlannedAction> flood = LevelActions.activation(Plans.flood(), ResponseLevel.III, FUZHOU_NINGDE);
		assertThat(flood).filteredOn(a -> a.actionId().equals("iii-minjiang-dykes"))
			.singleElement()
			.satisfies(a -> assertThat(a.cities()).containsExactly("350100"));
	}

}
