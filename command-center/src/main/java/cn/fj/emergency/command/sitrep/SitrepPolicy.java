package cn.fj.emergency.command.sitrep;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.Digests;
import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.Fields;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.sitrep.SitrepSubmission.CasualtyAndIllnessSummary;
import cn.fj.emergency.command.sitrep.SitrepSubmission.FieldObservation;
import cn.fj.emergency.command.sitrep.SitrepSubmission.ManagementSummary;
import cn.fj.emergency.command.sitrep.SitrepSubmission.ResponseResourcesTotals;
import cn.fj.emergency.command.sitrep.SitrepSubmission.SituationInformation;

import static cn.fj.emergency.command.error.Fields.required;
import static cn.fj.emergency.command.error.Fields.coordinate;

/**
 * What makes a situation report acceptable, each refusal with its own code and the offending field (dotted, for
 * example {@code casualtyAndIllnessSummary.dead}). Texts are stripped; counts are whole numbers from 0 to
 * {@link #MAX_COUNT}.
 */
public final class SitrepPolicy {

	static final int MAX_SITREP_ID = 100;

	static final int MAX_TEXT = 4000;

	/** More than the province's population: a larger count is a typing error, not a report. */
	static final long MAX_COUNT = 100_000_000L;

	static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

	static final Set<String> SEVERITIES = Set.of("EXTREME", "SEVERE", "MODERATE", "MINOR", "UNKNOWN");

	static final Set<String> TRENDS = Set.of("WORSENING", "STABLE", "IMPROVING", "UNKNOWN");

	private static final Pattern SITREP_ID = Pattern.compile("[A-Za-z0-9._:\\-]+");

	private static final String[] BODIES = { "fieldObservation", "situationInformation", "responseResourcesTotals",
			"casualtyAndIllnessSummary", "managementSummary" };

	private SitrepPolicy() {
	}

	public static ValidSitrep check(SitrepSubmission submission, Instant now) {
		String sitrepId = required("sitrepId", submission.sitrepId());
		if (sitrepId.length() > MAX_SITREP_ID) {
			throw HubException.field(ErrorCode.FIELD_TOO_LONG, "sitrepId", "sitrepId has at most " + MAX_SITREP_ID + " characters");
		}
		if (!SITREP_ID.matcher(sitrepId).matches()) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "sitrepId", "sitrepId may hold A-Z a-z 0-9 . _ : - only");
		}
		UUID incidentId = submission.incidentId();
		if (incidentId == null) {
			throw HubException.field(ErrorCode.FIELD_REQUIRED, "incidentId", "incidentId is required");
		}
		String kindText = required("kind", submission.kind());
		SitrepKind kind = SitrepKind.parse(kindText)
			.orElseThrow(() -> HubException.field(ErrorCode.UNKNOWN_SITREP_KIND, "kind", "Unknown sitrep kind '" + kindText
					+ "': FIELD_OBSERVATION, SITUATION_INFORMATION, RESPONSE_RESOURCES_TOTALS, CASUALTY_AND_ILLNESS_SUMMARY or MANAGEMENT_SUMMARY"));
		Instant reportedAt = time("reportedAt", required("reportedAt", submission.reportedAt()), now);
		Object content = content(submission, kind, now);
		String hash = Digests.sha256Hex(String.join("\u001f", sitrepId, incidentId.toString(), kind.name(),
				reportedAt.toString(), content.toString()));
		return new ValidSitrep(sitrepId, incidentId, kind, reportedAt, content, hash);
	}

	/** The body the kind names, checked, after making sure no other body came with it. */
	private static Object content(SitrepSubmission s, SitrepKind kind, Instant now) {
		Object[] bodies = { s.fieldObservation(), s.situationInformation(), s.responseResourcesTotals(),
				s.casualtyAndIllnessSummary(), s.managementSummary() };
		int expected = kind.ordinal();
		List<String> others = new ArrayList<>();
		for (int i = 0; i < bodies.length; i++) {
			if (i != expected && bodies[i] != null) {
				others.add(BODIES[i]);
			}
		}
		if (!others.isEmpty()) {
			throw HubException.field(ErrorCode.SITREP_CONTENT_MISMATCH, others.get(0),
					"A " + kind + " report carries " + BODIES[expected] + " only, not " + String.join(", ", others));
		}
		Object body = bodies[expected];
		if (body == null) {
			throw HubException.field(ErrorCode.SITREP_CONTENT_MISMATCH, BODIES[expected],
					"A " + kind + " report needs its body " + BODIES[expected]);
		}
		return switch (kind) {
			case FIELD_OBSERVATION -> observation((FieldObservation) body, now);
			case SITUATION_INFORMATION -> situation((SituationInformation) body);
			case RESPONSE_RESOURCES_TOTALS -> resources((ResponseResourcesTotals) body);
			case CASUALTY_AND_ILLNESS_SUMMARY -> casualties((CasualtyAndIllnessSummary) body);
			case MANAGEMENT_SUMMARY -> management((ManagementSummary) body);
		};
	}

	static FieldObservation observation(FieldObservation o, Instant now) {
		String p = "fieldObservation.";
		String text = text(p + "observationText", required(p + "observationText", o.observationText()));
		double latitude = coordinate(p + "latitude", o.latitude());
		double longitude = coordinate(p + "longitude", o.longitude());
		if (!Areas.withinProvince(latitude, longitude)) {
			throw HubException.field(ErrorCode.LOCATION_OUTSIDE_PROVINCE, p + "latitude",
					"(" + latitude + ", " + longitude + ") is outside the province");
		}
		Instant observedAt = time(p + "observedAt", required(p + "observedAt", o.observedAt()), now);
		return new FieldObservation(text, latitude, longitude, observedAt.toString(),
				optionalText(p + "immediateNeeds", o.immediateNeeds()));
	}

	static SituationInformation situation(SituationInformation s) {
		String p = "situationInformation.";
		String summary = text(p + "summary", required(p + "summary", s.summary()));
		String severity = oneOf(p + "severity", required(p + "severity", s.severity()), SEVERITIES);
		String trend = s.trend() == null ? "UNKNOWN" : oneOf(p + "trend", s.trend(), TRENDS);
		return new SituationInformation(summary, severity, trend, optionalText(p + "cause", s.cause()),
				optionalText(p + "weatherEffects", s.weatherEffects()));
	}

	static ResponseResourcesTotals resources(ResponseResourcesTotals r) {
		String p = "responseResourcesTotals.";
		return new ResponseResourcesTotals(count(p + "personnel", r.personnel()), count(p + "teams", r.teams()),
				count(p + "vehicles", r.vehicles()), count(p + "boats", r.boats()), count(p + "aircraft", r.aircraft()),
				count(p + "heavyEquipment", r.heavyEquipment()));
	}

	static CasualtyAndIllnessSummary casualties(CasualtyAndIllnessSummary c) {
		String p = "casualtyAndIllnessSummary.";
		return new CasualtyAndIllnessSummary(count(p + "dead", c.dead()), count(p + "injured", c.injured()),
				count(p + "missing", c.missing()), count(p + "ill", c.ill()), count(p + "trapped", c.trapped()),
				count(p + "rescued", c.rescued()), count(p + "evacuated", c.evacuated()),
				count(p + "sheltered", c.sheltered()));
	}

	static ManagementSummary management(ManagementSummary m) {
		String p = "managementSummary.";
		return new ManagementSummary(text(p + "objectives", required(p + "objectives", m.objectives())),
				optionalText(p + "actionsTaken", m.actionsTaken()), optionalText(p + "plannedActions", m.plannedActions()),
				optionalText(p + "resourceNeeds", m.resourceNeeds()));
	}

	private static String text(String field, String value) {
		String stripped = value.strip();
		if (stripped.length() > MAX_TEXT) {
			throw HubException.field(ErrorCode.FIELD_TOO_LONG, field, field + " has at most " + MAX_TEXT + " characters");
		}
		return stripped;
	}

	private static @Nullable String optionalText(String field, @Nullable String value) {
		return value == null || value.isBlank() ? null : text(field, value);
	}

	private static String oneOf(String field, String value, Set<String> allowed) {
		String upper = value.strip().toUpperCase(Locale.ROOT);
		if (!allowed.contains(upper)) {
			throw HubException.field(ErrorCode.INVALID_FIELD, field, field + " must be one of " + allowed.stream().sorted().toList());
		}
		return upper;
	}

	private static long count(String field, @Nullable Long value) {
		if (value == null) {
			throw HubException.field(ErrorCode.FIELD_REQUIRED, field, field + " is required (0 if none)");
		}
		if (value < 0 || value > MAX_COUNT) {
			throw HubException.field(ErrorCode.INVALID_COUNT, field, field + " must be a whole number from 0 to " + MAX_COUNT);
		}
		return value;
	}

	private static Instant time(String field, String text, Instant now) {
		Instant time = Fields.time(field, text);
		if (time.isAfter(now.plus(CLOCK_TOLERANCE))) {
			throw HubException.field(ErrorCode.TIME_IN_FUTURE, field, field + " " + text + " lies in the future");
		}
		return time;
	}

}
