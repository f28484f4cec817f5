package cn.fj.emergency.command.incident.rsocket;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.incident.AddingIncidentNote;
import cn.fj.emergency.command.incident.ChangingIncidentStatus;
import cn.fj.emergency.command.incident.Incident;
import cn.fj.emergency.command.incident.IncidentReport;
import cn.fj.emergency.command.incident.Note;
import cn.fj.emergency.command.incident.ReportReceipt;
import cn.fj.emergency.command.incident.ReportingIncident;
import cn.fj.emergency.command.incident.StatusChange;
import cn.fj.emergency.command.incident.TimelineEntry;
import cn.fj.emergency.command.security.HubPrincipal;

/** City-link routes of incidents (docs/city-link.md). A city acts on its own city's incidents only. */
@Controller
class IncidentRoutes {

	private final ReportingIncident reporting;

	private final ChangingIncidentStatus changingStatus;

	private final AddingIncidentNote addingNote;

	IncidentRoutes(ReportingIncident reporting, ChangingIncidentStatus changingStatus, AddingIncidentNote addingNote) {
		this.reporting = reporting;
		this.changingStatus = changingStatus;
		this.addingNote = addingNote;
	}

	@MessageMapping("incidents.report")
	Mono<ReportReceipt> report(IncidentReport report, HubPrincipal principal) {
		return this.reporting.report(principal, report);
	}

	@MessageMapping("incidents.update-status")
	Mono<Incident> updateStatus(StatusUpdate update, HubPrincipal principal) {
		return Mono.fromCallable(() -> incidentId(update.incidentId()))
			.flatMap(id -> this.changingStatus.change(principal, id, new StatusChange(update.status(), update.reason(),
					update.mergedInto(), update.expectedVersion(), update.expectedStatus())));
	}

	@MessageMapping("incidents.add-note")
	Mono<TimelineEntry> addNote(NoteRequest request, HubPrincipal principal) {
		return Mono.fromCallable(() -> incidentId(request.incidentId()))
			.flatMap(id -> this.addingNote.add(principal, id, new Note(request.text())));
	}

	private static UUID incidentId(@Nullable UUID id) {
		if (id == null) {
			throw HubException.field(ErrorCode.FIELD_REQUIRED, "incidentId", "incidentId is required");
		}
		return id;
	}

	/** {@code incidents.update-status}: the incident and the change of {@code POST /api/incidents/{id}/status}. */
	record StatusUpdate(@Nullable UUID incidentId, @Nullable String status, @Nullable String reason,
			@Nullable UUID mergedInto, @Nullable Long expectedVersion, @Nullable String expectedStatus) {
	}

	/** {@code incidents.add-note}: the incident and the note's text. */
	record NoteRequest(@Nullable UUID incidentId, @Nullable String text) {
	}

}
