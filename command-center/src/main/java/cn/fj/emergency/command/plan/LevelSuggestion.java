package cn.fj.emergency.command.plan;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.plan.Plan.Text;

/**
 * The level a plan's conditions suggest now: the highest level among the conditions that hold ({@code null} when none
 * holds), with every condition that holds, its reason and what made it hold. A suggestion only: the hub never
 * activates or raises a response by itself.
 */
public record LevelSuggestion(String planId, int version, @Nullable ResponseLevel level, List<Match> matches,
		Instant evaluatedAt, boolean exercise) {

	public LevelSuggestion {
		matches = List.copyOf(matches);
	}

	/** A condition that holds: its index in the plan's {@code conditions}, level, reason and evidence. */
	public record Match(int condition, ResponseLevel level, Text reason, List<String> evidence) {

		public Match {
			evidence = List.copyOf(evidence);
		}

	}

}
