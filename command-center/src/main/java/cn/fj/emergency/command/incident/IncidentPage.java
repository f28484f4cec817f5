package cn.fj.emergency.command.incident;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a search, in the search's order; {@code next} is the {@code before} of the next page (an incident id,
 * or {@code <level>:<id>} when sorted by level), {@code null} on the last.
 */
public record IncidentPage(List<Incident> items, @Nullable String next) {

	public IncidentPage {
		items = List.copyOf(items);
	}

}
