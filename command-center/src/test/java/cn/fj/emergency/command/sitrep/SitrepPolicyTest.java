package cn.fj.emergency.command.sitrep;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.sitrep.SitrepSubmission.CasualtyAndIllnessSummary;
import cn.fj.emergency.command.sitrep.SitrepSubmission.FieldObservation;
import cn.fj.emergency.command.sitrep.SitrepSubmission.ManagementSummary;
import cn.fj.emergency.command.sitrep.SitrepSubmission.ResponseResourcesTotals;
import cn.fj.emergency.command.sitrep.SitrepSubmission.SituationInformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each EDXL-SitRep kind's rules, without Spring. */
class SitrepPolicyTest {

	static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

	static final UUID INCIDENT = UUID.fromString("01900000-0000-7000-8000-000000000001");

	static final String AT = "2026-11-23T09:30:00+08:00";

	static SitrepSubmission of(String kind, Object body) {
		return new SitrepSubmission("sr-1", INCIDENT, kind, AT, body instanceof FieldObservation o ? o : null,
				body instanceof SituationInformation s ? s : null, body instanceof ResponseResourcesTotals r ? r : null,
				body instanceof CasualtyAndIllnessSummary c ? c : null, body instanceof ManagementSummary m ? m : null);
	}

	static CasualtyAndIllnessSummary casualties(long dead) {
		return new CasualtyAndIllnessSummary(dead, 4L, 1L, 0L, 2L, 7L, 300L, 120L);
	}

	static ResponseResourcesTotals resources() {
		return new ResponseResourcesTotals(120L, 6L, 14L, 3L, 1L, 2L);
	}

	static FieldObservation observation() {
		return new FieldObservation("  Embankment breached at the east gate ", 24.48, 118.09, "2026-11-23T09:10:00+08:00",
				"Sandbags");
	}

	static SituationInformation situation(String severity, String trend) {
		return new SituationInformation("Water rising in Siming", severity, trend, "Typhoon rain", null);
	}

	static ManagementSummary management() {
		return new ManagementSummary("Evacuate the low-lying villages", "Two shelters opened", "Open a third", null);
	}

	@Test
	void acceptsEachKindWithItsBody() {
		assertThat(SitrepPolicy.check(of("CASUALTY_AND_ILLNESS_SUMMARY", casualties(2)), NOW).content())
			.isEqualTo(casualties(2));
		assertThat(SitrepPolicy.check(of("RESPONSE_RESOURCES_TOTALS", resources()), NOW).content()).isEqualTo(resources());
		assertThat(SitrepPolicy.check(of("MANAGEMENT_SUMMARY", management()), NOW).kind())
			.isEqualTo(SitrepKind.MANAGEMENT_SUMMARY);

		ValidSitrep observed = SitrepPolicy.check(of("FIELD_OBSERVATION", observation()), NOW);
		FieldObservation o = (FieldObservation) observed.content();
		assertThat(o.observationText()).isEqualTo("Embankment breached at the east gate");
		assertThat(o.observedAt()).isEqualTo("2026-11-23T01:10:00Z");
		assertThat(observed.reportedAt()).isEqualTo(Instant.parse("2026-11-23T01:30:00Z"));

		SituationInformation s = (SituationInformation) SitrepPolicy
			.check(of("SITUATION_INFORMATION", situation("severe", null)), NOW).content();
		assertThat(s.severity()).isEqualTo("SEVERE");
		assertThat(s.trend()).isEqualTo("UNKNOWN");
	}

	@Test
	void theSameReportWrittenDifferentlyHasTheSameHash() {
		SitrepSubmission utc = new SitrepSubmission("sr-1", INCIDENT, "RESPONSE_RESOURCES_TOTALS", "2026-11-23T01:30:00Z",
				null, null, resources(), null, null);

		assertThat(SitrepPolicy.check(utc, NOW).payloadHash())
			.isEqualTo(SitrepPolicy.check(of("RESPONSE_RESOURCES_TOTALS", resources()), NOW).payloadHash())
			.isNotEqualTo(SitrepPolicy.check(of("CASUALTY_AND_ILLNESS_SUMMARY", casualties(1)), NOW).payloadHash());
	}

	@Test
	void refusesAnUnknownKind() {
		assertRefused(of("WEATHER_REPORT", resources()), ErrorCode.UNKNOWN_SITREP_KIND, "kind");
	}

	@Test
	void refusesABodyOfAnotherKindOrNone() {
		assertRefused(of("CASUALTY_AND_ILLNESS_SUMMARY", resources()), ErrorCode.SITREP_CONTENT_MISMATCH,
				"responseResourcesTotals");
		assertRefused(new SitrepSubmission("sr-1", INCIDENT, "MANAGEMENT_SUMMARY", AT, null, null, null, null, null),
				ErrorCode.SITREP_CONTENT_MISMATCH, "managementSummary");
		assertRefused(new SitrepSubmission("sr-1", INCIDENT, "MANAGEMENT_SUMMARY", AT, null, null, null, casualties(1),
				management()), ErrorCode.SITREP_CONTENT_MISMATCH, "casualtyAndIllnessSummary");
	}

	@Test
	void refusesNegativeOrMissingCounts() {
		assertRefused(of("CASUALTY_AND_ILLNESS_SUMMARY", casualties(-1)), ErrorCode.INVALID_COUNT,
				"casualtyAndIllnessSummary.dead");
		assertRefused(of("RESPONSE_RESOURCES_TOTALS", new ResponseResourcesTotals(1L, 1L, 1L, null, 1L, 1L)),
				ErrorCode.FIELD_REQUIRED, "responseResourcesTotals.boats");
		assertRefused(of("RESPONSE_RESOURCES_TOTALS", new ResponseResourcesTotals(1L, 1L, 1L, 1L, 1L, 1_000_000_000L)),
				ErrorCode.INVALID_COUNT, "responseResourcesTotals.heavyEquipment");
	}

	@Test
	void refusesBadFieldObservations() {
		assertRefused(of("FIELD_OBSERVATION", new FieldObservation(" ", 24.48, 118.09, AT, null)), ErrorCode.FIELD_REQUIRED,
				"fieldObservation.observationText");
		assertRefused(of("FIELD_OBSERVATION", new FieldObservation("x", 40.44, -80.0, AT, null)),
				ErrorCode.LOCATION_OUTSIDE_PROVINCE, "fieldObservation.latitude");
		assertRefused(of("FIELD_OBSERVATION", new FieldObservation("x", 24.48, 118.09, "2026-11-24T09:00:00+08:00", null)),
				ErrorCode.TIME_IN_FUTURE, "fieldObservation.observedAt");
		assertRefused(of("FIELD_OBSERVATION", new FieldObservation("x".repeat(4001), 24.48, 118.09, AT, null)),
				ErrorCode.FIELD_TOO_LONG, "fieldObservation.observationText");
	}

	@Test
	void refusesBadSituationAndManagementFields() {
		assertRefused(of("SITUATION_INFORMATION", situation("CATASTROPHIC", null)), ErrorCode.INVALID_FIELD,
				"situationInformation.severity");
		assertRefused(of("SITUATION_INFORMATION", situation("MINOR", "SIDEWAYS")), ErrorCode.INVALID_FIELD,
				"situationInformation.trend");
		assertRefused(of("MANAGEMENT_SUMMARY", new ManagementSummary(null, "done", null, null)), ErrorCode.FIELD_REQUIRED,
				"managementSummary.objectives");
	}

	@Test
	void refusesBadHeaderFields() {
		SitrepSubmission ok = of("RESPONSE_RESOURCES_TOTALS", resources());
		assertRefused(new SitrepSubmission(null, INCIDENT, ok.kind(), AT, null, null, resources(), null, null),
				ErrorCode.FIELD_REQUIRED, "sitrepId");
		assertRefused(new SitrepSubmission("sr 1", INCIDENT, ok.kind(), AT, null, null, resources(), null, null),
				ErrorCode.INVALID_FIELD, "sitrepId");
		assertRefused(new SitrepSubmission("sr-1", null, ok.kind(), AT, null, null, resources(), null, null),
				ErrorCode.FIELD_REQUIRED, "incidentId");
		assertRefused(new SitrepSubmission("sr-1", INCIDENT, ok.kind(), "yesterday", null, null, resources(), null, null),
				ErrorCode.INVALID_FIELD, "reportedAt");
		assertRefused(new SitrepSubmission("sr-1", INCIDENT, ok.kind(), "2026-11-23T11:00:00+08:00", null, null, resources(),
				null, null), ErrorCode.TIME_IN_FUTURE, "reportedAt");
	}

	static void assertRefused(SitrepSubmission submission, ErrorCode code, String field) {
		assertThatThrownBy(() -> SitrepPolicy.check(submission, NOW)).isInstanceOfSatisfying(HubException.class, ex -> {
			assertThat(ex.code()).isEqualTo(code);
			assertThat(ex.details()).containsEntry("field", field);
		});
	}

}
