package cn.fj.emergency.alerting.cap.xml;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import cn.fj.emergency.alerting.cap.CapErrorCode;
import cn.fj.emergency.alerting.cap.CapProblem;
import cn.fj.emergency.alerting.cap.CapRefusal;
import cn.fj.emergency.alerting.cap.CapTimes;
import cn.fj.emergency.alerting.cap.CapVersion;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A CAP 1.0 or 1.1 alert, already valid against its own version's schema, rewritten as the CAP 1.2 alert it
 * means, element by element (docs/cap-profile.md, "Older CAP versions", has the table):
 * <ul>
 * <li>the namespace becomes CAP 1.2's;</li>
 * <li>1.0's {@code password} is dropped (1.1 removed it; the hub never keeps a password);</li>
 * <li>1.0's {@code certainty} {@code Very Likely} becomes {@code Likely} (1.1 replaced it);</li>
 * <li>1.0's {@code eventCode}, {@code parameter} and {@code geocode}, written {@code valueName=value}, become
 * {@code valueName} and {@code value} elements, split at the first {@code =};</li>
 * <li>an info block of 1.0 without a {@code category} gets {@code Other} (1.1 and 1.2 require one);</li>
 * <li>a {@code resource} without a {@code mimeType} (optional before 1.2) gets
 * {@code application/octet-stream}, RFC 2046's type for content of unknown type;</li>
 * <li>times ({@code xs:dateTime} before 1.2) are written as 1.2 demands: whole seconds, a numeric offset
 * ({@code Z} becomes {@code +00:00}, fractions of a second are dropped);</li>
 * <li>{@code altitude} and {@code ceiling} (strings before 1.2) must be decimals.</li>
 * </ul>
 * What cannot be said in CAP 1.2 without guessing is refused ({@link CapErrorCode#CAP_UPGRADE_IMPOSSIBLE}), every
 * problem at once, each naming the version: a 1.0 alert without {@code scope} (who may see it), a time without an
 * offset, a {@code valueName=value} without {@code =}, an altitude that is not a number.
 */
final class CapUpgrade {

	/** RFC 2046: "The "octet-stream" subtype is used to indicate that a body contains arbitrary binary data." */
	static final String UNKNOWN_MIME_TYPE = "application/octet-stream";

	private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

	private final CapVersion version;

	private final Document document;

	private final List<CapProblem> problems = new ArrayList<>();

	private CapUpgrade(CapVersion version, Document document) {
		this.version = version;
		this.document = document;
	}

	/**
	 * The CAP 1.2 {@code alert} element that {@code alert} (of {@code version}, 1.0 or 1.1, schema-valid) means; a
	 * refusal with every problem if it cannot be said in 1.2.
	 */
	static Element toCap12(Element alert, CapVersion version) {
		if (version == CapVersion.V1_2) {
			return alert;
		}
		CapUpgrade upgrade = new CapUpgrade(version, alert.getOwnerDocument());
		Element upgraded = upgrade.alert(alert);
		if (!upgrade.problems.isEmpty()) {
			throw new CapRefusal(upgrade.problems);
		}
		return upgraded;
	}

	private Element alert(Element alert) {
		Element out = element("alert");
		boolean scope = false;
		int info = 0;
		for (Element child : elements(alert)) {
			switch (child.getLocalName()) {
				case "password" -> {
					// CAP 1.0 only; removed in 1.1: dropped
				}
				case "sent" -> out.appendChild(time(child, "sent"));
				case "scope" -> {
					scope = true;
					out.appendChild(copy(child));
				}
				case "info" -> out.appendChild(info(child, "info " + ++info));
				default -> out.appendChild(copy(child));
			}
		}
		if (!scope) {
			problem("the alert has no scope; CAP 1.2 requires one (Public, Restricted or Private) and the hub does not "
					+ "guess who may see an alert");
		}
		return out;
	}

	private Element info(Element info, String where) {
		Element out = element("info");
		boolean category = !elements(info, "category").isEmpty();
		for (Element child : elements(info)) {
			String name = child.getLocalName();
			switch (name) {
				case "event" -> {
					if (!category) {
						out.appendChild(text("category", "Other"));
					}
					out.appendChild(copy(child));
				}
				case "certainty" -> out.appendChild(
						"Very Likely".equals(child.getTextContent().strip()) ? text("certainty", "Likely") : copy(child));
				case "eventCode", "parameter" -> out.appendChild(named(child, where + " " + name));
				case "effective", "onset", "expires" -> out.appendChild(time(child, where + " " + name));
				case "resource" -> out.appendChild(resource(child));
				case "area" -> out.appendChild(area(child, where + " area"));
				default -> out.appendChild(copy(child));
			}
		}
		return out;
	}

	private Element resource(Element resource) {
		Element out = element("resource");
		boolean mimeType = !elements(resource, "mimeType").isEmpty();
		for (Element child : elements(resource)) {
			out.appendChild(copy(child));
			if (!mimeType && "resourceDesc".equals(child.getLocalName())) {
				out.appendChild(text("mimeType", UNKNOWN_MIME_TYPE));
			}
		}
		return out;
	}

	private Element area(Element area, String where) {
		Element out = element("area");
		for (Element child : elements(area)) {
			String name = child.getLocalName();
			switch (name) {
				case "geocode" -> out.appendChild(named(child, where + " geocode"));
				case "altitude", "ceiling" -> {
					String text = child.getTextContent().strip();
					if (!DECIMAL.matcher(text).matches()) {
						problem(where + " " + name + " \"" + text + "\" is not a number of feet; CAP 1.2 requires a decimal");
					}
					out.appendChild(text(name, text));
				}
				default -> out.appendChild(copy(child));
			}
		}
		return out;
	}

	/** {@code eventCode}, {@code parameter}, {@code geocode}: 1.1's structure copied, 1.0's text split. */
	private Element named(Element named, String where) {
		if (version != CapVersion.V1_0) {
			return copy(named);
		}
		Element out = element(named.getLocalName());
		String text = named.getTextContent();
		int equals = text.indexOf('=');
		if (equals < 0) {
			problem(where + " \"" + text.strip() + "\" is not valueName=value");
			out.appendChild(text("valueName", ""));
			out.appendChild(text("value", text.strip()));
			return out;
		}
		out.appendChild(text("valueName", text.substring(0, equals).strip()));
		out.appendChild(text("value", text.substring(equals + 1).strip()));
		return out;
	}

	/** An {@code xs:dateTime} as CAP 1.2 writes it, or a problem if it has no offset. */
	private Element time(Element time, String where) {
		String text = time.getTextContent().strip();
		try {
			CapTimes.parse(text);
			return text(time.getLocalName(), text);
		}
		catch (DateTimeParseException notCap12) {
			try {
				return text(time.getLocalName(),
						CapTimes.format(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
			}
			catch (DateTimeParseException noOffset) {
				problem(where + " \"" + text + "\" has no offset from UTC; CAP 1.2 requires one and the hub does "
						+ "not guess the time zone");
				return text(time.getLocalName(), text);
			}
		}
	}

	/** The element and its content in the CAP 1.2 namespace; text kept exactly, attributes (none in CAP) dropped. */
	private Element copy(Element element) {
		Element out = element(element.getLocalName());
		for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element child) {
				out.appendChild(copy(child));
			}
			else if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
				out.appendChild(this.document.createTextNode(node.getNodeValue()));
			}
		}
		return out;
	}

	private Element element(String localName) {
		return this.document.createElementNS(CapNamespaces.CAP, localName);
	}

	private Element text(String localName, String text) {
		Element element = element(localName);
		element.setTextContent(text);
		return element;
	}

	private static List<Element> elements(Element parent) {
		List<Element> children = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element) {
				children.add(element);
			}
		}
		return children;
	}

	private static List<Element> elements(Element parent, String localName) {
		return elements(parent).stream().filter(element -> localName.equals(element.getLocalName())).toList();
	}

	private void problem(String message) {
		this.problems.add(new CapProblem(CapErrorCode.CAP_UPGRADE_IMPOSSIBLE, this.version + ": " + message));
	}

}
