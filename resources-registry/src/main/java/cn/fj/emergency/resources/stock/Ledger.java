package cn.fj.emergency.resources.stock;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyEvent;
import cn.fj.emergency.resources.SupplyEvents;
import cn.fj.emergency.resources.SupplyIds;
import cn.fj.emergency.resources.SupplyException;
import cn.fj.emergency.resources.depot.Depot;
import cn.fj.emergency.resources.stock.persistence.LedgerStore;

/**
 * Applies movements to the ledger and the balances, inside the caller's transaction, and appends their events in
 * it. Never oversells: each balance is changed under its row lock, only if {@link StockLevel#apply} allows, by an
 * update conditional on the levels read, with the table's checks behind it. Balances are locked in (depot, item)
 * order and the events appended last, so that concurrent transactions cannot deadlock. A movement whose (reporter,
 * movement id) is stored is not applied again: it is answered with its stored receipt, or refused if its content
 * differs.
 */
@Component
public class Ledger {

	private static final Comparator<Movement> LOCK_ORDER = Comparator.comparing(Movement::depotCode)
		.thenComparing(Movement::itemCode);

	private final LedgerStore store;

	private final SupplyEvents events;

	private final Clock clock;

	public Ledger(LedgerStore store, SupplyEvents events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	/** Applies the movements; must be called inside a transaction. Answers their receipts in the same order. */
	public Mono<List<MovementReceipt>> applyAll(List<Movement> movements, Map<String, Depot> depots) {
		return applyAll(movements, depots, List.of());
	}

	/**
	 * As {@link #applyAll(List, Map)}, and appends {@code alsoAppend} after the movements' own events, in the same
	 * append: the caller's event about the change the movements serve (a commitment) then costs no second append
	 * while the balances and the event counter are held.
	 */
	public Mono<List<MovementReceipt>> applyAll(List<Movement> movements, Map<String, Depot> depots,
			List<SupplyEvent> alsoAppend) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		List<Integer> order = IntStream.range(0, movements.size())
			.boxed()
			.sorted(Comparator.comparing(movements::get, LOCK_ORDER))
			.toList();
		return Flux.fromIterable(order)
			.concatMap(i -> step(movements.get(i), now))
			.collectList()
			.flatMap(steps -> recordEvents(steps, depots, alsoAppend, now))
			.map(steps -> inInputOrder(order, steps));
	}

	/**
	 * Locks these balances (depot and item codes, pairwise) for the caller's transaction, creating missing ones, in
	 * (depot, item) order, and answers them for movements to be tried on ({@link LockedBalances#applyAll}) and then
	 * {@linkplain #record recorded}. Two statements, however many balances.
	 */
	public Mono<LockedBalances> lock(List<String> depotCodes, List<String> itemCodes) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (depotCodes.isEmpty()) {
			return Mono.just(new LockedBalances(List.of(), now));
		}
		return this.store.lockAll(depotCodes, itemCodes, now).collectList().map(locked -> new LockedBalances(locked, now));
	}

	/**
	 * Writes what was applied to the locked balances, inside the caller's transaction: each changed balance's new
	 * levels (one conditional update each), every event in the order applied (one append: each movement's
	 * {@code stock.movement} and {@code stock.level}, its {@code stock.low} on a crossing, and the callers' own events
	 * where they added them), then the ledger's rows with their levels after and their events' numbers (one insert).
	 */
	public Mono<Void> record(LockedBalances balances, Map<String, Depot> depots) {
		Instant now = balances.now();
		List<SupplyEvent> batch = new ArrayList<>();
		List<LockedBalances.Applied> applied = new ArrayList<>();
		List<Integer> movementEventAt = new ArrayList<>();
		for (Object o : balances.sequence()) {
			LockedBalances.Applied a = LockedBalances.applied(o);
			if (a == null) {
				batch.add((SupplyEvent) o);
				continue;
			}
			Balance after = a.after();
			Depot depot = depots.get(a.movement().depotCode());
			if (depot == null) {
				throw new IllegalArgumentException("No depot given for " + a.movement().depotCode());
			}
			applied.add(a);
			movementEventAt.add(batch.size());
			batch.add(StockEvents.movement(depot, recorded(new Step(a.id(), a.movement(), after, a.crossedBelow(), null),
					after, now)));
			batch.add(StockEvents.level(depot, new StockEvents.LevelChanged(after.depotCode(), after.itemCode(),
					after.onHand(), after.reserved(), after.available(), after.lowThreshold(), after.low(), now)));
			Long threshold = after.lowThreshold();
			if (a.crossedBelow() && threshold != null) {
				batch.add(StockEvents.low(depot, new StockEvents.StockLow(after.depotCode(), after.itemCode(),
						after.available(), threshold, now)));
			}
		}
		if (batch.isEmpty()) {
			return Mono.empty();
		}
		return Flux.fromIterable(balances.changed())
			.concatMap(h -> this.store.update(h.before, h.level, h.low, now)
				.filter(Boolean::booleanValue)
				.switchIfEmpty(Mono.error(() -> new IllegalStateException(
						"Balance " + h.before.depotCode() + "/" + h.before.itemCode() + " changed under its lock"))))
			.then(Mono.defer(() -> this.events.append(batch)))
			.flatMap(seqs -> {
				if (applied.isEmpty()) {
					return Mono.empty();
				}
				List<Long> movementSeqs = movementEventAt.stream().map(seqs::get).toList();
				return this.store.insertApplied(applied.stream().map(LockedBalances.Applied::id).toList(),
						applied.stream().map(LockedBalances.Applied::movement).toList(),
						applied.stream().map(a -> a.after().level()).toList(), movementSeqs, now);
			});
	}

	private Mono<Step> step(Movement movement, Instant now) {
		UUID id = SupplyIds.newId(this.clock);
		return this.store.insertNew(id, movement, now)
			.flatMap(inserted -> inserted ? change(id, movement, now) : answerStored(movement));
	}

	private Mono<Step> change(UUID id, Movement movement, Instant now) {
		return this.store.lock(movement.depotCode(), movement.itemCode(), now).flatMap(before -> {
			StockLevel after = before.level().apply(movement.delta());
			boolean low = LowStock.isLow(before.lowThreshold(), after);
			boolean crossed = LowStock.crossesBelow(before.low(), before.lowThreshold(), after);
			return this.store.update(before, after, low, now)
				.filter(Boolean::booleanValue)
				.switchIfEmpty(Mono.error(() -> new IllegalStateException(
						"Balance " + movement.depotCode() + "/" + movement.itemCode() + " changed under its lock")))
				.thenReturn(new Step(id, movement, Balance.of(movement.depotCode(), movement.itemCode(), after,
						before.lowThreshold(), low, now), crossed, null));
		});
	}

	private Mono<Step> answerStored(Movement movement) {
		return this.store.find(movement.reporter(), movement.movementId()).map(stored -> {
			if (!stored.payloadHash().equals(movement.payloadHash())) {
				throw new SupplyException(SupplyError.MOVEMENT_ID_REUSED, "movementId",
						"Movement id " + movement.movementId() + " was already used for a different movement");
			}
			MovementReceipt receipt = stored.receipt();
			if (receipt == null) {
				throw new IllegalStateException("Movement " + movement.movementId() + " is stored without its outcome");
			}
			return new Step(receipt.id(), movement, null, false, receipt);
		});
	}

	private Mono<List<Step>> recordEvents(List<Step> steps, Map<String, Depot> depots, List<SupplyEvent> alsoAppend,
			Instant now) {
		List<SupplyEvent> batch = new ArrayList<>();
		List<Integer> movementEventAt = new ArrayList<>();
		for (Step step : steps) {
			Balance after = step.after();
			if (after == null) {
				continue;
			}
			Depot depot = depots.get(step.movement().depotCode());
			if (depot == null) {
				throw new IllegalArgumentException("No depot given for " + step.movement().depotCode());
			}
			movementEventAt.add(batch.size());
			batch.add(StockEvents.movement(depot, recorded(step, after, now)));
			batch.add(StockEvents.level(depot, new StockEvents.LevelChanged(after.depotCode(), after.itemCode(),
					after.onHand(), after.reserved(), after.available(), after.lowThreshold(), after.low(), now)));
			Long threshold = after.lowThreshold();
			if (step.crossedBelow() && threshold != null) {
				batch.add(StockEvents.low(depot, new StockEvents.StockLow(after.depotCode(), after.itemCode(),
						after.available(), threshold, now)));
			}
		}
		batch.addAll(alsoAppend);
		if (batch.isEmpty()) {
			return Mono.just(steps);
		}
		return this.events.append(batch).flatMap(seqs -> recordOutcomes(steps, movementEventAt, seqs, now));
	}

	private Mono<List<Step>> recordOutcomes(List<Step> steps, List<Integer> movementEventAt, List<Long> seqs,
			Instant now) {
		List<Step> answered = new ArrayList<>(steps.size());
		int fresh = 0;
		for (Step step : steps) {
			Balance after = step.after();
			if (after == null) {
				answered.add(step);
				continue;
			}
			long seq = seqs.get(movementEventAt.get(fresh++));
			Movement m = step.movement();
			answered.add(new Step(step.id(), m, after, step.crossedBelow(), new MovementReceipt(step.id(), m.movementId(),
					m.depotCode(), m.itemCode(), m.type(), m.quantity(), after.onHand(), after.reserved(),
					after.available(), seq, now)));
		}
		return Flux.fromIterable(answered)
			.filter(step -> step.after() != null)
			.concatMap(step -> this.store.recordOutcome(step.id(), stepLevel(step), receiptOf(step).seq()))
			.then(Mono.just(answered));
	}

	private static StockEvents.MovementRecorded recorded(Step step, Balance after, Instant now) {
		Movement m = step.movement();
		return new StockEvents.MovementRecorded(step.id(), m.movementId(), m.depotCode(), m.itemCode(), m.type(),
				m.quantity(), m.delta().onHand(), m.delta().reserved(), m.reason(), m.counterpartDepot(),
				m.commitmentId(), m.occurredAt(), now, after.onHand(), after.reserved(), after.available());
	}

	private static StockLevel stepLevel(Step step) {
		Balance after = step.after();
		if (after == null) {
			throw new IllegalStateException("No levels for a stored movement");
		}
		return after.level();
	}

	private static MovementReceipt receiptOf(Step step) {
		MovementReceipt receipt = step.receipt();
		if (receipt == null) {
			throw new IllegalStateException("Movement " + step.movement().movementId() + " has no receipt");
		}
		return receipt;
	}

	private static List<MovementReceipt> inInputOrder(List<Integer> order, List<Step> steps) {
		MovementReceipt[] receipts = new MovementReceipt[steps.size()];
		for (int k = 0; k < order.size(); k++) {
			receipts[order.get(k)] = receiptOf(steps.get(k));
		}
		return List.of(receipts);
	}

	/** One movement's outcome within a transaction: applied (with the levels after it) or already stored. */
	private record Step(UUID id, Movement movement, @Nullable Balance after, boolean crossedBelow,
			@Nullable MovementReceipt receipt) {
	}

}
