package cn.fj.emergency.command.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.jspecify.annotations.Nullable;

/**
 * A report of an incident as a reporter sends it. {@code reportId} is chosen by the reporter and makes retries
 * safe: a report sent again with the same id is stored once and answered as the first time. The city is never in
 * the report: it is the reporter's (from its token), checked against the county. Fields are as received, so that
 * each bad one is refused with its own code by the {@link ReportPolicy}.
 *
 * @param level I, II, III or IV
 * @param occurredAt ISO-8601 with an offset, for example {@code 2026-11-23T08:15:00+08:00}
 * @param source stated by intake systems (110, 12345, sensors) only; derived from the token for everyone else
 */
public record IncidentReport(@Nullable String reportId, @Nullable String category, @Nullable String level,
		@Nullable String title, @Nullable String description, @Nullable Double latitude, @Nullable Double longitude,
		@Nullable String countyCode, @Nullable String occurredAt, @Nullable Boolean exercise,
		@Nullable IncidentSource source) {

	@JsonCreator
	public IncidentReport {
	}

	/** A report whose source the hub derives from the reporter's token (city platforms, officers). */
	public IncidentReport(@Nullable String reportId, @Nullable String category, @Nullable String level,
			@Nullable String title, @Nullable String description, @Nullable Double latitude, @Nullable Double longitude,
			@Nullable String countyCode, @Nullable String occurredAt, @Nullable Boolean exercise) {
		this(reportId, category, level, title, description, latitude, longitude, countyCode, occurredAt, exercise, null);
	}

}
