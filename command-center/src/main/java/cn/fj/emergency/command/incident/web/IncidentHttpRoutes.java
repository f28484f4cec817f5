package cn.fj.emergency.command.incident.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.incident.Incident;
import cn.fj.emergency.command.incident.IncidentReport;
import cn.fj.emergency.command.incident.ReportReceipt;
import cn.fj.emergency.command.incident.ReportingIncident;
import cn.fj.emergency.command.incident.persistence.IncidentStore;
import cn.fj.emergency.command.security.HubPrincipal;

/** HTTP routes of incidents (docs/http-api.md). */
@RestController
@RequestMapping("/api/incidents")
class IncidentHttpRoutes {

	private final ReportingIncident reporting;

	private final IncidentStore store;

	IncidentHttpRoutes(ReportingIncident reporting, IncidentStore store) {
		this.reporting = reporting;
		this.store = store;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.OK)
	Mono<ReportReceipt> report(HubPrincipal principal, @RequestBody IncidentReport report) {
		return this.reporting.report(principal, report);
	}

	@GetMapping("/{id}")
	Mono<Incident> incident(HubPrincipal principal, @PathVariable UUID id) {
		return ReportingIncident.visibleTo(principal, this.store.find(id), id);
	}

}
