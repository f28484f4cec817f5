package cn.fj.emergency.command.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.incident.persistence.IncidentStore;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.NewEvent;

/**
 * The one way an incident changes after its report, shared by the use cases: in one transaction, lock the
 * incident (and a merge target), let a policy decide on the locked state, write the new state, append the event
 * and record the same event as the incident's timeline entry. The lock makes concurrent changes of one incident
 * take turns, each judged against the state the one before it left: none is lost, and one made against a stale
 * version is refused ({@code VERSION_CONFLICT}).
 */
@Component
class IncidentChanges {

	private final IncidentStore store;

	private final EventLog events;

	private final TransactionalOperator transactions;

	private final JsonMapper json;

	private final Clock clock;

	IncidentChanges(IncidentStore store, EventLog events, TransactionalOperator transactions, JsonMapper json,
			Clock clock) {
		this.store = store;
		this.events = events;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Applies the decision to the incident {@code id} as the principal may see it (else {@code NOT_FOUND}), with
	 * {@code alsoLocked} locked too and handed to the decision by id (absent when it does not exist).
	 */
	Mono<Applied> apply(HubPrincipal actor, UUID id, @Nullable UUID alsoLocked,
			BiFunction<Context, Map<UUID, Incident>, Mono<Decision>> decide) {
		List<UUID> ids = alsoLocked == null || alsoLocked.equals(id) ? List.of(id) : List.of(id, alsoLocked);
		Mono<Applied> work = this.store.lock(ids)
			.collectMap(Incident::id)
			.flatMap(locked -> decide.apply(context(actor, id, locked), locked))
			.flatMap(this::record);
		return this.transactions.transactional(work);
	}

	private Context context(HubPrincipal actor, UUID id, Map<UUID, Incident> locked) {
		Incident incident = locked.get(id);
		if (incident == null || actor.cityCode() != null && !actor.cityCode().equals(incident.cityCode())) {
			throw new HubException(ErrorCode.NOT_FOUND, "No incident " + id);
		}
		// the event's time and the stored time are one value, to the microsecond PostgreSQL keeps
		return new Context(incident, actor.reporterKey(), this.clock.instant().truncatedTo(ChronoUnit.MICROS));
	}

	private Mono<Applied> record(Decision decision) {
		Incident after = decision.after();
		Mono<Incident> stored = decision.stateChanged() ? this.store.update(after) : Mono.just(after);
		return stored.flatMap(incident -> {
			NewEvent event = NewEvent.critical(Incident.STREAM, decision.type(), incident.id().toString(),
					List.of(incident.cityCode()), incident.exercise(), decision.data());
			return this.events.append(List.of(event))
				.map(seqs -> new TimelineEntry(seqs.get(0), incident.id(), decision.type(), decision.by(), decision.at(), incident.exercise(),
						this.json.writeValueAsString(decision.data())))
				.flatMap(entry -> this.store.addTimeline(entry).thenReturn(new Applied(incident, entry)));
		});
	}

	/** The locked incident, who acts (as events name them) and the time of the change. */
	record Context(Incident incident, String by, Instant at) {
	}

	/**
	 * What a policy decided: the incident's new state (the same when {@code stateChanged} is false, as for a note),
	 * and the event that records it.
	 */
	record Decision(Incident after, boolean stateChanged, String type, Object data, String by, Instant at) {
	}

	/** The incident after the change and its timeline entry. */
	record Applied(Incident incident, TimelineEntry entry) {
	}

}
