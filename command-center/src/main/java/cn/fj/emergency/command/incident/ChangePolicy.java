package cn.fj.emergency.command.incident;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.Fields;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.Officer;
import cn.fj.emergency.command.security.Role;

/**
 * What makes a change of level, an assignment or a note acceptable. Pure, like {@link StatusPolicy}: judged
 * against the incident as locked in the change's transaction.
 */
public final class ChangePolicy {

	static final int MAX_NOTE = 4000;

	private ChangePolicy() {
	}

	/** The new level, checked: the incident still open, a different level, a reason. */
	public static IncidentLevel checkLevel(Incident incident, LevelChange change) {
		Versions.check(incident, change.expectedVersion(), null);
		String text = Fields.required("level", change.level());
		IncidentLevel level = IncidentLevel.parse(text)
			.orElseThrow(() -> HubException.field(ErrorCode.INVALID_LEVEL, "level", "level must be I, II, III or IV, not '" + text + "'"));
		open(incident);
		if (level == incident.level()) {
			throw new HubException(ErrorCode.LEVEL_UNCHANGED, "Incident " + incident.id() + " is already level " + level,
					Map.of("level", level.name()));
		}
		StatusPolicy.reason(change.reason(), true);
		return level;
	}

	/** The assignee's username, checked against the incident; the officer is checked by {@link #checkAssignee}. */
	public static String checkAssignment(Incident incident, Assignment assignment) {
		Versions.check(incident, assignment.expectedVersion(), null);
		String assignee = Fields.required("assignee", assignment.assignee());
		open(incident);
		return assignee;
	}

	/**
	 * Refuses with {@code ASSIGNEE_INVALID} (field {@code assignee}) anyone but an enabled officer holding
	 * DUTY_OFFICER or COMMANDER who may see the incident (province-wide, or confined to its city).
	 */
	public static void checkAssignee(Incident incident, String username, @Nullable Officer officer) {
		if (officer == null || !officer.enabled()) {
			throw assigneeRefused("No enabled officer '" + username + "'");
		}
		if (!officer.roles().contains(Role.DUTY_OFFICER) && !officer.roles().contains(Role.COMMANDER)) {
			throw assigneeRefused("Officer '" + username + "' is neither a duty officer nor a commander");
		}
		if (officer.cityCode() != null && !officer.cityCode().equals(incident.cityCode())) {
			throw assigneeRefused("Officer '" + username + "' is confined to city " + officer.cityCode());
		}
	}

	/** The note's text, stripped. Notes may be added at any status, closed incidents included (after-action notes). */
	public static String checkNote(Note note) {
		String text = Fields.required("text", note.text());
		if (text.length() > MAX_NOTE) {
			throw HubException.field(ErrorCode.FIELD_TOO_LONG, "text", "text has at most " + MAX_NOTE + " characters");
		}
		return text.strip();
	}

	private static void open(Incident incident) {
		if (incident.currentStatus().terminal()) {
			throw new HubException(ErrorCode.INCIDENT_FINISHED, "Incident " + incident.id() + " is " + incident.status(),
					Map.of("status", incident.status()));
		}
	}

	private static HubException assigneeRefused(String message) {
		return HubException.field(ErrorCode.ASSIGNEE_INVALID, "assignee", message);
	}

}
