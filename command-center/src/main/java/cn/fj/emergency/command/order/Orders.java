package cn.fj.emergency.command.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The storage of orders, their targets and acknowledgements (implemented in {@code persistence}). Writes must run
 * inside the transaction that appends their events.
 */
public interface Orders {

	Mono<Stored> findByRef(String issuedBy, String ref);

	Mono<CommandOrder> find(UUID id);

	/** Inserts the order unless its (issuer, ref) is taken; answers whether it was inserted. */
	Mono<Boolean> insertNew(CommandOrder order, String payloadHash);

	/** One target row per city of the order, with nothing acknowledged yet. */
	Mono<Void> insertTargets(CommandOrder order);

	Mono<Void> setIssuedSeq(UUID orderId, long seq);

	/** The city's target of the order, locked until the end of the transaction; empty if the order does not target it. */
	Mono<LockedTarget> lockTarget(UUID orderId, String city);

	Mono<OrderAcknowledgement> findAcknowledgement(UUID orderId, String city, String ackId);

	Mono<OrderAcknowledgement> latestAcknowledgement(UUID orderId, String city);

	Mono<Void> updateTarget(UUID orderId, String city, AcknowledgementState state, Instant at, boolean answeredInTime);

	Mono<Void> insertAcknowledgement(OrderAcknowledgement ack);

	/**
	 * Marks overdue, once, at most {@code limit} targets whose deadline has passed by {@code now} without an answer
	 * in time, skipping rows another transaction holds; answers those it marked.
	 */
	Flux<Due> markOverdue(Instant now, int limit);

	Mono<Void> setOverdueSeqs(List<Due> due, List<Long> seqs);

	/** A page of orders (one more than asked for, to tell whether there are more), newest first. */
	Flux<CommandOrder> list(OrderQuery query, int limit, long offset);

	/** The targets of these orders (all, or only the city's), without their history. */
	Flux<TargetOf> targets(List<UUID> orderIds, @Nullable String city);

	/** The acknowledgements of an order (all, or only the city's), oldest first. */
	Flux<OrderAcknowledgement> acknowledgements(UUID orderId, @Nullable String city);

	/** An order with the hash of the request that created it. */
	record Stored(CommandOrder order, String payloadHash) {
	}

	/** A target row as the acknowledging transaction sees it. */
	record LockedTarget(UUID orderId, String orderRef, String cityCode, Instant deadline,
			@Nullable AcknowledgementState state, @Nullable Instant overdueAt, boolean exercise) {
	}

	/** A target found overdue, with the order's exercise flag for its event. */
	record Due(OrderOverdue overdue, boolean exercise) {
	}

	record TargetOf(UUID orderId, OrderTarget target) {
	}

}
