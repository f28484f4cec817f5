package cn.fj.emergency.command.incident.web;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.incident.AddingIncidentNote;
import cn.fj.emergency.command.incident.Assignment;
import cn.fj.emergency.command.incident.AssigningIncident;
import cn.fj.emergency.command.incident.ChangingIncidentLevel;
import cn.fj.emergency.command.incident.ChangingIncidentStatus;
import cn.fj.emergency.command.incident.DuplicateSuspicion;
import cn.fj.emergency.command.incident.Incident;
import cn.fj.emergency.command.incident.IncidentPage;
import cn.fj.emergency.command.incident.IncidentPicture;
import cn.fj.emergency.command.incident.IncidentReport;
import cn.fj.emergency.command.incident.IncidentSummary;
import cn.fj.emergency.command.incident.LevelChange;
import cn.fj.emergency.command.incident.Note;
import cn.fj.emergency.command.incident.QueryPolicy;
import cn.fj.emergency.command.incident.QueryingIncidents;
import cn.fj.emergency.command.incident.ReportReceipt;
import cn.fj.emergency.command.incident.ReportingIncident;
import cn.fj.emergency.command.incident.StatusChange;
import cn.fj.emergency.command.incident.TimelineEntry;
import cn.fj.emergency.command.security.HubPrincipal;

/** HTTP routes of incidents (docs/http-api.md). Who may call which is the access policy's table. */
@RestController
@RequestMapping("/api/incidents")
class IncidentHttpRoutes {

	private final ReportingIncident reporting;

	private final QueryingIncidents querying;

	private final ChangingIncidentStatus changingStatus;

	private final ChangingIncidentLevel changingLevel;

	private final AssigningIncident assigning;

	private final AddingIncidentNote addingNote;

	IncidentHttpRoutes(ReportingIncident reporting, QueryingIncidents querying, ChangingIncidentStatus changingStatus,
			ChangingIncidentLevel changingLevel, AssigningIncident assigning, AddingIncidentNote addingNote) {
		this.reporting = reporting;
		this.querying = querying;
		this.changingStatus = changingStatus;
		this.changingLevel = changingLevel;
		this.assigning = assigning;
		this.addingNote = addingNote;
	}

	/** From city platforms, officers and intake systems (110, 12345, sensors). */
	@PostMapping
	@ResponseStatus(HttpStatus.OK)
	Mono<ReportReceipt> report(HubPrincipal principal, @RequestBody IncidentReport report) {
		return this.reporting.report(principal, report);
	}

	@GetMapping
	Mono<IncidentPage> search(HubPrincipal principal, @RequestParam(required = false) @Nullable String city,
			@RequestParam(required = false) @Nullable String county,
			@RequestParam(required = false) @Nullable List<String> level,
			@RequestParam(required = false) @Nullable List<String> status,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String exercise,
			@RequestParam(required = false) @Nullable String open,
			@RequestParam(required = false) @Nullable String before,
			@RequestParam(required = false) @Nullable String size,
			@RequestParam(required = false) @Nullable String source, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String sort) {
		return this.querying.search(principal, new QueryPolicy.Params(city, county, level == null ? List.of() : level,
				status == null ? List.of() : status, category, from, to, exercise, open, before, size, source, q, sort));
	}

	@GetMapping("/summary")
	Mono<IncidentSummary> summary(HubPrincipal principal, @RequestParam(required = false) @Nullable String city,
			@RequestParam(required = false) @Nullable String exercise,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
		return this.querying.summary(principal, city, exercise, from, to);
	}

	@GetMapping("/picture")
	Mono<IncidentPicture> picture(HubPrincipal principal, @RequestParam(required = false) @Nullable String city,
			@RequestParam(required = false) @Nullable String exercise) {
		return this.querying.picture(principal, city, exercise);
	}

	@GetMapping("/duplicate-suspicions")
	Flux<DuplicateSuspicion> suspicions(HubPrincipal principal, @RequestParam(required = false) @Nullable String city,
			@RequestParam(required = false) @Nullable String before,
			@RequestParam(required = false) @Nullable String size) {
		return this.querying.suspicions(principal, city, before, size);
	}

	@GetMapping("/{id}")
	Mono<Incident> incident(HubPrincipal principal, @PathVariable UUID id) {
		return this.querying.incident(principal, id);
	}

	@GetMapping("/{id}/timeline")
	Flux<TimelineEntry> timeline(HubPrincipal principal, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String after,
			@RequestParam(required = false) @Nullable String limit) {
		return this.querying.timeline(principal, id, after, limit);
	}

	@PostMapping("/{id}/status")
	Mono<Incident> changeStatus(HubPrincipal principal, @PathVariable UUID id, @RequestBody StatusChange change) {
		return this.changingStatus.change(principal, id, change);
	}

	@PostMapping("/{id}/level")
	Mono<Incident> changeLevel(HubPrincipal principal, @PathVariable UUID id, @RequestBody LevelChange change) {
		return this.changingLevel.change(principal, id, change);
	}

	@PostMapping("/{id}/assignment")
	Mono<Incident> assign(HubPrincipal principal, @PathVariable UUID id, @RequestBody Assignment assignment) {
		return this.assigning.assign(principal, id, assignment);
	}

	@PostMapping("/{id}/notes")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<TimelineEntry> addNote(HubPrincipal principal, @PathVariable UUID id, @RequestBody Note note) {
		return this.addingNote.add(principal, id, note);
	}

}
