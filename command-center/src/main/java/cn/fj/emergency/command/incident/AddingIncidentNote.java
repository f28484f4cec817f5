package cn.fj.emergency.command.incident;

import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.security.HubPrincipal;

/**
 * An officer or the incident's city platform writes a note on its timeline, at any status. A note changes no
 * state, so it neither needs nor bumps the version. Visible live as {@code incident.note-added}.
 */
@Component
public class AddingIncidentNote {

	private final IncidentChanges changes;

	AddingIncidentNote(IncidentChanges changes) {
		this.changes = changes;
	}

	/** The note's timeline entry. */
	public Mono<TimelineEntry> add(HubPrincipal actor, UUID id, Note note) {
		return this.changes.apply(actor, id, null, (context, locked) -> Mono.fromCallable(() -> {
			String text = ChangePolicy.checkNote(note);
			IncidentEvents.NoteAdded data = new IncidentEvents.NoteAdded(id, text, context.by(), context.at());
			return new IncidentChanges.Decision(context.incident(), false, Incident.NOTE_ADDED, data, context.by(),
					context.at());
		})).map(IncidentChanges.Applied::entry);
	}

}
