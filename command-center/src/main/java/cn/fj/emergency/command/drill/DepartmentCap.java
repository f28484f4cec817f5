package cn.fj.emergency.command.drill;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/** A department's CAP 1.2 alert for a scenario step, always with status Exercise (docs/cap-profile.md, inbound). */
final class DepartmentCap {

	private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

	private DepartmentCap() {
	}

	/** A sent alert, as a later Update or Cancel references it. */
	record Sent(String sender, String identifier, OffsetDateTime sent) {

		String reference() {
			return this.sender + "," + this.identifier + "," + CAP_TIME.format(this.sent);
		}

	}

	static String xml(Scenario.DepartmentAlert alert, Sent self, @Nullable Sent references) {
		String msgType = alert.msgType() == null ? "Alert" : alert.msgType();
		OffsetDateTime expires = self.sent().plusSeconds(Math.round(alert.expiresAfterMinutes() * 60));
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">\n");
		element(xml, "identifier", self.identifier());
		element(xml, "sender", self.sender());
		element(xml, "sent", CAP_TIME.format(self.sent()));
		element(xml, "status", "Exercise");
		element(xml, "msgType", msgType);
		element(xml, "scope", "Public");
		element(xml, "note", "Drill: exercise data, not a real warning");
		if (references != null) {
			element(xml, "references", references.reference());
		}
		xml.append("<info>\n");
		element(xml, "language", "zh-CN");
		element(xml, "category", alert.category() == null ? "Met" : alert.category());
		element(xml, "event", alert.event());
		element(xml, "urgency", "Cancel".equals(msgType) ? "Past" : "Expected");
		element(xml, "severity", severity(alert.colour()));
		element(xml, "certainty", "Likely");
		element(xml, "expires", CAP_TIME.format(expires));
		element(xml, "headline", alert.headline());
		element(xml, "description", alert.description() == null ? alert.headline() : alert.description());
		xml.append("<parameter><valueName>warningColour</valueName><value>").append(alert.colour())
			.append("</value></parameter>\n");
		xml.append("<area>\n");
		element(xml, "areaDesc", String.join(" ", alert.areaCodes()));
		for (String code : alert.areaCodes()) {
			xml.append("<geocode><valueName>GB/T 2260</valueName><value>").append(code).append("</value></geocode>\n");
		}
		xml.append("</area>\n</info>\n</alert>\n");
		return xml.toString();
	}

	static String severity(@Nullable String colour) {
		return switch (colour == null ? "" : colour) {
			case "red" -> "Extreme";
			case "orange" -> "Severe";
			case "yellow" -> "Moderate";
			default -> "Minor";
		};
	}

	private static void element(StringBuilder xml, String name, @Nullable String text) {
		xml.append('<').append(name).append('>').append(escape(text == null ? "" : text)).append("</").append(name)
			.append(">\n");
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
