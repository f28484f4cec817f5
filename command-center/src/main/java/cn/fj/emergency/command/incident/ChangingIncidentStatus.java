package cn.fj.emergency.command.incident;

import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.security.HubPrincipal;

/**
 * An officer or the incident's city platform moves an incident along its workflow ({@link StatusPolicy}): verify,
 * respond, contain, close; or merge it into another incident; or dismiss it with a reason. Visible live as
 * {@code incident.status-changed} and on the timeline.
 */
@Component
public class ChangingIncidentStatus {

	private final IncidentChanges changes;

	ChangingIncidentStatus(IncidentChanges changes) {
		this.changes = changes;
	}

	/** The incident after the change. */
	public Mono<Incident> change(HubPrincipal actor, UUID id, StatusChange change) {
		return this.changes.apply(actor, id, change.mergedInto(), (context, locked) -> Mono.fromCallable(() -> {
			Incident incident = context.incident();
			IncidentStatus to = StatusPolicy.check(incident, change);
			UUID target = to == IncidentStatus.MERGED ? change.mergedInto() : null;
			if (target != null) {
				StatusPolicy.checkMergeTarget(incident, target, locked.get(target), actor.cityCode());
			}
			String reason = StatusPolicy.reason(change.reason(), to == IncidentStatus.DISMISSED);
			long version = incident.version() + 1;
			Incident after = new Incident(incident.id(), incident.reportId(), incident.reporter(), incident.cityCode(),
					incident.countyCode(), incident.category(), incident.level(), incident.title(),
					incident.description(), incident.latitude(), incident.longitude(), incident.occurredAt(),
					incident.reportedAt(), to.name(), incident.exercise(), incident.reportedSeq(), incident.source(),
					version, incident.assignee(), target, context.at());
			IncidentEvents.StatusChanged data = new IncidentEvents.StatusChanged(incident.id(), to.name(),
					incident.status(), reason, target, context.by(), context.at(), version);
			return new IncidentChanges.Decision(after, true, Incident.STATUS_CHANGED, data, context.by(), context.at());
		})).map(IncidentChanges.Applied::incident);
	}

}
