package cn.fj.emergency.command.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.plan.Plan.Action;
import cn.fj.emergency.command.plan.Plan.Party;
import cn.fj.emergency.command.plan.Plan.PartyKind;

/**
 * What a plan version sets off (docs/plans.md#levels). Levels are cumulative: a response at a level carries the
 * actions of that level and of every level below it (Ⅱ means Ⅳ, Ⅲ and Ⅱ). Raising from one level to a higher one
 * adds exactly the actions of the levels above the old one up to the new one, never those already set off; lowering
 * or keeping a level adds nothing. An action of a city party goes to the cities it names among those the response
 * concerns (all of them for {@code CONCERNED}, the coastal ones for {@code COASTAL}); when none is left the action is
 * left out. Pure: same plan, same answer.
 */
public final class LevelActions {

	private LevelActions() {
	}

	/** Everything a response activated at {@code level} for the {@code concerned} city platforms sets off. */
	public static List<PlannedAction> activation(Plan plan, ResponseLevel level, Collection<String> concerned) {
		return between(plan, null, level, concerned);
	}

	/** What raising a response from {@code from} to {@code to} adds: nothing unless {@code to} is above it. */
	public static List<PlannedAction> raise(Plan plan, ResponseLevel from, ResponseLevel to,
			Collection<String> concerned) {
		if (!to.above(from)) {
			return List.of();
		}
		return between(plan, from, to, concerned);
	}

	/** Actions of the levels above {@code from} (from the lowest when null) up to and including {@code to}. */
	private static List<PlannedAction> between(Plan plan, @Nullable ResponseLevel from, ResponseLevel to,
			Collection<String> concerned) {
		Set<String> cities = new TreeSet<>(concerned);
		List<PlannedAction> actions = new ArrayList<>();
		for (ResponseLevel level : new ResponseLevel[] { ResponseLevel.IV, ResponseLevel.III, ResponseLevel.II,
				ResponseLevel.I }) {
			if (level.above(to) || (from != null && !level.above(from))) {
				continue;
			}
			for (Action action : plan.actions(level)) {
				Party party = plan.party(action.party());
				List<String> targets = targets(party, cities);
				if (party.kind() == PartyKind.CITIES && targets.isEmpty()) {
					continue;
				}
				actions.add(new PlannedAction(plan.id(), plan.version(), level, action.id(), party.id(), party.kind(),
						party.code(), party.name(), action.text(), action.deadline().toString(), action.requiresAcknowledgement(),
						targets));
			}
		}
		return List.copyOf(actions);
	}

	private static List<String> targets(Party party, Set<String> concerned) {
		if (party.kind() != PartyKind.CITIES || party.selection() == null) {
			return List.of();
		}
		return switch (party.selection()) {
			case CONCERNED -> List.copyOf(concerned);
			case COASTAL -> concerned.stream().filter(c -> Areas.city(c).map(Areas.City::coastal).orElse(false)).toList();
			case NAMED -> party.cities().stream().filter(concerned::contains).sorted().toList();
		};
	}

}
