package cn.fj.emergency.command.incident;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

import static cn.fj.emergency.command.error.Fields.required;

/**
 * The legal status transitions and what each needs. Pure: it judges a requested change against the incident's
 * present state (and, for a merge, the target's), and refuses with a stable code. Whoever calls it holds the
 * incident's row lock, so the state it judges is the state the change will be applied to.
 */
public final class StatusPolicy {

	static final int MAX_REASON = 1000;

	private StatusPolicy() {
	}

	/** Whether the workflow allows going from {@code from} to {@code to}, ignoring what the change carries. */
	public static boolean allows(IncidentStatus from, IncidentStatus to) {
		if (from.terminal()) {
			return false;
		}
		if (to == IncidentStatus.MERGED || to == IncidentStatus.DISMISSED) {
			return true;
		}
		// the path, one step at a time: REPORTED, VERIFIED, RESPONDING, CONTAINED, CLOSED
		return to.ordinal() == from.ordinal() + 1;
	}

	/**
	 * Refuses the change unless it is legal from {@code from}: {@code ILLEGAL_TRANSITION} (details {@code from},
	 * {@code to}), {@code REASON_REQUIRED} for a dismissal without a reason, {@code FIELD_REQUIRED} for a merge that
	 * names no target. The version check comes first: a request made against a state that is gone is refused as a
	 * conflict, not judged against a state its sender never saw.
	 */
	public static IncidentStatus check(Incident incident, StatusChange change) {
		Versions.check(incident, change.expectedVersion(), change.expectedStatus());
		String requested = required("status", change.status());
		IncidentStatus to = IncidentStatus.parse(requested)
			.orElseThrow(() -> HubException.field(ErrorCode.INVALID_FIELD, "status",
					"status must be one of REPORTED, VERIFIED, RESPONDING, CONTAINED, CLOSED, MERGED, DISMISSED, not '" + requested + "'"));
		IncidentStatus from = IncidentStatus.valueOf(incident.status());
		if (!allows(from, to)) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("from", from.name());
			details.put("to", to.name());
			throw new HubException(ErrorCode.ILLEGAL_TRANSITION, "An incident " + from + " cannot become " + to, details);
		}
		reason(change.reason(), to == IncidentStatus.DISMISSED);
		if (to == IncidentStatus.MERGED && change.mergedInto() == null) {
			throw HubException.field(ErrorCode.FIELD_REQUIRED, "mergedInto", "A merge names the incident to merge into");
		}
		if (to != IncidentStatus.MERGED && change.mergedInto() != null) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "mergedInto", "mergedInto belongs to a merge only");
		}
		return to;
	}

	/**
	 * Refuses a merge target that does not fit: {@code MERGE_TARGET_INVALID} with {@code mergedInto} and
	 * {@code problem}: {@code SELF}, {@code UNKNOWN} (no such incident, or one the actor may not see),
	 * {@code OTHER_CITY} (a city-scoped actor merging across cities), {@code FINISHED} (the target is closed,
	 * merged or dismissed) or {@code EXERCISE_MISMATCH} (a drill and a real incident).
	 *
	 * @param actorCity the city the actor is confined to, {@code null} when province-wide
	 */
	public static void checkMergeTarget(Incident incident, UUID targetId, @Nullable Incident target,
			@Nullable String actorCity) {
		if (targetId.equals(incident.id())) {
			throw mergeRefused(targetId, "SELF", "An incident cannot be merged into itself");
		}
		if (target == null || actorCity != null && !actorCity.equals(target.cityCode())) {
			throw mergeRefused(targetId, "UNKNOWN", "No incident " + targetId);
		}
		if (!incident.cityCode().equals(target.cityCode()) && actorCity != null) {
			throw mergeRefused(targetId, "OTHER_CITY", "Only province-wide officers merge across cities");
		}
		if (IncidentStatus.valueOf(target.status()).terminal()) {
			throw mergeRefused(targetId, "FINISHED", "Incident " + targetId + " is " + target.status());
		}
		if (incident.exercise() != target.exercise()) {
			throw mergeRefused(targetId, "EXERCISE_MISMATCH", "A drill and a real incident cannot be merged");
		}
	}

	private static HubException mergeRefused(UUID target, String problem, String message) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("mergedInto", target.toString());
		details.put("problem", problem);
		return new HubException(ErrorCode.MERGE_TARGET_INVALID, message, details);
	}

	/** A reason, stripped; {@code REASON_REQUIRED} when one is needed and absent or blank. */
	static @Nullable String reason(@Nullable String reason, boolean needed) {
		if (reason == null || reason.isBlank()) {
			if (needed) {
				throw HubException.field(ErrorCode.REASON_REQUIRED, "reason", "A reason is required");
			}
			return null;
		}
		if (reason.length() > MAX_REASON) {
			throw HubException.field(ErrorCode.FIELD_TOO_LONG, "reason", "reason has at most " + MAX_REASON + " characters");
		}
		return reason.strip();
	}

}
