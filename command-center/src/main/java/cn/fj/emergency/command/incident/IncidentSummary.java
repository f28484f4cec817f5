package cn.fj.emergency.command.incident;

import java.util.List;

/**
 * Counts of incidents: {@code cells} by city, level and status (only non-zero cells), {@code cities} open and
 * closed per city, and the totals. Closed means CLOSED, MERGED or DISMISSED. Every count covers drills and real
 * incidents alike (unless the query asked for one kind); {@code openReal} / {@code openDrills}, the per-city
 * {@code openReal} / {@code openDrills}, {@code levels} (open incidents per level) and {@code statuses} (incidents
 * per status) count the two apart.
 */
public record IncidentSummary(long total, long open, long closed, List<CityCount> cities, List<Cell> cells, long openReal,
		long openDrills, List<Tally> levels, List<Tally> statuses) {

	public IncidentSummary {
		cities = List.copyOf(cities);
		cells = List.copyOf(cells);
		levels = List.copyOf(levels);
		statuses = List.copyOf(statuses);
	}

	public record Cell(String cityCode, String level, String status, long count) {
	}

	public record CityCount(String cityCode, long open, long closed, long openReal, long openDrills) {
	}

	/** Real incidents and drills of one level or status. */
	public record Tally(String key, long real, long drills) {
	}

	/** One row of the store's count: city × level × status × drill flag. */
	public record Count(String cityCode, String level, String status, boolean exercise, long count) {
	}

}
