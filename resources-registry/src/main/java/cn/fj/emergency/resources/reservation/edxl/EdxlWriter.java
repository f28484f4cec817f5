package cn.fj.emergency.resources.reservation.edxl;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.resources.reservation.Commitment;
import cn.fj.emergency.resources.reservation.CommitmentStatus;
import cn.fj.emergency.resources.reservation.RequestLine;
import cn.fj.emergency.resources.reservation.SupplyRequest;

/**
 * Writes requests and commitments as EDXL-RM 1.0 RequestResource and CommitResource. Catalogue items are typed by
 * the value list {@link EdxlMapping#ITEM_LIST} (the item code as value); a depot is named by the keyword list
 * {@link EdxlMapping#DEPOT_LIST}. Times carry the +08:00 offset.
 */
final class EdxlWriter {

	static final String MSG = "urn:oasis:names:tc:emergency:EDXL:RM:1.0:msg";

	static final String RM = "urn:oasis:names:tc:emergency:EDXL:RM:1.0";

	private EdxlWriter() {
	}

	public static String request(SupplyRequest request) {
		StringBuilder xml = head(EdxlMessage.REQUEST, request.messageId(), request.sentAt());
		xml.append("  <rmsg:OriginatingMessageID>").append(esc(request.messageId())).append("</rmsg:OriginatingMessageID>\n");
		incident(xml, request.incidentId(), request.note());
		contact(xml, request.contact(), request.location());
		for (RequestLine line : request.lines()) {
			xml.append("  <rmsg:ResourceInformation>\n");
			element(xml, "    ", "rmsg:ResourceInfoElementID", line.elementId());
			xml.append("    <rmsg:Resource>\n");
			element(xml, "      ", "rmsg:Name", line.resourceName());
			typeStructure(xml, line.itemCode() != null ? EdxlMapping.ITEM_LIST : line.typeUrn(),
					line.itemCode() != null ? line.itemCode() : line.typeValue());
			xml.append("    </rmsg:Resource>\n");
			quantity(xml, line.quantity());
			xml.append("  </rmsg:ResourceInformation>\n");
		}
		return xml.append("</rmsg:RequestResource>\n").toString();
	}

	/** The commitments that meet the request's need, as one CommitResource answering it. */
	public static String commit(SupplyRequest request, List<Commitment> commitments, String messageId, Instant sentAt) {
		StringBuilder xml = head(EdxlMessage.COMMIT, messageId, sentAt);
		xml.append("  <rmsg:OriginatingMessageID>").append(esc(request.messageId())).append("</rmsg:OriginatingMessageID>\n");
		xml.append("  <rmsg:PrecedingMessageID>").append(esc(request.messageId())).append("</rmsg:PrecedingMessageID>\n");
		incident(xml, request.incidentId(), null);
		contact(xml, "Owner", "Fujian Provincial Emergency Command Centre");
		int n = 0;
		for (Commitment c : commitments) {
			if (!c.status().meetsNeed()) {
				continue;
			}
			RequestLine line = request.lines().stream().filter(l -> l.lineNo() == c.lineNo()).findFirst().orElseThrow();
			xml.append("  <rmsg:ResourceInformation>\n");
			element(xml, "    ", "rmsg:ResourceInfoElementID", "ResourceInfoElementID." + (++n));
			xml.append("    <rmsg:ResponseInformation>\n");
			element(xml, "      ", "rm:PrecedingResourceInfoElementID", line.elementId());
			element(xml, "      ", "rm:ResponseType", "Accept");
			xml.append("    </rmsg:ResponseInformation>\n");
			xml.append("    <rmsg:Resource>\n");
			element(xml, "      ", "rmsg:ResourceID", c.status() == CommitmentStatus.EXTERNAL && c.resourceId() != null
					? c.resourceId() : c.id().toString());
			element(xml, "      ", "rmsg:Name", c.resourceName() != null ? c.resourceName() : line.resourceName());
			typeStructure(xml, c.itemCode() != null ? EdxlMapping.ITEM_LIST : line.typeUrn(),
					c.itemCode() != null ? c.itemCode() : line.typeValue());
			if (c.depotCode() != null) {
				xml.append("      <rmsg:Keyword>\n");
				element(xml, "        ", "rm:ValueListURN", EdxlMapping.DEPOT_LIST);
				element(xml, "        ", "rm:Value", c.depotCode());
				xml.append("      </rmsg:Keyword>\n");
			}
			xml.append("    </rmsg:Resource>\n");
			quantity(xml, c.quantity());
			xml.append("    <rmsg:ScheduleInformation>\n");
			element(xml, "      ", "rmsg:ScheduleType", "Committed");
			xml.append("    </rmsg:ScheduleInformation>\n");
			xml.append("  </rmsg:ResourceInformation>\n");
		}
		return xml.append("</rmsg:CommitResource>\n").toString();
	}

	private static StringBuilder head(String type, String messageId, Instant sentAt) {
		StringBuilder xml = new StringBuilder(2048);
		xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		xml.append("<rmsg:").append(type).append(" xmlns:rmsg=\"").append(MSG).append("\" xmlns:rm=\"").append(RM).append("\">\n");
		element(xml, "  ", "rmsg:MessageID", messageId);
		element(xml, "  ", "rmsg:SentDateTime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(sentAt.atOffset(EdxlReader.CHINA)));
		element(xml, "  ", "rmsg:MessageContentType", type);
		return xml;
	}

	private static void incident(StringBuilder xml, @Nullable String incidentId, @Nullable String description) {
		if (incidentId == null && description == null) {
			return;
		}
		xml.append("  <rmsg:IncidentInformation>\n");
		element(xml, "    ", "rm:IncidentID", incidentId);
		element(xml, "    ", "rm:IncidentDescription", description);
		xml.append("  </rmsg:IncidentInformation>\n");
	}

	private static void contact(StringBuilder xml, @Nullable String role, @Nullable String location) {
		if (role == null && location == null) {
			return;
		}
		xml.append("  <rmsg:ContactInformation>\n");
		element(xml, "    ", "rm:ContactRole", role);
		if (location != null) {
			xml.append("    <rm:ContactLocation>\n");
			element(xml, "      ", "rm:LocationDescription", location);
			xml.append("    </rm:ContactLocation>\n");
		}
		xml.append("  </rmsg:ContactInformation>\n");
	}

	private static void typeStructure(StringBuilder xml, @Nullable String urn, @Nullable String value) {
		if (urn == null && value == null) {
			return;
		}
		xml.append("      <rmsg:TypeStructure>\n");
		element(xml, "        ", "rm:ValueListURN", urn);
		element(xml, "        ", "rm:Value", value);
		xml.append("      </rmsg:TypeStructure>\n");
	}

	private static void quantity(StringBuilder xml, long quantity) {
		xml.append("    <rmsg:AssignmentInformation>\n      <rmsg:Quantity>\n");
		element(xml, "        ", "rm:QuantityText", Long.toString(quantity));
		xml.append("      </rmsg:Quantity>\n    </rmsg:AssignmentInformation>\n");
	}

	private static void element(StringBuilder xml, String indent, String name, @Nullable String text) {
		if (text == null) {
			return;
		}
		xml.append(indent).append('<').append(name).append('>').append(esc(text)).append("</").append(name).append(">\n");
	}

	static String esc(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> {
					// characters XML 1.0 cannot carry are dropped rather than written as a broken document
					if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
