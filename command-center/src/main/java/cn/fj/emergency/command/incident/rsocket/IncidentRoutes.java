package cn.fj.emergency.command.incident.rsocket;

import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.incident.IncidentReport;
import cn.fj.emergency.command.incident.ReportReceipt;
import cn.fj.emergency.command.incident.ReportingIncident;
import cn.fj.emergency.command.security.HubPrincipal;

/** City-link routes of incidents (docs/city-link.md). */
@Controller
class IncidentRoutes {

	private final ReportingIncident reporting;

	IncidentRoutes(ReportingIncident reporting) {
		this.reporting = reporting;
	}

	@MessageMapping("incidents.report")
	Mono<ReportReceipt> report(IncidentReport report, HubPrincipal principal) {
		return this.reporting.report(principal, report);
	}

}
