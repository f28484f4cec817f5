package cn.fj.emergency.command.disaster;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.Ids;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.incident.FindingIncident;
import cn.fj.emergency.command.order.FindingOrders;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.EventVisibility;
import cn.fj.emergency.command.stream.NewEvent;

/**
 * Opens and closes disaster events, adds and takes out members, and reads an event's page and timeline. Every
 * change is one transaction with its event on the log (and, through it, the audit trail). A city-scoped principal
 * sees only the events that concern its city; another city's event does not exist for it (NOT_FOUND).
 */
@Component
public class ManagingDisasterEvents {

	static final int MAX_PAGE_SIZE = 200;

	private final DisasterEvents store;

	private final FindingIncident incidents;

	private final FindingOrders orders;

	private final EventLog events;

	private final TransactionalOperator transactions;

	private final Clock clock;

	ManagingDisasterEvents(DisasterEvents store, FindingIncident incidents, FindingOrders orders, EventLog events,
			TransactionalOperator transactions, Clock clock) {
		this.store = store;
		this.incidents = incidents;
		this.orders = orders;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Mono<DisasterEvent> open(HubPrincipal commander, EventRequest request) {
		return Mono.fromCallable(() -> EventPolicy.check(request, commander, Ids.newId(this.clock), now()))
			.flatMap(event -> this.transactions.transactional(this.store.insertEvent(event)
				.then(this.events.append(List.of(NewEvent.critical(DisasterEvent.STREAM, DisasterEvent.OPENED,
						event.id().toString(), event.concernedCities(), event.exercise(), event))))
				.thenReturn(event)));
	}

	public Mono<DisasterEvent> close(HubPrincipal commander, UUID id, @Nullable String reasonText) {
		return Mono.fromCallable(() -> EventPolicy.reason(reasonText))
			.flatMap(reason -> this.transactions.transactional(lockVisible(commander, id).flatMap(event -> {
				EventPolicy.checkScope(commander, event);
				EventPolicy.checkOpen(event);
				return this.store.lockActiveResponse(id)
					.flatMap(active -> Mono.<DisasterEvent>error(new HubException(ErrorCode.RESPONSE_STILL_ACTIVE,
							"End the event's " + active.level() + " response before closing it")))
					.switchIfEmpty(Mono.defer(() -> {
						DisasterEvent closed = event.closed(commander.subject(), now(), reason);
						return this.store.close(closed)
							.then(this.events.append(List.of(NewEvent.critical(DisasterEvent.STREAM, DisasterEvent.CLOSED,
									id.toString(), closed.concernedCities(), closed.exercise(), closed))))
							.thenReturn(closed);
					}));
			})));
	}

	/** Adds a member by hand (or brings back one taken out): the incident or order must exist and be visible. */
	public Mono<EventMember> add(HubPrincipal officer, UUID id, MemberRequest request) {
		return Mono.fromCallable(() -> new Object[] { EventPolicy.kind(request.kind()), EventPolicy.memberId(request.memberId()),
				EventPolicy.optionalReason(request.reason()) })
			.flatMap(parsed -> {
				MemberKind kind = (MemberKind) parsed[0];
				String memberId = (String) parsed[1];
				String reason = (String) parsed[2];
				return this.transactions.transactional(lockVisible(officer, id).flatMap(event -> {
					EventPolicy.checkOpen(event);
					return checkMember(officer, event, kind, memberId).then(Mono.defer(() -> {
						EventMember member = new EventMember(id, kind, memberId, false, officer.subject(), now(), reason,
								null, null, null);
						return this.store.findMember(id, kind, memberId)
							.filter(EventMember::active)
							.switchIfEmpty(Mono.defer(() -> this.store.putMember(member)
								.then(append(event, DisasterEvent.MEMBER_ADDED, member, officer.subject(), reason))
								.thenReturn(member)));
					}));
				}));
			});
	}

	/** Takes a member out, with a reason; the rule will not bring it back. */
	public Mono<EventMember> remove(HubPrincipal officer, UUID id, MemberRequest request) {
		return Mono.fromCallable(() -> new Object[] { EventPolicy.kind(request.kind()), EventPolicy.memberId(request.memberId()),
				EventPolicy.reason(request.reason()) })
			.flatMap(parsed -> {
				MemberKind kind = (MemberKind) parsed[0];
				String memberId = (String) parsed[1];
				String reason = (String) parsed[2];
				return this.transactions.transactional(lockVisible(officer, id).flatMap(event -> this.store
					.findMember(id, kind, memberId)
					.filter(EventMember::active)
					.switchIfEmpty(Mono.error(() -> HubException.field(ErrorCode.NOT_A_MEMBER, "memberId",
							kind + " " + memberId + " is not a current member of the event")))
					.flatMap(member -> {
						Instant at = now();
						EventMember removed = new EventMember(id, kind, memberId, member.joinedByRule(), member.addedBy(),
								member.addedAt(), member.addReason(), officer.subject(), at, reason);
						return this.store.removeMember(id, kind, memberId, officer.subject(), at, reason)
							.then(append(event, DisasterEvent.MEMBER_REMOVED, removed, officer.subject(), reason))
							.thenReturn(removed);
					})));
			});
	}

	public Mono<Views.EventView> page(HubPrincipal principal, UUID id) {
		return visible(principal, id).flatMap(event -> Mono
			.zip(this.store.counts(id), this.store.responses(id)
				.concatMap(r -> this.store.changes(r.id()).collectList().map(r::withChanges))
				.collectList(), this.store.members(id).collectList())
			.map(t -> new Views.EventView(event, t.getT1(),
					t.getT2().stream().filter(DisasterResponse::active).findFirst().orElse(null), t.getT2(), t.getT3(),
					List.of())));
	}

	public Mono<Views.EventPage> list(HubPrincipal principal, @Nullable String state, @Nullable Boolean exercise,
			@Nullable Integer page, @Nullable Integer size) {
		return Mono.fromCallable(() -> {
			if (state != null && !DisasterEvent.OPEN.equals(state) && !DisasterEvent.CLOSED_STATE.equals(state)) {
				throw HubException.field(ErrorCode.INVALID_FIELD, "state", "state is OPEN or CLOSED");
			}
			return new int[] { pageOf(page), sizeOf(size) };
		})
			.flatMap(p -> this.store.list(state, exercise, principal.cityCode(), p[1] + 1, (long) p[0] * p[1])
				.collectList()
				.map(found -> new Views.EventPage(found.subList(0, Math.min(found.size(), p[1])), p[0], p[1],
						found.size() > p[1])));
	}

	/** The event's timeline, newest first, filtered to what the principal may see of the log. */
	public Mono<Views.Timeline> timeline(HubPrincipal principal, UUID id, @Nullable Integer page, @Nullable Integer size) {
		return Mono.fromCallable(() -> new int[] { pageOf(page), sizeOf(size) })
			.flatMap(p -> visible(principal, id).flatMap(event -> this.store.timeline(id, p[1] + 1, (long) p[0] * p[1])
				.collectList()
				.map(found -> new Views.Timeline(found.subList(0, Math.min(found.size(), p[1]))
					.stream()
					.filter(e -> EventVisibility.canSee(principal, e))
					.toList(), p[0], p[1], found.size() > p[1]))));
	}

	Mono<DisasterEvent> visible(HubPrincipal principal, UUID id) {
		return this.store.findEvent(id).filter(e -> e.concerns(principal.cityCode())).switchIfEmpty(notFound(id));
	}

	Mono<DisasterEvent> lockVisible(HubPrincipal principal, UUID id) {
		return this.store.lockEvent(id).filter(e -> e.concerns(principal.cityCode())).switchIfEmpty(notFound(id));
	}

	private static <T> Mono<T> notFound(UUID id) {
		return Mono.error(() -> new HubException(ErrorCode.NOT_FOUND, "No disaster event " + id));
	}

	private Mono<Void> checkMember(HubPrincipal officer, DisasterEvent event, MemberKind kind, String memberId) {
		return switch (kind) {
			case INCIDENT -> this.incidents.visibleTo(officer, uuid(memberId))
				.doOnNext(incident -> checkExercise(event, incident.exercise()))
				.then();
			case ORDER -> this.orders.find(officer, uuid(memberId)).doOnNext(order -> checkExercise(event, order.exercise())).then();
			// warnings, situation reports and supply requests: recorded, by the id their feature gives them
			case WARNING, SITREP, SUPPLY_REQUEST -> this.store.recorded(kind, memberId)
				.filter(Boolean::booleanValue)
				.switchIfEmpty(Mono.error(() -> HubException.field(ErrorCode.NOT_FOUND, "memberId",
						"No " + kind + " " + memberId)))
				.then();
		};
	}

	private static void checkExercise(DisasterEvent event, boolean exercise) {
		if (event.exercise() != exercise) {
			throw HubException.field(ErrorCode.MEMBER_EXERCISE_MISMATCH, "memberId", exercise
					? "An exercise member cannot join a real event" : "A real member cannot join an exercise event");
		}
	}

	private static UUID uuid(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "memberId", "memberId of an incident or order is a UUID");
		}
	}

	private Mono<List<Long>> append(DisasterEvent event, String type, EventMember member, String by,
			@Nullable String reason) {
		Views.MemberChange data = new Views.MemberChange(event.id(), event.nameZh(), member.kind(), member.memberId(),
				member.joinedByRule(), by, member.removedAt() != null ? member.removedAt() : member.addedAt(), reason);
		return this.events.append(List.of(NewEvent.critical(DisasterEvent.STREAM, type, event.id().toString(),
				event.concernedCities(), event.exercise(), data)));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static int pageOf(@Nullable Integer page) {
		if (page != null && page < 0) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "page", "page counts from 0");
		}
		return page == null ? 0 : page;
	}

	static int sizeOf(@Nullable Integer size) {
		if (size != null && (size < 1 || size > MAX_PAGE_SIZE)) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "size", "size is from 1 to " + MAX_PAGE_SIZE);
		}
		return size == null ? 50 : size;
	}

}
