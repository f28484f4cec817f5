package cn.fj.emergency.alerting.cap.xml;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import cn.fj.emergency.alerting.cap.Alert;
import cn.fj.emergency.alerting.cap.Area;
import cn.fj.emergency.alerting.cap.CapErrorCode;
import cn.fj.emergency.alerting.cap.CapProblem;
import cn.fj.emergency.alerting.cap.CapRefusal;
import cn.fj.emergency.alerting.cap.CapText;
import cn.fj.emergency.alerting.cap.CapTimes;
import cn.fj.emergency.alerting.cap.CapValue;
import cn.fj.emergency.alerting.cap.Category;
import cn.fj.emergency.alerting.cap.Certainty;
import cn.fj.emergency.alerting.cap.Circle;
import cn.fj.emergency.alerting.cap.Info;
import cn.fj.emergency.alerting.cap.MessageType;
import cn.fj.emergency.alerting.cap.NamedValue;
import cn.fj.emergency.alerting.cap.Polygon;
import cn.fj.emergency.alerting.cap.Reference;
import cn.fj.emergency.alerting.cap.Resource;
import cn.fj.emergency.alerting.cap.ResponseType;
import cn.fj.emergency.alerting.cap.Scope;
import cn.fj.emergency.alerting.cap.Severity;
import cn.fj.emergency.alerting.cap.Status;
import cn.fj.emergency.alerting.cap.Urgency;
import org.jspecify.annotations.Nullable;

/**
 * Between the JAXB binding and the model. Reading normalises only what CAP gives no meaning: an empty
 * optional element is absent. Every problem found is collected, then refused at once.
 */
final class AlertBinding {

	private final List<CapProblem> problems = new ArrayList<>();

	private AlertBinding() {
	}

	static Alert toModel(AlertXml xml, List<String> signatures) {
		AlertBinding binding = new AlertBinding();
		Alert alert = binding.alert(xml, signatures);
		if (!binding.problems.isEmpty()) {
			throw new CapRefusal(binding.problems);
		}
		return alert;
	}

	private Alert alert(AlertXml xml, List<String> signatures) {
		List<Info> infos = new ArrayList<>();
		for (int i = 0; i < xml.info.size(); i++) {
			infos.add(info(xml.info.get(i), "info " + (i + 1)));
		}
		return new Alert(required(xml.identifier), required(xml.sender), time(xml.sent, "sent"),
				value(Status.class, xml.status), value(MessageType.class, xml.msgType), optional(xml.source),
				value(Scope.class, xml.scope), optional(xml.restriction), CapText.split(optional(xml.addresses)),
				xml.code, optional(xml.note), references(xml.references), CapText.split(optional(xml.incidents)),
				infos, signatures);
	}

	private Info info(InfoXml xml, String where) {
		List<Area> areas = new ArrayList<>();
		for (int a = 0; a < xml.area.size(); a++) {
			areas.add(area(xml.area.get(a), where + " area " + (a + 1)));
		}
		return new Info(optional(xml.language), values(Category.class, xml.category), required(xml.event),
				values(ResponseType.class, xml.responseType), value(Urgency.class, xml.urgency),
				value(Severity.class, xml.severity), value(Certainty.class, xml.certainty), optional(xml.audience),
				named(xml.eventCode), optionalTime(xml.effective, where + " effective"),
				optionalTime(xml.onset, where + " onset"), optionalTime(xml.expires, where + " expires"),
				optional(xml.senderName), optional(xml.headline), optional(xml.description),
				optional(xml.instruction), optional(xml.web), optional(xml.contact), named(xml.parameter),
				xml.resource.stream().map(this::resource).toList(), areas);
	}

	private Resource resource(ResourceXml xml) {
		Long size = null;
		if (optional(xml.size) != null) {
			try {
				size = Long.valueOf(required(xml.size).strip());
			}
			catch (NumberFormatException ex) {
				problem(CapErrorCode.CAP_SCHEMA_INVALID, "resource size is not a number of bytes: " + xml.size);
			}
		}
		return new Resource(required(xml.resourceDesc), required(xml.mimeType), size, optional(xml.uri),
				optional(xml.derefUri), optional(xml.digest));
	}

	private Area area(AreaXml xml, String where) {
		return new Area(required(xml.areaDesc), shapes(xml.polygon, Polygon::parse, where + " polygon"),
				shapes(xml.circle, Circle::parse, where + " circle"), named(xml.geocode), decimal(xml.altitude),
				decimal(xml.ceiling));
	}

	private <T> List<T> shapes(List<String> texts, Function<String, T> parse, String where) {
		List<T> shapes = new ArrayList<>();
		for (int s = 0; s < texts.size(); s++) {
			String text = texts.get(s);
			if (text == null || text.isBlank()) {
				continue;
			}
			try {
				shapes.add(parse.apply(text));
			}
			catch (IllegalArgumentException ex) {
				problem(CapErrorCode.CAP_GEOMETRY_MALFORMED, where + " " + (s + 1) + ": " + ex.getMessage());
			}
		}
		return shapes;
	}

	private List<Reference> references(@Nullable String text) {
		List<Reference> references = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return references;
		}
		for (String entry : text.strip().split("\\s+")) {
			try {
				references.add(Reference.parse(entry));
			}
			catch (IllegalArgumentException ex) {
				problem(CapErrorCode.CAP_REFERENCE_MALFORMED, ex.getMessage());
			}
		}
		return references;
	}

	private static List<NamedValue> named(List<NamedValueXml> values) {
		return values.stream()
			.map(value -> new NamedValue(nonNull(value.valueName), nonNull(value.value)))
			.toList();
	}

	private OffsetDateTime time(@Nullable String text, String what) {
		OffsetDateTime time = optionalTime(text, what);
		return time == null ? OffsetDateTime.MIN : time;
	}

	private @Nullable OffsetDateTime optionalTime(@Nullable String text, String what) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return CapTimes.parse(text);
		}
		catch (DateTimeParseException ex) {
			problem(CapErrorCode.CAP_SCHEMA_INVALID, what + " is not a CAP time: " + text);
			return null;
		}
	}

	private <E extends Enum<E> & CapValue> E value(Class<E> type, @Nullable String text) {
		try {
			return CapValue.parse(type, nonNull(text).strip());
		}
		catch (IllegalArgumentException ex) {
			problem(CapErrorCode.CAP_SCHEMA_INVALID, ex.getMessage());
			return type.getEnumConstants()[0];
		}
	}

	private <E extends Enum<E> & CapValue> List<E> values(Class<E> type, List<String> texts) {
		return texts.stream().map(text -> value(type, text)).toList();
	}

	private static @Nullable BigDecimal decimal(@Nullable String text) {
		return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
	}

	private static String required(@Nullable String text) {
		return nonNull(text);
	}

	private static String nonNull(@Nullable String text) {
		return text == null ? "" : text;
	}

	private static @Nullable String optional(@Nullable String text) {
		return text == null || text.isEmpty() ? null : text;
	}

	private void problem(CapErrorCode code, String message) {
		problems.add(new CapProblem(code, message));
	}

	// writing

	static AlertXml toXml(Alert alert) {
		AlertXml xml = new AlertXml();
		xml.identifier = alert.identifier();
		xml.sender = alert.sender();
		xml.sent = CapTimes.format(alert.sent());
		xml.status = alert.status().cap();
		xml.msgType = alert.msgType().cap();
		xml.source = alert.source();
		xml.scope = alert.scope().cap();
		xml.restriction = alert.restriction();
		xml.addresses = alert.addresses().isEmpty() ? null : CapText.join(alert.addresses());
		xml.code = new ArrayList<>(alert.codes());
		xml.note = alert.note();
		xml.references = alert.references().isEmpty() ? null
				: String.join(" ", alert.references().stream().map(Reference::toCap).toList());
		xml.incidents = alert.incidents().isEmpty() ? null : CapText.join(alert.incidents());
		xml.info = new ArrayList<>(alert.infos().stream().map(AlertBinding::toXml).toList());
		return xml;
	}

	private static InfoXml toXml(Info info) {
		InfoXml xml = new InfoXml();
		xml.language = info.language();
		xml.category = caps(info.categories());
		xml.event = info.event();
		xml.responseType = caps(info.responseTypes());
		xml.urgency = info.urgency().cap();
		xml.severity = info.severity().cap();
		xml.certainty = info.certainty().cap();
		xml.audience = info.audience();
		xml.eventCode = toXml(info.eventCodes());
		xml.effective = formatted(info.effective());
		xml.onset = formatted(info.onset());
		xml.expires = formatted(info.expires());
		xml.senderName = info.senderName();
		xml.headline = info.headline();
		xml.description = info.description();
		xml.instruction = info.instruction();
		xml.web = info.web();
		xml.contact = info.contact();
		xml.parameter = toXml(info.parameters());
		xml.resource = new ArrayList<>(info.resources().stream().map(AlertBinding::toXml).toList());
		xml.area = new ArrayList<>(info.areas().stream().map(AlertBinding::toXml).toList());
		return xml;
	}

	private static ResourceXml toXml(Resource resource) {
		ResourceXml xml = new ResourceXml();
		xml.resourceDesc = resource.resourceDesc();
		xml.mimeType = resource.mimeType();
		xml.size = resource.size() == null ? null : resource.size().toString();
		xml.uri = resource.uri();
		xml.derefUri = resource.derefUri();
		xml.digest = resource.digest();
		return xml;
	}

	private static AreaXml toXml(Area area) {
		AreaXml xml = new AreaXml();
		xml.areaDesc = area.areaDesc();
		xml.polygon = new ArrayList<>(area.polygons().stream().map(Polygon::toCap).toList());
		xml.circle = new ArrayList<>(area.circles().stream().map(Circle::toCap).toList());
		xml.geocode = toXml(area.geocodes());
		xml.altitude = area.altitude() == null ? null : area.altitude().toPlainString();
		xml.ceiling = area.ceiling() == null ? null : area.ceiling().toPlainString();
		return xml;
	}

	private static List<NamedValueXml> toXml(List<NamedValue> values) {
		return new ArrayList<>(values.stream().map(value -> new NamedValueXml(value.valueName(), value.value())).toList());
	}

	private static List<String> caps(List<? extends CapValue> values) {
		return new ArrayList<>(Arrays.asList(values.stream().map(CapValue::cap).toArray(String[]::new)));
	}

	private static @Nullable String formatted(@Nullable OffsetDateTime time) {
		return time == null ? null : CapTimes.format(time);
	}

}
