package cn.fj.emergency.command.incident;

import java.util.List;

/**
 * Counts of incidents: {@code cells} by city, level and status (only non-zero cells), {@code cities} open and
 * closed per city, and the totals. Closed means CLOSED, MERGED or DISMISSED.
 */
public record IncidentSummary(long total, long open, long closed, List<CityCount> cities, List<Cell> cells) {

	public IncidentSummary {
		cities = List.copyOf(cities);
		cells = List.copyOf(cells);
	}

	public record Cell(String cityCode, String level, String status, long count) {
	}

	public record CityCount(String cityCode, long open, long closed) {
	}

}
