package cn.fj.emergency.command.incident;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A report that passed the {@link ReportPolicy}: typed, with its city, source and the reporter it is remembered under. */
public record ValidReport(String reporter, String reportId, IncidentCategory category, IncidentLevel level,
		String title, @Nullable String description, double latitude, double longitude, String cityCode,
		String countyCode, Instant occurredAt, boolean exercise, String payloadHash, IncidentSource source) {
}
