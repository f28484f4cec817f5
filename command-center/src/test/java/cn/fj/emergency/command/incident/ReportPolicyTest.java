package cn.fj.emergency.command.incident;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportPolicyTest {

	static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

	static final HubPrincipal XIAMEN = new HubPrincipal("xiamen-platform", HubPrincipal.Kind.SERVICE,
			Set.of(Role.CITY_PLATFORM), "350200", "t1", NOW.plusSeconds(3600));

	static final HubPrincipal OFFICER = new HubPrincipal("li.wei", HubPrincipal.Kind.OFFICER, Set.of(Role.DUTY_OFFICER),
			null, null, NOW.plusSeconds(3600));

	static IncidentReport report() {
		return new IncidentReport("xm-2026-0001", "11", "III", "Waterlogging on Hubin Road", "Knee-deep water", 24.48,
				118.09, "350203", "2026-11-23T09:45:00+08:00", null);
	}

	@Test
	void acceptsAValidReportAndTakesTheCityFromTheReporter() {
		ValidReport valid = ReportPolicy.check(report(), XIAMEN, NOW);

		assertThat(valid.cityCode()).isEqualTo("350200");
		assertThat(valid.reporter()).isEqualTo("city:350200");
		assertThat(valid.level()).isEqualTo(IncidentLevel.III);
		assertThat(valid.occurredAt()).isEqualTo(Instant.parse("2026-11-23T01:45:00Z"));
		assertThat(valid.exercise()).isFalse();
	}

	@Test
	void provinceOfficerReportsForTheCountysCity() {
		ValidReport valid = ReportPolicy.check(report(), OFFICER, NOW);

		assertThat(valid.cityCode()).isEqualTo("350200");
		assertThat(valid.reporter()).isEqualTo("officer:li.wei");
	}

	@Test
	void refusesReportForAnotherCitysCounty() {
		IncidentReport fuzhou = new IncidentReport("x1", "11", "III", "t", null, 26.08, 119.30, "350102",
				"2026-11-23T09:45:00+08:00", null);

		assertRefused(fuzhou, ErrorCode.AREA_OUTSIDE_CITY, "countyCode");
	}

	@Test
	void refusesEachBadFieldWithItsOwnCode() {
		IncidentReport r = report();
		assertRefused(with(r, null, r.category(), r.level(), r.countyCode(), r.latitude(), r.occurredAt()),
				ErrorCode.FIELD_REQUIRED, "reportId");
		assertRefused(with(r, "a b", r.category(), r.level(), r.countyCode(), r.latitude(), r.occurredAt()),
				ErrorCode.INVALID_FIELD, "reportId");
		assertRefused(with(r, "x".repeat(101), r.category(), r.level(), r.countyCode(), r.latitude(), r.occurredAt()),
				ErrorCode.FIELD_TOO_LONG, "reportId");
		assertRefused(with(r, r.reportId(), "99", r.level(), r.countyCode(), r.latitude(), r.occurredAt()),
				ErrorCode.UNKNOWN_CATEGORY, "category");
		assertRefused(with(r, r.reportId(), "1", r.level(), r.countyCode(), r.latitude(), r.occurredAt()),
				ErrorCode.UNKNOWN_CATEGORY, "category");
		assertRefused(with(r, r.reportId(), r.category(), "V", r.countyCode(), r.latitude(), r.occurredAt()),
				ErrorCode.INVALID_LEVEL, "level");
		assertRefused(with(r, r.reportId(), r.category(), r.level(), "110101", r.latitude(), r.occurredAt()),
				ErrorCode.UNKNOWN_AREA, "countyCode");
		assertRefused(with(r, r.reportId(), r.category(), r.level(), r.countyCode(), 39.9, r.occurredAt()),
				ErrorCode.LOCATION_OUTSIDE_PROVINCE, "location");
		assertRefused(with(r, r.reportId(), r.category(), r.level(), r.countyCode(), Double.NaN, r.occurredAt()),
				ErrorCode.INVALID_FIELD, "latitude");
		assertRefused(with(r, r.reportId(), r.category(), r.level(), r.countyCode(), r.latitude(), "yesterday"),
				ErrorCode.INVALID_FIELD, "occurredAt");
		assertRefused(with(r, r.reportId(), r.category(), r.level(), r.countyCode(), r.latitude(), "2026-11-23T09:45:00"),
				ErrorCode.INVALID_FIELD, "occurredAt");
		assertRefused(with(r, r.reportId(), r.category(), r.level(), r.countyCode(), r.latitude(), "2026-11-23T11:00:00+08:00"),
				ErrorCode.TIME_IN_FUTURE, "occurredAt");
		assertRefused(new IncidentReport("x", "11", "I", "t".repeat(201), null, 24.48, 118.09, "350203",
				"2026-11-23T09:45:00+08:00", null), ErrorCode.FIELD_TOO_LONG, "title");
	}

	@Test
	void differentContentHasADifferentHash() {
		IncidentReport r = report();
		IncidentReport other = with(r, r.reportId(), r.category(), "II", r.countyCode(), r.latitude(), r.occurredAt());

		assertThat(hash(r)).isEqualTo(hash(report()));
		assertThat(hash(r)).isNotEqualTo(hash(other));
	}

	@Test
	void theSameTimeWrittenWithAnotherOffsetIsTheSameReport() {
		IncidentReport r = report();
		IncidentReport utc = with(r, r.reportId(), r.category(), r.level(), r.countyCode(), r.latitude(), "2026-11-23T01:45:00Z");

		assertThat(hash(utc)).isEqualTo(hash(r));
	}

	@Test
	void aDescriptionReadingNullIsNotAnAbsentDescription() {
		IncidentReport r = report();
		IncidentReport none = new IncidentReport(r.reportId(), r.category(), r.level(), r.title(), null, r.latitude(),
				r.longitude(), r.countyCode(), r.occurredAt(), r.exercise());
		IncidentReport text = new IncidentReport(r.reportId(), r.category(), r.level(), r.title(), "null", r.latitude(),
				r.longitude(), r.countyCode(), r.occurredAt(), r.exercise());

		assertThat(hash(none)).isNotEqualTo(hash(text));
	}

	private static String hash(IncidentReport report) {
		return ReportPolicy.check(report, XIAMEN, NOW).payloadHash();
	}

	private static IncidentReport with(IncidentReport r, String reportId, String category, String level, String county,
			Double latitude, String occurredAt) {
		return new IncidentReport(reportId, category, level, r.title(), r.description(), latitude, r.longitude(), county,
				occurredAt, r.exercise());
	}

	private static void assertRefused(IncidentReport report, ErrorCode code, String field) {
		assertThatThrownBy(() -> ReportPolicy.check(report, XIAMEN, NOW)).isInstanceOfSatisfying(HubException.class,
				ex -> {
					assertThat(ex.code()).isEqualTo(code);
					assertThat(ex.details()).containsEntry("field", field);
				});
	}

	@Test
	void refusesTextTheDatabaseCannotStoreWithItsField() {
		IncidentReport nul = new IncidentReport("x2", "11", "III", "Flood\u0000", null, 24.48, 118.09, "350203",
				"2026-11-23T09:45:00+08:00", null);
		IncidentReport surrogate = new IncidentReport("x3", "11", "III", "Flood", "Water \ud800", 24.48, 118.09, "350203",
				"2026-11-23T09:45:00+08:00", null);

		assertRefused(nul, ErrorCode.INVALID_FIELD, "title");
		assertRefused(surrogate, ErrorCode.INVALID_FIELD, "description");
	}

	@Test
	void refusesAnOccurredAtBeforeTheYear2000() {
		IncidentReport yearOne = new IncidentReport("x4", "11", "III", "Flood", null, 24.48, 118.09, "350203",
				"0001-01-01T00:00:00Z", null);

		assertRefused(yearOne, ErrorCode.INVALID_FIELD, "occurredAt");
	}

}
