package cn.fj.emergency.command.incident;

import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.security.HubPrincipal;

/**
 * An officer raises or lowers an open incident's level, giving a reason ({@link ChangePolicy#checkLevel}).
 * Visible live as {@code incident.level-changed} (which the national uplink watches) and on the timeline.
 */
@Component
public class ChangingIncidentLevel {

	private final IncidentChanges changes;

	ChangingIncidentLevel(IncidentChanges changes) {
		this.changes = changes;
	}

	public Mono<Incident> change(HubPrincipal actor, UUID id, LevelChange change) {
		return this.changes.apply(actor, id, null, (context, locked) -> Mono.fromCallable(() -> {
			Incident incident = context.incident();
			IncidentLevel level = ChangePolicy.checkLevel(incident, change);
			String reason = StatusPolicy.reason(change.reason(), true);
			long version = incident.version() + 1;
			Incident after = new Incident(incident.id(), incident.reportId(), incident.reporter(), incident.cityCode(),
					incident.countyCode(), incident.category(), level, incident.title(), incident.description(),
					incident.latitude(), incident.longitude(), incident.occurredAt(), incident.reportedAt(),
					incident.status(), incident.exercise(), incident.reportedSeq(), incident.source(), version,
					incident.assignee(), incident.mergedInto(), context.at());
			IncidentEvents.LevelChanged data = new IncidentEvents.LevelChanged(incident.id(), incident.cityCode(), level,
					incident.level(), reason == null ? "" : reason, context.by(), context.at(), version);
			return new IncidentChanges.Decision(after, true, Incident.LEVEL_CHANGED, data, context.by(), context.at());
		})).map(IncidentChanges.Applied::incident);
	}

}
