package cn.fj.emergency.command.incident;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An incident as recorded, and as carried in its events. {@code status} is an {@link IncidentStatus} name;
 * {@code version} starts at 1 and grows by one with every change of status, level or assignee;
 * {@code mergedInto} is set once the incident is MERGED; {@code updatedAt} is the time of the last such change.
 */
public record Incident(UUID id, String reportId, String reporter, String cityCode, String countyCode, String category,
		IncidentLevel level, String title, @Nullable String description, double latitude, double longitude,
		Instant occurredAt, Instant reportedAt, String status, boolean exercise, @Nullable Long reportedSeq,
		IncidentSource source, long version, @Nullable String assignee, @Nullable UUID mergedInto,
		@Nullable Instant updatedAt) {

	public static final String STREAM = "incidents";

	public static final String REPORTED = "incident.reported";

	public static final String STATUS_CHANGED = "incident.status-changed";

	public static final String LEVEL_CHANGED = "incident.level-changed";

	public static final String NOTE_ADDED = "incident.note-added";

	public static final String ASSIGNED = "incident.assigned";

	public static final String DUPLICATE_SUSPECTED = "incident.duplicate-suspected";

	/** What the {@code incident.reported} event carries: the incident, less who reported it and the event's own number. */
	public record Reported(UUID id, String reportId, String cityCode, String countyCode, String category,
			IncidentLevel level, String title, @Nullable String description, double latitude, double longitude,
			Instant occurredAt, Instant reportedAt, String status, boolean exercise) {
	}

	Reported reportedEvent() {
		return new Reported(this.id, this.reportId, this.cityCode, this.countyCode, this.category, this.level, this.title,
				this.description, this.latitude, this.longitude, this.occurredAt, this.reportedAt, this.status,
				this.exercise);
	}

	static Incident reported(UUID id, ValidReport report, Instant reportedAt) {
		return new Incident(id, report.reportId(), report.reporter(), report.cityCode(), report.countyCode(),
				report.category().code(), report.level(), report.title(), report.description(), report.latitude(),
				report.longitude(), report.occurredAt(), reportedAt, IncidentStatus.REPORTED.name(), report.exercise(),
				null, report.source(), 1, null, null, null);
	}

	public IncidentStatus currentStatus() {
		return IncidentStatus.valueOf(this.status);
	}

}
