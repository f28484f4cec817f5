package cn.fj.emergency.command.incident;

import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.incident.persistence.IncidentStore;
import cn.fj.emergency.command.security.HubPrincipal;

/**
 * Another feature looks up an incident it refers to (an order's related incident), as the principal may see it,
 * without reaching into the incident's storage.
 */
@Component
public class LookingUpIncident {

	private final IncidentStore store;

	public LookingUpIncident(IncidentStore store) {
		this.store = store;
	}

	/** The incident, else {@link ErrorCode#NOT_FOUND}, also when it belongs to another city than the principal's. */
	public Mono<Incident> visibleTo(HubPrincipal principal, UUID id) {
		return ReportingIncident.visibleTo(principal, this.store.find(id), id);
	}

}
