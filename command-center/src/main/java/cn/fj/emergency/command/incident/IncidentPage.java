package cn.fj.emergency.command.incident;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One page of a search, newest first; {@code next} is the {@code before} of the next page, {@code null} on the last. */
public record IncidentPage(List<Incident> items, @Nullable UUID next) {

	public IncidentPage {
		items = List.copyOf(items);
	}

}
