package cn.fj.emergency.command.incident;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The {@code data} of the incident events after {@code incident.reported} (docs/events.md). Each is appended in
 * the transaction of its change and is also the incident's timeline entry. {@code by} names the actor as
 * {@code officer:<username>}, {@code city:<platform code>}, {@code service:<subject>} or {@code hub} (the hub
 * itself); {@code version} is the incident's version after the change. Names and fields are a contract (the
 * national uplink consumes them): add, never rename. {@code incident.duplicate-suspected}'s data ({@code id},
 * {@code candidates}) is built by the database function {@code incident_intake} (V9) in the intake's statement.
 */
public final class IncidentEvents {

	private IncidentEvents() {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record StatusChanged(UUID id, String status, String previousStatus, @Nullable String reason,
			@Nullable UUID mergedInto, String by, Instant at, long version) {
	}

	public record LevelChanged(UUID id, String cityCode, IncidentLevel level, IncidentLevel previousLevel, String reason,
			String by, Instant at, long version) {
	}

	public record NoteAdded(UUID id, String text, String by, Instant at) {
	}

	public record Assigned(UUID id, String assignee, @Nullable String previousAssignee, String by, Instant at,
			long version) {
	}

}
