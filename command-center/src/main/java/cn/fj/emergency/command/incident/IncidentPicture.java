package cn.fj.emergency.command.incident;

import java.time.Instant;
import java.util.List;

/**
 * The situation picture of what is open, complete at any volume: {@code grave} every open level I and II incident
 * (level I first, oldest first within a level), and {@code counties} the open incidents of every level counted per
 * county, level and drill flag (only non-zero rows), so a map draws the rest as aggregates.
 */
public record IncidentPicture(Instant at, List<Incident> grave, List<CountyCount> counties) {

	public IncidentPicture {
		grave = List.copyOf(grave);
		counties = List.copyOf(counties);
	}

	public record CountyCount(String countyCode, String cityCode, String level, boolean exercise, long count) {
	}

}
