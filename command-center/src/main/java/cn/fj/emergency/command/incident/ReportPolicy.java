package cn.fj.emergency.command.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.Digests;
import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.Fields;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Role;

import static cn.fj.emergency.command.error.Fields.required;
import static cn.fj.emergency.command.error.Fields.coordinate;

/**
 * What makes a report acceptable, each refusal with its own code and the offending field. The city comes from
 * the reporter: a city platform may only report in its own counties.
 */
public final class ReportPolicy {

	static final int MAX_REPORT_ID = 100;

	static final int MAX_TITLE = 200;

	static final int MAX_DESCRIPTION = 4000;

	static final int MAX_SOURCE_FIELD = 100;

	static final int MAX_UNIT = 20;

	/** Reporters' clocks drift; beyond this a time in the future is an error, not drift. */
	static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

	private static final Pattern REPORT_ID = Pattern.compile("[A-Za-z0-9._:\\-]+");

	private ReportPolicy() {
	}

	public static ValidReport check(IncidentReport report, HubPrincipal reporter, Instant now) {
		String reportId = required("reportId", report.reportId());
		if (reportId.length() > MAX_REPORT_ID) {
			throw HubException.field(ErrorCode.FIELD_TOO_LONG, "reportId", "reportId has at most " + MAX_REPORT_ID + " characters");
		}
		if (!REPORT_ID.matcher(reportId).matches()) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "reportId", "reportId may hold A-Z a-z 0-9 . _ : - only");
		}
		String categoryCode = required("category", report.category());
		IncidentCategory category = IncidentCategory.reportable(categoryCode)
			.orElseThrow(() -> HubException.field(ErrorCode.UNKNOWN_CATEGORY, "category",
					"Unknown incident sub-category '" + categoryCode + "' (GB/T 35561, two or four digits)"));
		String levelText = required("level", report.level());
		IncidentLevel level = IncidentLevel.parse(levelText)
			.orElseThrow(() -> HubException.field(ErrorCode.INVALID_LEVEL, "level", "level must be I, II, III or IV, not '" + levelText + "'"));
		String title = required("title", report.title());
		if (title.length() > MAX_TITLE) {
			throw HubException.field(ErrorCode.FIELD_TOO_LONG, "title", "title has at most " + MAX_TITLE + " characters");
		}
		String description = report.description() == null ? null : Fields.storable("description", report.description());
		if (description != null && description.length() > MAX_DESCRIPTION) {
			throw HubException.field(ErrorCode.FIELD_TOO_LONG, "description", "description has at most " + MAX_DESCRIPTION + " characters");
		}
		double latitude = coordinate("latitude", report.latitude());
		double longitude = coordinate("longitude", report.longitude());
		if (!Areas.withinProvince(latitude, longitude)) {
			throw HubException.field(ErrorCode.LOCATION_OUTSIDE_PROVINCE, "location",
					"(" + latitude + ", " + longitude + ") is outside the province");
		}
		String countyCode = required("countyCode", report.countyCode());
		Areas.County county = Areas.county(countyCode)
			.orElseThrow(() -> HubException.field(ErrorCode.UNKNOWN_AREA, "countyCode", "Unknown county code '" + countyCode + "' (GB/T 2260)"));
		String ownCity = reporter.cityCode();
		if (ownCity != null && !ownCity.equals(county.cityCode())) {
			throw HubException.field(ErrorCode.AREA_OUTSIDE_CITY, "countyCode",
					"County " + countyCode + " belongs to platform " + county.cityCode() + ", not to " + ownCity);
		}
		Instant occurredAt = Fields.time("occurredAt", required("occurredAt", report.occurredAt()));
		if (occurredAt.isAfter(now.plus(CLOCK_TOLERANCE))) {
			throw HubException.field(ErrorCode.TIME_IN_FUTURE, "occurredAt", "occurredAt " + report.occurredAt() + " lies in the future");
		}
		boolean exercise = Boolean.TRUE.equals(report.exercise());
		IncidentSource source = source(report.source(), reporter);
		List<String> content = new ArrayList<>(List.of(reportId, category.code(), level.name(), title.strip(),
				description == null ? "\u0000" : description, Double.toString(latitude), Double.toString(longitude),
				countyCode, occurredAt.toString(), Boolean.toString(exercise)));
		if (source.stated()) {
			// only a stated source is content: the hashes of city and officer reports stay as they were before sources
			content.addAll(sourceContent(source));
		}
		String hash = hash(content.toArray(String[]::new));
		return new ValidReport(reporter.reporterKey(), reportId, category, level, title.strip(), description, latitude,
				longitude, county.cityCode(), countyCode, occurredAt, exercise, hash, source);
	}

	/**
	 * The report's source: stated by intake systems (and then required and checked), derived from the token for
	 * city platforms and officers (who may not state one).
	 */
	static IncidentSource source(@Nullable IncidentSource stated, HubPrincipal reporter) {
		if (!reporter.has(Role.INTAKE_SYSTEM)) {
			if (stated != null) {
				throw HubException.field(ErrorCode.INVALID_FIELD, "source",
						"source is stated by intake systems only; the hub derives it for city platforms and officers");
			}
			return IncidentSource.derived(reporter.has(Role.CITY_PLATFORM) ? IncidentSource.CITY_PLATFORM : IncidentSource.OFFICER);
		}
		if (stated == null) {
			throw HubException.field(ErrorCode.FIELD_REQUIRED, "source", "An intake system states the report's source");
		}
		String kind = required("source.kind", stated.kind());
		if (!IncidentSource.INTAKE_KINDS.contains(kind)) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "source.kind", "source.kind must be CALL_110, CALL_12345 or SENSOR");
		}
		String reference = optional("source.reference", stated.reference());
		if (!IncidentSource.SENSOR.equals(kind)) {
			return new IncidentSource(kind, reference, null, null, null, null);
		}
		String sensorId = required("source.sensorId", stated.sensorId());
		if (sensorId.length() > MAX_SOURCE_FIELD) {
			throw HubException.field(ErrorCode.FIELD_TOO_LONG, "source.sensorId", "source.sensorId has at most " + MAX_SOURCE_FIELD + " characters");
		}
		String quantity = required("source.quantity", stated.quantity());
		if (!IncidentSource.QUANTITIES.contains(quantity)) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "source.quantity", "source.quantity must be one of " + new TreeSet<>(IncidentSource.QUANTITIES));
		}
		double value = coordinate("source.value", stated.value());
		String unit = required("source.unit", stated.unit());
		if (unit.length() > MAX_UNIT) {
			throw HubException.field(ErrorCode.FIELD_TOO_LONG, "source.unit", "source.unit has at most " + MAX_UNIT + " characters");
		}
		return new IncidentSource(kind, reference, sensorId.strip(), quantity, value, unit.strip());
	}

	private static @Nullable String optional(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Fields.storable(field, value);
		if (value.length() > MAX_SOURCE_FIELD) {
			throw HubException.field(ErrorCode.FIELD_TOO_LONG, field, field + " has at most " + MAX_SOURCE_FIELD + " characters");
		}
		return value.strip();
	}

	private static List<String> sourceContent(IncidentSource source) {
		List<String> fields = new ArrayList<>();
		fields.add(String.valueOf(source.kind()));
		fields.add(source.reference() == null ? "\u0000" : source.reference());
		fields.add(source.sensorId() == null ? "\u0000" : source.sensorId());
		fields.add(source.quantity() == null ? "\u0000" : source.quantity());
		fields.add(source.value() == null ? "\u0000" : Double.toString(source.value()));
		fields.add(source.unit() == null ? "\u0000" : source.unit());
		return fields;
	}

	/**
	 * Identifies the report's content as understood, not as written: the same time with another offset is the same
	 * report, so that a retry from a reporter that reformats its fields is still recognised.
	 */
	private static String hash(String... fields) {
		return Digests.sha256Hex(String.join("\u001f", fields));
	}

}
