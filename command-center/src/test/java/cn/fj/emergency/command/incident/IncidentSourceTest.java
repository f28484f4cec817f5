package cn.fj.emergency.command.incident;

import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Role;

import static cn.fj.emergency.command.incident.ReportPolicyTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where a report came from: derived for city platforms and officers, stated (and checked) by intake systems. */
class IncidentSourceTest {

	static final HubPrincipal HOTLINE = new HubPrincipal("hotline-110", HubPrincipal.Kind.SERVICE,
			Set.of(Role.INTAKE_SYSTEM), null, "t2", NOW.plusSeconds(3600));

	static IncidentReport stated(IncidentSource source) {
		IncidentReport r = ReportPolicyTest.report();
		return new IncidentReport(r.reportId(), r.category(), r.level(), r.title(), r.description(), r.latitude(),
				r.longitude(), r.countyCode(), r.occurredAt(), r.exercise(), source);
	}

	@Test
	void cityPlatformsAndOfficersGetTheirSourceFromTheToken() {
		assertThat(ReportPolicy.check(ReportPolicyTest.report(), ReportPolicyTest.XIAMEN, NOW).source().kind())
			.isEqualTo(IncidentSource.CITY_PLATFORM);
		assertThat(ReportPolicy.check(ReportPolicyTest.report(), ReportPolicyTest.OFFICER, NOW).source().kind())
			.isEqualTo(IncidentSource.OFFICER);
		assertRefused(() -> ReportPolicy.check(stated(new IncidentSource("CALL_110", null, null, null, null, null)),
				ReportPolicyTest.XIAMEN, NOW), ErrorCode.INVALID_FIELD, "source");
	}

	@Test
	void aDerivedSourceLeavesTheReportsContentAsItWas() {
		ValidReport city = ReportPolicy.check(ReportPolicyTest.report(), ReportPolicyTest.XIAMEN, NOW);
		ValidReport officer = ReportPolicy.check(ReportPolicyTest.report(), ReportPolicyTest.OFFICER, NOW);

		assertThat(city.payloadHash()).isEqualTo(officer.payloadHash());
	}

	@Test
	void intakeSystemsStateACheckedSourceThatCountsAsContent() {
		IncidentSource sensor = new IncidentSource("SENSOR", null, " wl-42 ", "WATER_LEVEL", 5.2, "m");
		ValidReport first = ReportPolicy.check(stated(sensor), HOTLINE, NOW);
		ValidReport other = ReportPolicy.check(stated(new IncidentSource("SENSOR", null, "wl-42", "WATER_LEVEL", 5.3, "m")),
				HOTLINE, NOW);

		assertThat(first.source().sensorId()).isEqualTo("wl-42");
		assertThat(first.reporter()).isEqualTo("service:hotline-110");
		assertThat(first.payloadHash()).isNotEqualTo(other.payloadHash());
		assertThat(ReportPolicy.check(stated(new IncidentSource("CALL_12345", "c-1", "ignored", null, null, null)), HOTLINE, NOW)
			.source().sensorId()).isNull();
		assertRefused(() -> ReportPolicy.check(ReportPolicyTest.report(), HOTLINE, NOW), ErrorCode.FIELD_REQUIRED, "source");
		assertRefused(() -> ReportPolicy.check(stated(new IncidentSource("OFFICER", null, null, null, null, null)), HOTLINE, NOW),
				ErrorCode.INVALID_FIELD, "source.kind");
		assertRefused(() -> ReportPolicy.check(stated(new IncidentSource("SENSOR", null, "s", "WATER_LEVEL", Double.NaN, "m")),
				HOTLINE, NOW), ErrorCode.INVALID_FIELD, "source.value");
		assertRefused(() -> ReportPolicy.check(stated(new IncidentSource("SENSOR", null, "s", "WATER_LEVEL", 1.0, null)),
				HOTLINE, NOW), ErrorCode.FIELD_REQUIRED, "source.unit");
	}

	static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code, String field) {
		assertThatThrownBy(call).isInstanceOfSatisfying(HubException.class, e -> {
			assertThat(e.code()).isEqualTo(code);
			assertThat(e.details()).containsEntry("field", field);
		});
	}

}
