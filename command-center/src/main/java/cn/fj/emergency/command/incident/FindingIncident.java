package cn.fj.emergency.command.incident;

import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.incident.persistence.IncidentStore;
import cn.fj.emergency.command.security.HubPrincipal;

/**
 * Other features' way to an incident: the incident if the principal may see it, else
 * {@link cn.fj.emergency.command.error.ErrorCode#NOT_FOUND} (another city's incident does not exist for a city).
 */
@Component
public class FindingIncident {

	private final IncidentStore store;

	public FindingIncident(IncidentStore store) {
		this.store = store;
	}

	public Mono<Incident> visibleTo(HubPrincipal principal, UUID id) {
		return ReportingIncident.visibleTo(principal, this.store.find(id), id);
	}

}
