package cn.fj.emergency.resources.reservation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.resources.Actor;
import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyException;
import cn.fj.emergency.resources.stock.MovementPolicy;

/** What makes a request acceptable; each refusal with its reason and the field at fault. */
public final class RequestPolicy {

	static final int MAX_LINES = 100;

	static final int MAX_TEXT = 500;

	static final long MAX_QUANTITY = 1_000_000_000L;

	private static final Pattern AREA = Pattern.compile("\\d{6}");

	private RequestPolicy() {
	}

	public static ValidRequest check(RequestForm form, Actor requester, Instant now) {
		String messageId = MovementPolicy.id("requestId", form.requestId());
		String city = city(form.cityCode(), requester);
		Instant sentAt = (form.sentAt() == null ? now : MovementPolicy.time("sentAt", form.sentAt()))
			.truncatedTo(ChronoUnit.MICROS);
		List<RequestForm.Line> forms = form.lines();
		if (forms == null || forms.isEmpty()) {
			throw new SupplyException(SupplyError.FIELD_REQUIRED, "lines", "A request needs at least one line");
		}
		if (forms.size() > MAX_LINES) {
			throw new SupplyException(SupplyError.INVALID_FIELD, "lines", "A request has at most " + MAX_LINES + " lines");
		}
		List<RequestLine> lines = new ArrayList<>();
		Set<String> elementIds = new HashSet<>();
		for (RequestForm.Line line : forms) {
			RequestLine valid = line(lines.size() + 1, line);
			if (!elementIds.add(valid.elementId())) {
				throw new SupplyException(SupplyError.INVALID_FIELD, "elementId", "Line element id " + valid.elementId() + " repeats");
			}
			lines.add(valid);
		}
		String incident = text("incidentId", form.incidentId());
		String contact = text("contact", form.contact());
		String location = text("location", form.location());
		String note = text("note", form.note());
		StringBuilder content = new StringBuilder();
		content.append(messageId).append('\u001f').append(city).append('\u001f').append(incident).append('\u001f')
			.append(contact).append('\u001f').append(location).append('\u001f').append(note);
		// when it was sent is not what is requested: a resend (or an export re-imported) is the same request
		for (RequestLine l : lines) {
			content.append('\u001e').append(l.elementId()).append('\u001f').append(l.itemCode()).append('\u001f')
				.append(l.typeUrn()).append('\u001f').append(l.typeValue()).append('\u001f').append(l.resourceName())
				.append('\u001f').append(l.quantity());
		}
		return new ValidRequest(requester.key(), messageId, city, incident, contact, location, note, sentAt, lines,
				MovementPolicy.hash(content.toString()));
	}

	private static String city(@Nullable String cityCode, Actor requester) {
		String own = requester.cityCode();
		if (own != null) {
			if (cityCode != null && !cityCode.equals(own)) {
				throw new SupplyException(SupplyError.INVALID_FIELD, "cityCode", "A platform of " + own
						+ " requests for its own city, not for " + cityCode);
			}
			return own;
		}
		if (cityCode == null || !AREA.matcher(cityCode).matches()) {
			throw new SupplyException(SupplyError.FIELD_REQUIRED, "cityCode",
					"A province-wide requester names the city it requests for (GB/T 2260)");
		}
		return cityCode;
	}

	private static RequestLine line(int lineNo, RequestForm.Line line) {
		String elementId = line.elementId() == null || line.elementId().isBlank() ? "line-" + lineNo
				: MovementPolicy.id("elementId", line.elementId());
		String item = line.itemCode() == null || line.itemCode().isBlank() ? null : line.itemCode();
		String typeUrn = text("typeUrn", line.typeUrn());
		String typeValue = text("typeValue", line.typeValue());
		String name = text("resourceName", line.resourceName());
		if (item == null && typeValue == null && name == null) {
			throw new SupplyException(SupplyError.FIELD_REQUIRED, "itemCode",
					"Line " + lineNo + " names neither a catalogue item nor a resource type");
		}
		Long quantity = line.quantity();
		if (quantity == null) {
			throw new SupplyException(SupplyError.FIELD_REQUIRED, "quantity", "Line " + lineNo + " has no quantity");
		}
		if (quantity <= 0 || quantity > MAX_QUANTITY) {
			throw new SupplyException(SupplyError.INVALID_FIELD, "quantity",
					"Line " + lineNo + ": quantity is between 1 and " + MAX_QUANTITY);
		}
		return new RequestLine(lineNo, elementId, item, typeUrn, typeValue, name, quantity);
	}

	private static @Nullable String text(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > MAX_TEXT) {
			throw new SupplyException(SupplyError.FIELD_TOO_LONG, field, field + " has at most " + MAX_TEXT + " characters");
		}
		return text;
	}

}
