package cn.fj.emergency.resources.reservation.edxl;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyException;
import cn.fj.emergency.resources.reservation.CommittingSupplies;
import cn.fj.emergency.resources.reservation.RequestForm;
import cn.fj.emergency.resources.reservation.RequestLine;
import cn.fj.emergency.resources.reservation.SupplyRequest;

/**
 * How EDXL-RM maps to requests and commitments. A RequestResource is a request: MessageID its id, IncidentID and
 * IncidentDescription its incident and note, ContactRole and LocationDescription its contact and location, each
 * ResourceInformation a line (a catalogue item when typed by {@link #ITEM_LIST}, else the type as sent). A
 * CommitResource from outside answers a request (OriginatingMessageID): each accepted resource commits its quantity
 * (1 when unstated) to the line its PrecedingResourceInfoElementID names.
 */
final class EdxlMapping {

	/** The value list whose values are the registry's item codes. */
	public static final String ITEM_LIST = "urn:fj-emergency:supply-item";

	/** The keyword list whose values are the registry's depot codes. */
	public static final String DEPOT_LIST = "urn:fj-emergency:depot";

	private EdxlMapping() {
	}

	public static RequestForm request(EdxlMessage message, @Nullable String cityCode) {
		if (!EdxlMessage.REQUEST.equals(message.contentType())) {
			throw new SupplyException(SupplyError.INVALID_EDXL, "Not a RequestResource: " + message.contentType());
		}
		List<RequestForm.Line> lines = new ArrayList<>();
		for (EdxlMessage.Resource r : message.resources()) {
			boolean item = ITEM_LIST.equals(r.typeUrn());
			lines.add(new RequestForm.Line(r.elementId(), item ? r.typeValue() : null, item ? null : r.typeUrn(),
					item ? null : r.typeValue(), r.name(), r.quantity()));
		}
		return new RequestForm(message.messageId(), cityCode, message.incidentId(), message.contactRole(),
				message.contactLocation(), message.incidentDescription(),
				message.sentAt() == null ? null : message.sentAt().atOffset(EdxlReader.CHINA).toString(), lines);
	}

	public static List<CommittingSupplies.External> commitments(EdxlMessage message, SupplyRequest request) {
		if (!EdxlMessage.COMMIT.equals(message.contentType())) {
			throw new SupplyException(SupplyError.INVALID_EDXL, "Not a CommitResource: " + message.contentType());
		}
		List<CommittingSupplies.External> lines = new ArrayList<>();
		for (EdxlMessage.Resource r : message.resources()) {
			if (r.responseType() != null && !r.responseType().equalsIgnoreCase("Accept")
					&& !r.responseType().equalsIgnoreCase("Provisional")) {
				continue;
			}
			if (r.keywords().containsKey(DEPOT_LIST)) {
				throw new SupplyException(SupplyError.INVALID_EDXL, "Resource " + r.elementId()
						+ " is stock of a registry depot: commit it through the commitments of the request");
			}
			RequestLine line = line(request, r);
			lines.add(new CommittingSupplies.External(line.lineNo(), r.quantity() == null ? 1 : r.quantity(),
					message.contactLocation(), r.resourceId(), r.name()));
		}
		if (lines.isEmpty()) {
			throw new SupplyException(SupplyError.INVALID_EDXL, "The CommitResource accepts no resource");
		}
		return lines;
	}

	private static RequestLine line(SupplyRequest request, EdxlMessage.Resource resource) {
		String preceding = resource.precedingElementId();
		if (preceding == null) {
			if (request.lines().size() == 1) {
				return request.lines().get(0);
			}
			throw new SupplyException(SupplyError.INVALID_EDXL,
					"Resource " + resource.elementId() + " does not say which request line it answers");
		}
		return request.lines().stream()
			.filter(l -> l.elementId().equals(preceding))
			.findFirst()
			.orElseThrow(() -> new SupplyException(SupplyError.INVALID_EDXL,
					"The request has no ResourceInfoElementID " + preceding));
	}

}
