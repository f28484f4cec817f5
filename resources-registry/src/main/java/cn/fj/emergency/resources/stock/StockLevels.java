package cn.fj.emergency.resources.stock;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.resources.Actor;
import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyEvent;
import cn.fj.emergency.resources.SupplyEvents;
import cn.fj.emergency.resources.SupplyException;
import cn.fj.emergency.resources.depot.Depot;
import cn.fj.emergency.resources.depot.Depots;
import cn.fj.emergency.resources.stock.persistence.LedgerStore;

/**
 * Reading levels, setting low-stock thresholds, and verifying that every balance equals the sum of its ledger.
 * Setting a threshold that the available quantity is already below is a crossing: it raises {@code stock.low}.
 */
@Component
public class StockLevels {

	private final Depots depots;

	private final LedgerStore store;

	private final SupplyEvents events;

	private final TransactionalOperator transactions;

	private final Clock clock;

	public StockLevels(Depots depots, LedgerStore store, SupplyEvents events, TransactionalOperator transactions,
			Clock clock) {
		this.depots = depots;
		this.store = store;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The depot's balances; a city sees only its own depots. */
	public Flux<Balance> ofDepot(Actor reader, String depotCode) {
		return visibleDepot(reader, depotCode).flatMapMany(depot -> this.store.balances(depot.code()));
	}

	/** Sets (or, with null, clears) the threshold below which the depot's item is low. */
	public Mono<Balance> setThreshold(Actor actor, String depotCode, String itemCode, @Nullable Long threshold) {
		if (threshold != null && threshold < 0) {
			return Mono.error(new SupplyException(SupplyError.INVALID_FIELD, "threshold", "threshold is not negative"));
		}
		return visibleDepot(actor, depotCode)
			.flatMap(depot -> this.depots.item(itemCode).thenReturn(depot))
			.flatMap(depot -> this.transactions.transactional(changeThreshold(depot, itemCode, threshold)));
	}

	private Mono<Balance> changeThreshold(Depot depot, String itemCode, @Nullable Long threshold) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		return this.store.lock(depot.code(), itemCode, now).flatMap(before -> {
			boolean low = LowStock.isLow(threshold, before.level());
			boolean crossed = LowStock.crossesBelow(before.low(), threshold, before.level());
			Balance after = Balance.of(depot.code(), itemCode, before.level(), threshold, low, now);
			List<SupplyEvent> batch = new ArrayList<>();
			batch.add(StockEvents.level(depot, new StockEvents.LevelChanged(depot.code(), itemCode, after.onHand(),
					after.reserved(), after.available(), threshold, low, now)));
			if (crossed && threshold != null) {
				batch.add(StockEvents.low(depot, new StockEvents.StockLow(depot.code(), itemCode, after.available(),
						threshold, now)));
			}
			return this.store.setThreshold(depot.code(), itemCode, threshold, low, now)
				.then(this.events.append(batch))
				.thenReturn(after);
		});
	}

	/** Balances of these items with something available, in any depot. */
	public Flux<Balance> available(List<String> itemCodes) {
		return this.store.availableOf(itemCodes);
	}

	public Mono<LedgerVerification> verify() {
		return this.store.mismatches()
			.collectList()
			.zipWith(this.store.counts(), (mismatches, counts) -> new LedgerVerification(mismatches.isEmpty(),
					counts[0], counts[1], mismatches, this.clock.instant()));
	}

	private Mono<Depot> visibleDepot(Actor actor, String depotCode) {
		return this.depots.depot(depotCode)
			.filter(depot -> depot.operableBy(actor.cityCode()))
			.switchIfEmpty(Mono.error(() -> new SupplyException(SupplyError.DEPOT_OUTSIDE_CITY, "depotCode",
					"Depot " + depotCode + " is not one of city " + actor.cityCode())));
	}

}
