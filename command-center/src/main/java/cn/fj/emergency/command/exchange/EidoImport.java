package cn.fj.emergency.command.exchange;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The answer to an import, the same to every retry.
 *
 * @param eidoIncidentId the EIDO's incident id
 * @param reportId the incident report id the import was filed under ({@code eido:...}); null when the EIDO was
 *        recognised as our own export of an incident the caller may see
 * @param ownExport whether the EIDO's id is one of our URNs for an existing incident (nothing new was filed)
 * @param seq the sequence number of the incident's {@code incident.reported} event
 * @param notes what was derived or left out, for the importing officer
 */
public record EidoImport(UUID incidentId, String eidoIncidentId, @Nullable String reportId, boolean ownExport,
		long seq, String cityCode, List<String> notes) {
}
