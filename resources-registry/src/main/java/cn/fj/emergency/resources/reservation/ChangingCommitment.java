package cn.fj.emergency.resources.reservation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyEvents;
import cn.fj.emergency.resources.SupplyException;
import cn.fj.emergency.resources.depot.Depot;
import cn.fj.emergency.resources.depot.Depots;
import cn.fj.emergency.resources.reservation.persistence.ReservationStore;
import cn.fj.emergency.resources.stock.Ledger;
import cn.fj.emergency.resources.stock.Movement;
import cn.fj.emergency.resources.stock.MovementType;

/**
 * The steps of a commitment after it is made, each one transaction with its stock movement and its
 * {@code supply.commitment} event: a requisition asks for the shipment, which goes in transit and is delivered
 * (the reserved stock is issued); a hold not yet collected may be released (or expires); delivered stock that
 * comes back is returned (received again). A step from the wrong status is refused, and of concurrent attempts at
 * one step only one succeeds: the status changes by a conditional update.
 */
@Component
public class ChangingCommitment {

	private final ReservationStore store;

	private final Depots depots;

	private final Ledger ledger;

	private final SupplyEvents events;

	private final TransactionalOperator transactions;

	private final Clock clock;

	public ChangingCommitment(ReservationStore store, Depots depots, Ledger ledger, SupplyEvents events,
			TransactionalOperator transactions, Clock clock) {
		this.store = store;
		this.depots = depots;
		this.ledger = ledger;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** EDXL-RM RequisitionResource: the committed stock is to be shipped. */
	public Mono<Commitment> requisition(UUID id) {
		return step(id, EnumSet.of(CommitmentStatus.RESERVED), CommitmentStatus.SHIPMENT_REQUESTED, 0);
	}

	public Mono<Commitment> ship(UUID id) {
		return step(id, EnumSet.of(CommitmentStatus.SHIPMENT_REQUESTED), CommitmentStatus.IN_TRANSIT, 0);
	}

	public Mono<Commitment> deliver(UUID id) {
		return step(id, EnumSet.of(CommitmentStatus.IN_TRANSIT), CommitmentStatus.DELIVERED, 0);
	}

	public Mono<Commitment> release(UUID id) {
		return step(id, CommitmentStatus.UNCOLLECTED, CommitmentStatus.RELEASED, 0);
	}

	/** Delivered stock comes back to its depot, all or part of it. */
	public Mono<Commitment> returnStock(UUID id, long quantity) {
		if (quantity <= 0) {
			return Mono.error(new SupplyException(SupplyError.INVALID_FIELD, "quantity", "quantity must be positive"));
		}
		return this.store.commitment(id)
			.switchIfEmpty(Mono.error(() -> new SupplyException(SupplyError.NOT_FOUND, "No commitment " + id)))
			.flatMap(c -> quantity > c.quantity()
					? Mono.error(new SupplyException(SupplyError.INVALID_FIELD, "quantity",
							"At most " + c.quantity() + " can come back"))
					: step(id, EnumSet.of(CommitmentStatus.DELIVERED), CommitmentStatus.RETURNED, quantity));
	}

	/**
	 * Expires the commitment if it is still uncollected and its hold is over; answers nothing if it is not (another
	 * instance expired it first, or it was collected).
	 */
	public Mono<Commitment> expire(UUID id) {
		Instant now = now();
		return this.transactions.transactional(this.store
			.transition(id, CommitmentStatus.UNCOLLECTED, CommitmentStatus.EXPIRED, 0, now, now)
			.flatMap(changed -> record(changed, 0, now)));
	}

	private Mono<Commitment> step(UUID id, Set<CommitmentStatus> from, CommitmentStatus to, long returned) {
		Instant now = now();
		return this.transactions.transactional(this.store.transition(id, from, to, returned, null, now)
			.switchIfEmpty(Mono.defer(() -> refusal(id, to)))
			.flatMap(changed -> record(changed, returned, now)));
	}

	private Mono<Commitment> refusal(UUID id, CommitmentStatus to) {
		return this.store.commitment(id)
			.switchIfEmpty(Mono.error(() -> new SupplyException(SupplyError.NOT_FOUND, "No commitment " + id)))
			.flatMap(c -> Mono.error(new SupplyException(SupplyError.COMMITMENT_STATE_CONFLICT,
					"Commitment " + id + " is " + c.status() + "; it cannot become " + to)));
	}

	private Mono<Commitment> record(Commitment changed, long returned, Instant now) {
		Mono<Depot> depot = changed.depotCode() == null ? Mono.empty() : this.depots.depot(changed.depotCode());
		return depot.map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.empty())
			.flatMap(d -> move(changed, d.orElse(null), returned, now).then(Mono.defer(() -> totals(changed)))
				.then(announce(changed, d.orElse(null))));
	}

	/**
	 * Keeps the line's totals: a release or expiry reopens the need (committed less), a delivery counts as delivered;
	 * the other steps leave both (a return after delivery still meets the need).
	 */
	private Mono<Void> totals(Commitment c) {
		long committed = c.status() == CommitmentStatus.RELEASED || c.status() == CommitmentStatus.EXPIRED ? -c.quantity() : 0;
		long delivered = c.status() == CommitmentStatus.DELIVERED ? c.quantity() : 0;
		if (committed == 0 && delivered == 0) {
			return Mono.empty();
		}
		return this.store.addToLines(List.of(c.requestId()), List.of(c.lineNo()), List.of(committed), List.of(delivered));
	}

	private Mono<Void> move(Commitment c, @Nullable Depot depot, long returned, Instant now) {
		Movement movement = movement(c, returned, now);
		if (movement == null || depot == null) {
			return Mono.empty();
		}
		return this.ledger.applyAll(List.of(movement), Map.of(depot.code(), depot)).then();
	}

	private static @Nullable Movement movement(Commitment c, long returned, Instant now) {
		String depot = c.depotCode();
		String item = c.itemCode();
		if (depot == null || item == null) {
			return null;
		}
		return switch (c.status()) {
			case DELIVERED -> Movement.forCommitment(c.id(), "deliver", depot, item, MovementType.ISSUE, c.quantity(), true, now);
			case RELEASED -> Movement.forCommitment(c.id(), "release", depot, item, MovementType.RELEASE, c.quantity(), false, now);
			case EXPIRED -> Movement.forCommitment(c.id(), "expire", depot, item, MovementType.RELEASE, c.quantity(), false, now);
			case RETURNED -> Movement.forCommitment(c.id(), "return", depot, item, MovementType.RECEIPT, returned, false, now);
			default -> null;
		};
	}

	private Mono<Commitment> announce(Commitment changed, @Nullable Depot depot) {
		return this.store.request(changed.requestId())
			.flatMap(request -> this.events
				.append(List.of(SupplyRequestEvents.changed(request.cityCode(), depot, changed))))
			.thenReturn(changed);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
