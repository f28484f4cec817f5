package cn.fj.emergency.command.exchange;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

import static cn.fj.emergency.command.exchange.EidoJson.anyField;
import static cn.fj.emergency.command.exchange.EidoJson.field;
import static cn.fj.emergency.command.exchange.EidoJson.items;
import static cn.fj.emergency.command.exchange.EidoJson.refs;
import static cn.fj.emergency.command.exchange.EidoJson.text;
import static cn.fj.emergency.command.exchange.EidoJson.texts;

/**
 * Reads the parts of an EIDO the hub takes, field names in any case. A document that is not an EIDO 1.0 with an
 * incident id and a time is refused with {@link ErrorCode#EIDO_INVALID}; a location that cannot be read is not an
 * error here (the importer decides, as the caller may give the location).
 */
final class EidoReader {

	static final int MAX_ID = 255;

	private EidoReader() {
	}

	static EidoIncident read(@Nullable JsonNode eido) {
		if (eido == null || !eido.isObject()) {
			throw invalid("$", "An EIDO is a JSON object");
		}
		String version = text(eido, "EIDOVersion");
		if (version == null) {
			throw invalid("EIDOVersion", "EIDOVersion is required");
		}
		if (!version.equals("1.0")) {
			throw invalid("EIDOVersion", "EIDOVersion " + version + " is not supported; the hub reads EIDO 1.0");
		}
		String id = text(eido, "incidentTrackingIdentifier");
		if (id == null) {
			id = text(eido, "$id");
		}
		if (id == null) {
			throw invalid("incidentTrackingIdentifier", "The EIDO names no incident: incidentTrackingIdentifier or $id is required");
		}
		if (id.length() > MAX_ID) {
			throw invalid("incidentTrackingIdentifier", "The incident id has more than " + MAX_ID + " characters");
		}
		JsonNode incident = first(anyField(eido, "incidentComponent", "incidentInformationComponent"));
		PidfLo.Reading location = location(eido, incident);
		Instant occurredAt = occurredAt(eido, incident, location);
		return new EidoIncident(id, text(incident, "incidentTypeCommonRegistryText"),
				text(incident, "incidentTypeInternalCode"), text(incident, "incidentTypeInternalText"),
				texts(incident, "incidentStatusInternalText"), text(incident, "incidentPriorityInternalText"),
				notes(eido), location, occurredAt);
	}

	private static @Nullable JsonNode first(@Nullable JsonNode component) {
		List<JsonNode> all = items(component);
		return all.isEmpty() ? null : all.get(0);
	}

	/**
	 * The incident's location: the ones its incident component references first, then the others in document order;
	 * the first that yields a position, else the first readable one, else the first problem.
	 */
	private static PidfLo.@Nullable Reading location(JsonNode eido, @Nullable JsonNode incident) {
		List<JsonNode> locations = new ArrayList<>(items(anyField(eido, "locationInformationComponent", "locationComponent")));
		List<String> referenced = refs(incident, "locationReference");
		locations.sort((a, b) -> Boolean.compare(!referenced.contains(String.valueOf(text(a, "$id"))),
				!referenced.contains(String.valueOf(text(b, "$id")))));
		PidfLo.Reading fallback = null;
		for (JsonNode location : locations) {
			String byValue = text(location, "locationByValue");
			if (byValue == null) {
				continue;
			}
			PidfLo.Reading reading = PidfLo.read(byValue);
			if (reading.position() != null) {
				return reading;
			}
			if (fallback == null || (fallback.problem() != null && reading.problem() == null)) {
				fallback = reading;
			}
		}
		return fallback;
	}

	private static Instant occurredAt(JsonNode eido, @Nullable JsonNode incident, PidfLo.@Nullable Reading location) {
		Instant earliestCall = null;
		for (JsonNode call : items(field(eido, "callComponent"))) {
			Instant start = time(call, "callStartTimestamp", "callComponent.callStartTimestamp");
			if (start != null && (earliestCall == null || start.isBefore(earliestCall))) {
				earliestCall = start;
			}
		}
		if (earliestCall != null) {
			return earliestCall;
		}
		if (location != null && location.timestamp() != null) {
			return location.timestamp();
		}
		Instant updated = time(incident, "lastUpdateTimeStamp", "incidentComponent.lastUpdateTimeStamp");
		if (updated != null) {
			return updated;
		}
		Instant document = time(eido, "lastUpdateTimeStamp", "lastUpdateTimeStamp");
		if (document == null) {
			throw invalid("lastUpdateTimeStamp", "The EIDO carries no time: lastUpdateTimeStamp is required");
		}
		return document;
	}

	private static @Nullable Instant time(@Nullable JsonNode object, String name, String path) {
		String value = text(object, name);
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw invalid(path, path + " '" + value + "' is not an ISO-8601 time with an offset");
		}
	}

	private static List<String> notes(JsonNode eido) {
		List<String> notes = new ArrayList<>();
		for (JsonNode note : items(field(eido, "notesComponent"))) {
			String comments = text(note, "notesActionComments");
			if (comments != null) {
				String plain = plainText(comments);
				if (!plain.isEmpty()) {
					notes.add(plain);
				}
			}
		}
		return notes;
	}

	/** Notes are HTML5: tags are dropped and the five predefined entities read, nothing else. */
	static String plainText(String html) {
		return html.replaceAll("<[^>]*>", "")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&apos;", "'")
			.replace("&#39;", "'")
			.replace("&amp;", "&")
			.strip();
	}

	private static HubException invalid(String field, String message) {
		return HubException.field(ErrorCode.EIDO_INVALID, field, message);
	}

}
