package cn.fj.emergency.command.exchange;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.incident.FindingIncident;
import cn.fj.emergency.command.incident.Incident;
import cn.fj.emergency.command.security.HubPrincipal;

/**
 * An incident as a NENA EIDO 1.0 (docs/eido.md, "Export"): its id a URN of ours, its type, title, level, status
 * and drill flag in the incident component, its description as a note, its position and county as PIDF-LO, and the
 * province's hub as owning agency and agent. Times are written with +08:00.
 */
@Component
public class ExportingEido {

	static final String CONTEXT = "./JSON-LD_Contexts/EmergencyIncidentDataObjectType.jsonld";

	/** Our statuses in the words of the EIDO incident status registry, as near as they go. */
	static final Map<String, String> STATUS_TEXT = Map.of("REPORTED", "Pending", "VERIFIED", "Open", "RESPONDING",
			"Dispatched", "CONTAINED", "Controlled", "CLOSED", "Closed", "DISMISSED", "Closed", "MERGED", "Closed");

	private final FindingIncident incidents;

	private final EidoProperties properties;

	private final JsonMapper json;

	public ExportingEido(FindingIncident incidents, EidoProperties properties, JsonMapper json) {
		this.incidents = incidents;
		this.properties = properties;
		this.json = json;
	}

	public Mono<JsonNode> export(HubPrincipal principal, UUID incidentId) {
		return this.incidents.visibleTo(principal, incidentId).map(this::eido);
	}

	JsonNode eido(Incident incident) {
		String agency = this.properties.agencyId();
		String agent = this.properties.agentId();
		String urn = ImportingEido.urn(incident.id(), agency);
		String updated = time(incident.reportedAt());
		ObjectNode eido = prologue(urn, updated);
		eido.put("EIDOVersion", "1.0");
		eido.put("incidentTrackingIdentifier", urn);
		eido.put("reasonForIssueRegistryText", "Requested");
		eido.put("issuingElementIdentification", "hub." + agency);
		eido.putObject("agentReference").put("$ref", agent);
		eido.putArray("agencyReference").addObject().put("$ref", agency);
		String importedFrom = importedFrom(incident);
		if (importedFrom != null) {
			ObjectNode link = prologue(urn + ":link:0", updated);
			link.put("incidentTrackingIdentification", importedFrom);
			link.put("linkDirectionCode", "RELATED");
			link.put("transactionReasonText", "Imported from this EIDO");
			eido.putArray("linkComponent").add(link);
		}
		eido.putArray("incidentComponent").add(incidentComponent(incident, urn, updated));
		ObjectNode agencyComponent = prologue(agency, updated);
		agencyComponent.put("organizationIdentification", agency);
		agencyComponent.putArray("agencyRoleDescriptionRegistryText").add("Emergency Management");
		agencyComponent.putArray("agencyType").add("EmergencyManagement");
		agencyComponent.put("incidentOwningAgencyIndicator", true);
		eido.putArray("agencyComponent").add(agencyComponent);
		ObjectNode agentComponent = prologue(agent, updated);
		agentComponent.put("agentIdentification", agent);
		agentComponent.putArray("agentRoleRegistryText").add("Automated");
		agentComponent.putObject("agencyReference").put("$ref", agency);
		eido.putArray("agentComponent").add(agentComponent);
		if (incident.description() != null) {
			ObjectNode note = prologue(urn + ":notes:0", updated);
			note.put("notesActionComments", PidfLo.escape(incident.description()));
			note.putObject("agentReference").put("$ref", agent);
			eido.putArray("notesComponent").add(note);
		}
		ObjectNode location = prologue(urn + ":location:0", updated);
		location.put("locationTypeDescriptionRegistryText", "Incident");
		location.put("locationByValue", pidfLo(incident, urn));
		eido.putArray("locationInformationComponent").add(location);
		eido.putObject("@context").put("@vocab", CONTEXT);
		return eido;
	}

	/** The EIDO incident id an imported incident was filed under, where its report id still holds it. */
	static @Nullable String importedFrom(Incident incident) {
		String reportId = incident.reportId();
		if (!reportId.startsWith("eido:") || reportId.startsWith("eido:sha256:")) {
			return null;
		}
		return reportId.substring("eido:".length());
	}

	private ObjectNode incidentComponent(Incident incident, String urn, String updated) {
		ObjectNode component = prologue(urn + ":incident:0", updated);
		component.put("internalIncidentId", incident.id().toString());
		component.put("incidentTypeCommonRegistryText", EidoTypes.registryText(incident.category()));
		component.put("incidentTypeInternalCode", EidoTypes.MARKER + incident.category());
		component.put("incidentTypeInternalText", incident.title());
		component.put("incidentStatusCommonRegistryText", STATUS_TEXT.getOrDefault(incident.status(), "Open"));
		ArrayNode statuses = component.putArray("incidentStatusInternalText").add(incident.status());
		if (incident.exercise()) {
			statuses.add("EXERCISE");
		}
		component.put("incidentPriorityInternalText", "level:" + incident.level().name());
		component.putArray("locationReference").addObject().put("$ref", urn + ":location:0");
		if (incident.description() != null) {
			component.putObject("notesReference").put("$ref", urn + ":notes:0");
		}
		return component;
	}

	private String pidfLo(Incident incident, String urn) {
		Areas.County county = Areas.county(incident.countyCode()).orElse(null);
		Areas.City city = Areas.city(incident.cityCode()).orElse(null);
		return PidfLo.write("pres:" + urn, incident.latitude(), incident.longitude(), city == null ? null : city.nameZh(),
				county == null ? null : county.nameZh(), incident.occurredAt());
	}

	/** The prologue every EIDO component starts with. */
	private ObjectNode prologue(String id, String updated) {
		ObjectNode node = this.json.createObjectNode();
		node.put("$id", id);
		node.put("lastUpdateTimeStamp", updated);
		node.put("owningAgencyIdentifier", this.properties.agencyId());
		node.put("updatedByAgentIdentifier", this.properties.agentId());
		return node;
	}

	private static String time(Instant instant) {
		return instant.atOffset(ZoneOffset.ofHours(8)).toString();
	}

}
