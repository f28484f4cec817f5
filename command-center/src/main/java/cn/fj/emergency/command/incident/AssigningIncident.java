package cn.fj.emergency.command.incident;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.OfficerAccounts;

/**
 * An officer gives an open incident to a duty officer or commander, who must exist, be enabled and may see it
 * ({@link ChangePolicy#checkAssignee}). Visible live as {@code incident.assigned} and on the timeline.
 */
@Component
public class AssigningIncident {

	private final IncidentChanges changes;

	private final OfficerAccounts officers;

	AssigningIncident(IncidentChanges changes, OfficerAccounts officers) {
		this.changes = changes;
		this.officers = officers;
	}

	public Mono<Incident> assign(HubPrincipal actor, UUID id, Assignment assignment) {
		return this.changes.apply(actor, id, null, (context, locked) -> {
			Incident incident = context.incident();
			String username = ChangePolicy.checkAssignment(incident, assignment);
			return this.officers.find(username)
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				.map(officer -> {
					ChangePolicy.checkAssignee(incident, username, officer.orElse(null));
					return decision(context, username);
				});
		}).map(IncidentChanges.Applied::incident);
	}

	private static IncidentChanges.Decision decision(IncidentChanges.Context context, String assignee) {
		Incident incident = context.incident();
		long version = incident.version() + 1;
		Incident after = new Incident(incident.id(), incident.reportId(), incident.reporter(), incident.cityCode(),
				incident.countyCode(), incident.category(), incident.level(), incident.title(), incident.description(),
				incident.latitude(), incident.longitude(), incident.occurredAt(), incident.reportedAt(), incident.status(),
				incident.exercise(), incident.reportedSeq(), incident.source(), version, assignee, incident.mergedInto(),
				context.at());
		IncidentEvents.Assigned data = new IncidentEvents.Assigned(incident.id(), assignee, incident.assignee(),
				context.by(), context.at(), version);
		return new IncidentChanges.Decision(after, true, Incident.ASSIGNED, data, context.by(), context.at());
	}

}
