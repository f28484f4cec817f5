package cn.fj.emergency.command.plan;

import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.plan.Plan.PartyKind;
import cn.fj.emergency.command.plan.Plan.Text;

/**
 * An action of a plan version that a response sets off, with its party resolved: what task code turns into a task
 * (department, centre) or into command orders (one per city in {@code cities}). {@code deadline} is an ISO-8601
 * duration counted from the moment the level is activated or raised to.
 */
public record PlannedAction(String planId, int version, ResponseLevel level, String actionId, String party,
		PartyKind partyKind, @Nullable String departmentCode, Text partyName, Text text, String deadline,
		boolean requiresAcknowledgement, List<String> cities) {

	public PlannedAction {
		cities = List.copyOf(cities);
	}

}
