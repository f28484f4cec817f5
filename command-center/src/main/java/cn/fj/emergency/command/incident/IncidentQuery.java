package cn.fj.emergency.command.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A checked search of incidents (see {@link QueryPolicy}): every filter optional, all given ones must hold.
 * {@code category} matches the code and everything below it ({@code 1} all natural disasters, {@code 11} floods
 * and droughts with their kinds); {@code from} (inclusive) and {@code to} (exclusive) bound {@code occurredAt};
 * {@code open} true keeps incidents not CLOSED, MERGED or DISMISSED, false only those. Pages run newest first:
 * {@code before} is the last id of the previous page.
 */
public record IncidentQuery(@Nullable String cityCode, @Nullable String countyCode, List<String> levels,
		List<String> statuses, @Nullable String category, @Nullable Instant from, @Nullable Instant to,
		@Nullable Boolean exercise, @Nullable Boolean open, @Nullable UUID before, int size) {

	public IncidentQuery {
		levels = List.copyOf(levels);
		statuses = List.copyOf(statuses);
	}

}
