package cn.fj.emergency.command.disaster;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.fj.emergency.command.Ids;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.NewEvent;

/**
 * A commander activates, raises, lowers and ends the response of a disaster event. Each change takes the event's
 * row lock (so two commanders never both activate), is checked, signed by the hub off the event loop, and stored
 * with its {@code disaster-response.*} event in one transaction; the event's cities see it on the log.
 */
@Component
public class RunningResponses {

	private final DisasterEvents store;

	private final ManagingDisasterEvents managing;

	private final ResponseSigner signer;

	private final EventLog events;

	private final TransactionalOperator transactions;

	private final Clock clock;

	RunningResponses(DisasterEvents store, ManagingDisasterEvents managing, ResponseSigner signer, EventLog events,
			TransactionalOperator transactions, Clock clock) {
		this.store = store;
		this.managing = managing;
		this.signer = signer;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Mono<DisasterResponse> activate(HubPrincipal commander, UUID eventId, ResponseRequest request) {
		return Mono.fromCallable(() -> new Checked(EventPolicy.level(request.level()), EventPolicy.reason(request.reason())))
			.flatMap(checked -> this.transactions.transactional(this.managing.lockVisible(commander, eventId)
				.flatMap(event -> {
					EventPolicy.checkScope(commander, event);
					EventPolicy.checkOpen(event);
					return this.store.lockActiveResponse(eventId)
						.flatMap(active -> Mono.<DisasterResponse>error(new HubException(ErrorCode.RESPONSE_ALREADY_ACTIVE,
								"The event already has a " + active.level() + " response")))
						.switchIfEmpty(Mono.defer(() -> {
							Instant now = now();
							DisasterResponse response = new DisasterResponse(Ids.newId(this.clock), eventId, checked.level(),
									DisasterResponse.ACTIVE, event.exercise(), null, null, commander.subject(), now, null,
									null, 1, List.of());
							ResponseChange change = new ResponseChange(response.id(), eventId, event.nameZh(), 1,
									ResponseChange.Action.ACTIVATED, checked.level(), null, checked.reason(),
									commander.subject(), now, event.exercise(), event.concernedCities(), null, null);
							return this.store.insertResponse(response).then(record(change)).map(done -> response.withChanges(List.of(done)));
						}));
				})));
	}

	public Mono<DisasterResponse> raise(HubPrincipal commander, UUID eventId, ResponseRequest request) {
		return change(commander, eventId, request, ResponseChange.Action.RAISED);
	}

	public Mono<DisasterResponse> lower(HubPrincipal commander, UUID eventId, ResponseRequest request) {
		return change(commander, eventId, request, ResponseChange.Action.LOWERED);
	}

	public Mono<DisasterResponse> end(HubPrincipal commander, UUID eventId, ResponseRequest request) {
		return change(commander, eventId, request, ResponseChange.Action.ENDED);
	}

	/** The active responses the principal may see (a city: those concerning it), highest level first. */
	public Flux<Views.ActiveResponse> active(HubPrincipal principal) {
		return this.store.active(principal.cityCode()).map(Views.ActiveResponse::of);
	}

	private Mono<DisasterResponse> change(HubPrincipal commander, UUID eventId, ResponseRequest request,
			ResponseChange.Action action) {
		return Mono.fromCallable(() -> new Checked(action == ResponseChange.Action.ENDED ? null : EventPolicy.level(request.level()),
				EventPolicy.reason(request.reason())))
			.flatMap(checked -> this.transactions.transactional(this.managing.lockVisible(commander, eventId)
				.flatMap(event -> {
					EventPolicy.checkScope(commander, event);
					return this.store.lockActiveResponse(eventId)
						.switchIfEmpty(Mono.error(() -> new HubException(ErrorCode.NO_ACTIVE_RESPONSE,
								"The disaster event " + eventId + " has no active response")))
						.flatMap(active -> {
							ResponseLevel level = checked.level() == null ? active.level() : checked.level();
							checkDirection(action, level, active.level());
							Instant now = now();
							int version = active.version() + 1;
							boolean ended = action == ResponseChange.Action.ENDED;
							ResponseChange change = new ResponseChange(active.id(), eventId, event.nameZh(), version, action,
									level, active.level(), checked.reason(), commander.subject(), now, active.exercise(),
									event.concernedCities(), null, null);
							return this.store
								.updateResponse(active.id(), level, ended ? DisasterResponse.ENDED : DisasterResponse.ACTIVE,
										version, ended ? commander.subject() : null, ended ? now : null)
								.then(record(change))
								.then(this.store.changes(active.id()).collectList())
								.map(all -> new DisasterResponse(active.id(), eventId, level,
										ended ? DisasterResponse.ENDED : DisasterResponse.ACTIVE, active.exercise(),
										active.planId(), active.planVersion(), active.activatedBy(), active.activatedAt(),
										ended ? commander.subject() : null, ended ? now : null, version, all));
						});
				})));
	}

	private static void checkDirection(ResponseChange.Action action, ResponseLevel level, ResponseLevel current) {
		if (action == ResponseChange.Action.RAISED && !level.higherThan(current)) {
			throw HubException.field(ErrorCode.RESPONSE_LEVEL_NOT_HIGHER, "level",
					level + " is not higher than the current " + current);
		}
		if (action == ResponseChange.Action.LOWERED && !current.higherThan(level)) {
			throw HubException.field(ErrorCode.RESPONSE_LEVEL_NOT_LOWER, "level",
					level + " is not lower than the current " + current);
		}
	}

	/** Signs the change, stores it and appends its event; answers it with its signature and its event's number. */
	private Mono<ResponseChange> record(ResponseChange change) {
		return Mono.fromCallable(() -> change.signed(this.signer.sign(change)))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(signed -> this.store.insertChange(signed)
				.then(this.events.append(List.of(NewEvent.critical(DisasterResponse.STREAM, signed.action().eventType(),
						signed.responseId().toString(), signed.cities(), signed.exercise(), signed))))
				.flatMap(seqs -> this.store.setChangeSeq(signed.responseId(), signed.version(), seqs.get(0))
					.thenReturn(signed.withSeq(seqs.get(0)))));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private record Checked(@Nullable ResponseLevel level, String reason) {
	}

}
