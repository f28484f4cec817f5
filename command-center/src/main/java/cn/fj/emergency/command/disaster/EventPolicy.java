package cn.fj.emergency.command.disaster;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.Fields;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.incident.IncidentCategory;
import cn.fj.emergency.command.security.HubPrincipal;

import static cn.fj.emergency.command.error.Fields.required;

/** What makes an event, a membership change and a response change acceptable, each refusal with its code and field. */
final class EventPolicy {

	static final int MAX_NAME = 200;

	static final int MAX_REASON = 2000;

	static final int MAX_MEMBER_ID = 100;

	private EventPolicy() {
	}

	static DisasterEvent check(EventRequest request, HubPrincipal commander, UUID id, Instant now) {
		String code = required("category", request.category()).strip();
		IncidentCategory category = IncidentCategory.reportable(code)
			.orElseThrow(() -> HubException.field(ErrorCode.UNKNOWN_CATEGORY, "category",
					"'" + code + "' is not a GB/T 35561 sub-category or kind"));
		String nameZh = text("nameZh", required("nameZh", request.nameZh()), MAX_NAME);
		String nameEn = request.nameEn() == null || request.nameEn().isBlank() ? null
				: text("nameEn", request.nameEn(), MAX_NAME);
		TreeSet<String> cities = new TreeSet<>();
		for (String city : request.cities() == null ? List.<String>of() : request.cities()) {
			if (city == null || !Areas.isCity(city)) {
				throw HubException.field(ErrorCode.UNKNOWN_AREA, "cities", "'" + city + "' is not a city of the province");
			}
			cities.add(city);
		}
		TreeSet<String> counties = new TreeSet<>();
		TreeSet<String> concerned = new TreeSet<>(cities);
		for (String county : request.counties() == null ? List.<String>of() : request.counties()) {
			Areas.County known = county == null ? null : Areas.county(county).orElse(null);
			if (known == null) {
				throw HubException.field(ErrorCode.UNKNOWN_AREA, "counties", "'" + county + "' is not a county of the province");
			}
			if (!cities.contains(known.cityCode())) {
				counties.add(county);
			}
			concerned.add(known.cityCode());
		}
		if (concerned.isEmpty()) {
			throw HubException.field(ErrorCode.FIELD_REQUIRED, "cities", "An event concerns at least one city or county");
		}
		String own = commander.cityCode();
		if (own != null && !(concerned.size() == 1 && concerned.contains(own))) {
			throw HubException.field(ErrorCode.CITY_SCOPE_VIOLATION, "cities",
					"A commander of city " + own + " may only open events of that city");
		}
		Instant startsAt = request.startsAt() == null || request.startsAt().isBlank() ? now
				: Fields.time("startsAt", request.startsAt()).truncatedTo(ChronoUnit.MICROS);
		Instant endsAt = request.endsAt() == null || request.endsAt().isBlank() ? null
				: Fields.time("endsAt", request.endsAt()).truncatedTo(ChronoUnit.MICROS);
		if (endsAt != null && !endsAt.isAfter(startsAt)) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "endsAt", "endsAt must lie after startsAt");
		}
		return new DisasterEvent(id, category.code(), nameZh, nameEn, List.copyOf(cities), List.copyOf(counties),
				List.copyOf(concerned), startsAt, endsAt, DisasterEvent.OPEN, Boolean.TRUE.equals(request.exercise()),
				commander.subject(), now, null, null, null);
	}

	static MemberKind kind(@Nullable String text) {
		String kind = required("kind", text).strip();
		return MemberKind.parse(kind)
			.orElseThrow(() -> HubException.field(ErrorCode.INVALID_FIELD, "kind",
					"kind is one of INCIDENT, WARNING, ORDER, SITREP, SUPPLY_REQUEST, not '" + kind + "'"));
	}

	static String memberId(@Nullable String text) {
		return text("memberId", required("memberId", text), MAX_MEMBER_ID);
	}

	static String reason(@Nullable String text) {
		if (text == null || text.isBlank()) {
			throw HubException.field(ErrorCode.REASON_REQUIRED, "reason", "A reason is required");
		}
		return text("reason", text, MAX_REASON);
	}

	static @Nullable String optionalReason(@Nullable String text) {
		return text == null || text.isBlank() ? null : text("reason", text, MAX_REASON);
	}

	static ResponseLevel level(@Nullable String text) {
		String level = required("level", text).strip();
		return ResponseLevel.parse(level)
			.orElseThrow(() -> HubException.field(ErrorCode.INVALID_RESPONSE_LEVEL, "level",
					"level is one of RESPONSE_IV, RESPONSE_III, RESPONSE_II, RESPONSE_I, not '" + level + "'"));
	}

	/** A commander confined to a city acts only on events of that city alone. */
	static void checkScope(HubPrincipal principal, DisasterEvent event) {
		String own = principal.cityCode();
		if (own != null && !(event.concernedCities().size() == 1 && event.concernedCities().contains(own))) {
			throw new HubException(ErrorCode.CITY_SCOPE_VIOLATION,
					"A commander of city " + own + " may only act on events of that city alone");
		}
	}

	static void checkOpen(DisasterEvent event) {
		if (!event.open()) {
			throw new HubException(ErrorCode.DISASTER_EVENT_CLOSED, "The disaster event " + event.id() + " is closed");
		}
	}

	private static String text(String field, String value, int max) {
		String text = Fields.storable(field, value.strip());
		if (text.length() > max) {
			throw HubException.field(ErrorCode.FIELD_TOO_LONG, field, field + " has at most " + max + " characters");
		}
		return text;
	}

}
