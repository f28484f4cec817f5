package cn.fj.emergency.command.exchange;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the hub reads from an EIDO (see {@link EidoReader} and docs/eido.md): everything else in the document is
 * ignored.
 *
 * @param id the EIDO incident id: {@code incidentTrackingIdentifier}, else the document's {@code $id}
 * @param notes the notes' texts, markup removed, in document order
 * @param location the incident's location as read from its PIDF-LO, or null if it has none
 * @param occurredAt the earliest call start, else the location's timestamp, else the incident component's last
 *        update, else the document's
 */
record EidoIncident(String id, @Nullable String typeRegistryText, @Nullable String typeInternalCode,
		@Nullable String typeInternalText, List<String> statusInternal, @Nullable String priorityInternalText,
		List<String> notes, PidfLo.@Nullable Reading location, Instant occurredAt) {
}
