package cn.fj.emergency.command.incident;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.security.Officer;
import cn.fj.emergency.command.security.Role;

import static cn.fj.emergency.command.incident.StatusPolicyTest.assertRefused;
import static cn.fj.emergency.command.incident.StatusPolicyTest.incident;
import static org.assertj.core.api.Assertions.assertThat;

/** Level changes, assignments and notes: what each needs. */
class ChangePolicyTest {

	static Officer officer(String name, String city, boolean enabled, Role... roles) {
		return new Officer(name, "hash", name, Set.of(roles), city, enabled, Instant.EPOCH, "admin");
	}

	@Test
	void raisesAndLowersWithAReasonOnly() {
		Incident incident = incident(IncidentStatus.RESPONDING);

		assertThat(ChangePolicy.checkLevel(incident, new LevelChange("I", "spreading", null))).isEqualTo(IncidentLevel.I);
		assertThat(ChangePolicy.checkLevel(incident, new LevelChange("IV", "contained to one street", 3L))).isEqualTo(IncidentLevel.IV);
		assertRefused(() -> ChangePolicy.checkLevel(incident, new LevelChange("I", " ", null)), ErrorCode.REASON_REQUIRED);
		assertRefused(() -> ChangePolicy.checkLevel(incident, new LevelChange("III", "same", null)), ErrorCode.LEVEL_UNCHANGED);
		assertRefused(() -> ChangePolicy.checkLevel(incident, new LevelChange("V", "x", null)), ErrorCode.INVALID_LEVEL);
		assertRefused(() -> ChangePolicy.checkLevel(incident, new LevelChange("II", "x", 2L)), ErrorCode.VERSION_CONFLICT);
		assertRefused(() -> ChangePolicy.checkLevel(incident(IncidentStatus.CLOSED), new LevelChange("II", "x", null)),
				ErrorCode.INCIDENT_FINISHED);
	}

	@Test
	void assignsOnlyEnabledDutyOfficersAndCommandersWhoMaySeeTheIncident() {
		Incident xiamen = incident(IncidentStatus.VERIFIED);

		ChangePolicy.checkAssignee(xiamen, "a", officer("a", null, true, Role.DUTY_OFFICER));
		ChangePolicy.checkAssignee(xiamen, "b", officer("b", "350200", true, Role.COMMANDER));
		assertRefused(() -> ChangePolicy.checkAssignee(xiamen, "c", null), ErrorCode.ASSIGNEE_INVALID);
		assertRefused(() -> ChangePolicy.checkAssignee(xiamen, "d", officer("d", null, false, Role.DUTY_OFFICER)),
				ErrorCode.ASSIGNEE_INVALID);
		assertRefused(() -> ChangePolicy.checkAssignee(xiamen, "e", officer("e", null, true, Role.ADMIN)),
				ErrorCode.ASSIGNEE_INVALID);
		assertRefused(() -> ChangePolicy.checkAssignee(xiamen, "f", officer("f", "350100", true, Role.DUTY_OFFICER)),
				ErrorCode.ASSIGNEE_INVALID);
		assertRefused(() -> ChangePolicy.checkAssignment(incident(IncidentStatus.DISMISSED), new Assignment("a", null)),
				ErrorCode.INCIDENT_FINISHED);
	}

	@Test
	void notesNeedTextOfBoundedLength() {
		assertThat(ChangePolicy.checkNote(new Note("  road reopened  "))).isEqualTo("road reopened");
		assertRefused(() -> ChangePolicy.checkNote(new Note(" ")), ErrorCode.FIELD_REQUIRED);
		assertRefused(() -> ChangePolicy.checkNote(new Note("x".repeat(4001))), ErrorCode.FIELD_TOO_LONG);
	}

	@Test
	void categoriesHaveKindsBelowTheirSubCategories() {
		assertThat(IncidentCategory.reportable("1101")).isPresent();
		assertThat(IncidentCategory.reportable("11")).isPresent();
		assertThat(IncidentCategory.reportable("1")).isEmpty();
		assertThat(IncidentCategory.reportable("1199")).isEmpty();
		assertThat(IncidentCategory.reportable("1101").orElseThrow().parent().orElseThrow().code()).isEqualTo("11");
		assertThat(IncidentCategory.all().keySet()).allSatisfy(code -> {
			if (code.length() > 1) {
				assertThat(IncidentCategory.known(code).orElseThrow().parent()).isPresent();
			}
		});
	}

}
