package cn.fj.emergency.command.video;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.Fields;
import cn.fj.emergency.command.error.HubException;

import static cn.fj.emergency.command.error.Fields.present;

/** What a dispatch request must hold before anything is looked up, each refusal with its code and field. */
public final class DispatchPolicy {

	static final int MAX_NOTE = 1000;

	static final int MAX_TARGETS = 500;

	static final int MAX_REASON = 1000;

	private DispatchPolicy() {
	}

	/** The request's parts, checked. */
	public record Checked(UUID sourceId, UUID incidentId, DispatchTargets targets, @Nullable String note,
			@Nullable Instant until) {
	}

	public static Checked check(VideoDispatch.Request r, Instant now) {
		UUID sourceId = present("sourceId", r.sourceId());
		UUID incidentId = present("incidentId", r.incidentId());
		DispatchTargets targets = r.targets();
		if (targets == null || targets.isEmpty()) {
			throw HubException.field(ErrorCode.FIELD_REQUIRED, "targets",
					"targets must name at least one officer, group or city");
		}
		if (targets.officers().size() + targets.groups().size() + targets.cities().size() > MAX_TARGETS) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "targets", "At most " + MAX_TARGETS + " targets");
		}
		blankless("targets.officers", targets.officers());
		blankless("targets.groups", targets.groups());
		blankless("targets.cities", targets.cities());
		for (String city : targets.cities()) {
			if (!Areas.isCity(city)) {
				throw HubException.field(ErrorCode.UNKNOWN_AREA, "targets.cities", "Unknown platform code '" + city + "'");
			}
		}
		String note = r.note();
		if (note != null && note.length() > MAX_NOTE) {
			throw HubException.field(ErrorCode.FIELD_TOO_LONG, "note", "note has at most " + MAX_NOTE + " characters");
		}
		Instant until = until(r.until(), now);
		return new Checked(sourceId, incidentId, targets, note, until);
	}

	static void blankless(String field, java.util.List<String> values) {
		for (String value : values) {
			if (value == null || value.isBlank()) {
				throw HubException.field(ErrorCode.INVALID_FIELD, field, field + " may not hold null or blank names");
			}
		}
	}

	static @Nullable String reason(VideoDispatch.@Nullable Withdrawal w) {
		String reason = w == null ? null : w.reason();
		if (reason != null && reason.length() > MAX_REASON) {
			throw HubException.field(ErrorCode.FIELD_TOO_LONG, "reason", "reason has at most " + MAX_REASON + " characters");
		}
		return reason;
	}

	private static @Nullable Instant until(@Nullable String text, Instant now) {
		if (text == null || text.isBlank()) {
			return null;
		}
		Instant until = Fields.time("until", text);
		if (!until.isAfter(now)) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "until", "until must lie in the future");
		}
		return until;
	}

}
