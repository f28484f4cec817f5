package cn.fj.emergency.command.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A checked search of incidents (see {@link QueryPolicy}): every filter optional, all given ones must hold.
 * {@code category} matches the code and everything below it ({@code 1} all natural disasters, {@code 11} floods
 * and droughts with their kinds); {@code from} (inclusive) and {@code to} (exclusive) bound {@code occurredAt};
 * {@code open} true keeps incidents not CLOSED, MERGED or DISMISSED, false only those; {@code source} is a source
 * kind; {@code text} is a search (see {@link Text}). Pages run in the {@link Sort} given; {@code after} is where the
 * previous page ended.
 */
public record IncidentQuery(@Nullable String cityCode, @Nullable String countyCode, List<String> levels,
		List<String> statuses, @Nullable String category, @Nullable Instant from, @Nullable Instant to,
		@Nullable Boolean exercise, @Nullable Boolean open, @Nullable String source, @Nullable Text text, Sort sort,
		@Nullable Cursor after, int size) {

	public IncidentQuery {
		levels = List.copyOf(levels);
		statuses = List.copyOf(statuses);
	}

	/** The orders a search pages in. */
	public enum Sort {

		/** Newest first (by id: ids are time-ordered), the default. */
		NEWEST,
		/** Level I first, the oldest first within a level: the order of triage. */
		LEVEL,
		/** Oldest first: what has waited longest. */
		AGE

	}

	/** Where a page ended: its last incident (and, when sorted by level, that incident's level when read). */
	public record Cursor(UUID id, @Nullable String level) {
	}

	/**
	 * A search: {@code pattern} (an SQL LIKE pattern, escaped, case-insensitive) in the title, description,
	 * source reference, sensor id or source kind; {@code idPrefix} the start of an id (escaped likewise); {@code counties} and
	 * {@code cities} the areas whose names hold the words.
	 */
	public record Text(String pattern, String idPrefix, List<String> counties, List<String> cities) {

		public Text {
			counties = List.copyOf(counties);
			cities = List.copyOf(cities);
		}

	}

}
