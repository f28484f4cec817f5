package cn.fj.emergency.command.disaster;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.stream.HubEvent;

/**
 * The storage of disaster events, members and responses (implemented in {@code persistence}). Writes must run
 * inside the transaction that appends their events.
 */
public interface DisasterEvents {

	Mono<Void> insertEvent(DisasterEvent event);

	Mono<DisasterEvent> findEvent(UUID id);

	/** The event, locked until the end of the transaction. */
	Mono<DisasterEvent> lockEvent(UUID id);

	Mono<Void> close(DisasterEvent closed);

	/** A page of events (one more than asked for), newest first; {@code city}: only those concerning it. */
	Flux<DisasterEvent> list(@Nullable String state, @Nullable Boolean exercise, @Nullable String city, int limit,
			long offset);

	Mono<EventMember> findMember(UUID eventId, MemberKind kind, String memberId);

	/** Inserts the member, or brings a removed one back (an officer's decision overrides an earlier removal). */
	Mono<Void> putMember(EventMember member);

	Mono<Void> removeMember(UUID eventId, MemberKind kind, String memberId, String by, Instant at, String reason);

	/** The members, current ones first, then the removed, each group newest first. */
	Flux<EventMember> members(UUID eventId);

	/**
	 * The rule: adds, as joined by rule, every incident of an open event's category (or below it) in its area,
	 * reported since it started (and before it ended), of the same exercise flag, that has no membership row yet;
	 * at most {@code limit}; answers those added, with their event.
	 */
	Flux<Joined> joinByRule(Instant now, int limit);

	Mono<EventCounts> counts(UUID eventId);

	/**
	 * Whether a warning (by identifier), situation report or supply request (by the hub's id) of that id is
	 * recorded: the stores of those features, read in SQL.
	 */
	Mono<Boolean> recorded(MemberKind kind, String memberId);

	/** The log events about the event, its members and its responses, newest first; one more than asked for. */
	Flux<HubEvent> timeline(UUID eventId, int limit, long offset);

	Mono<Void> insertResponse(DisasterResponse response);

	/** The event's ACTIVE response, locked until the end of the transaction. */
	Mono<DisasterResponse> lockActiveResponse(UUID eventId);

	Mono<Void> updateResponse(UUID id, ResponseLevel level, String state, int version, @Nullable String endedBy,
			@Nullable Instant endedAt);

	Mono<Void> insertChange(ResponseChange change);

	Mono<Void> setChangeSeq(UUID responseId, int version, long seq);

	/** The event's responses, newest first, without their changes. */
	Flux<DisasterResponse> responses(UUID eventId);

	Flux<ResponseChange> changes(UUID responseId);

	/** Every ACTIVE response with its event; {@code city}: only those concerning it. */
	Flux<Active> active(@Nullable String city);

	record Joined(EventMember member, DisasterEvent event) {
	}

	record Active(DisasterResponse response, DisasterEvent event) {
	}

}
