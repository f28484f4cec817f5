package cn.fj.emergency.resources.stock;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import cn.fj.emergency.resources.Actor;
import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyException;
import cn.fj.emergency.resources.depot.Depot;
import cn.fj.emergency.resources.depot.Depots;

/**
 * A depot reports a movement of its stock: checked, applied once however often it is sent, in one transaction
 * with its {@code stock.movement} and {@code stock.level} events. A city may only report for its own depots.
 */
@Component
public class RecordingMovement {

	private final Depots depots;

	private final Ledger ledger;

	private final TransactionalOperator transactions;

	private final Clock clock;

	public RecordingMovement(Depots depots, Ledger ledger, TransactionalOperator transactions, Clock clock) {
		this.depots = depots;
		this.ledger = ledger;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Mono<MovementReceipt> report(Actor reporter, MovementReport report) {
		return Mono.fromCallable(() -> MovementPolicy.check(report, reporter, this.clock.instant()))
			.flatMap(movement -> operableDepot(reporter, movement).flatMap(depot -> apply(movement, depot)));
	}

	private Mono<Depot> operableDepot(Actor reporter, Movement movement) {
		return this.depots.depot(movement.depotCode())
			.flatMap(depot -> depot.operableBy(reporter.cityCode()) ? Mono.just(depot)
					: Mono.error(new SupplyException(SupplyError.DEPOT_OUTSIDE_CITY, "depotCode", "Depot "
							+ depot.code() + " belongs to " + depot.ownerCity() + ", not to " + reporter.cityCode())))
			.flatMap(depot -> this.depots.item(movement.itemCode()).thenReturn(depot))
			.flatMap(depot -> counterpartExists(movement).thenReturn(depot));
	}

	private Mono<Depot> counterpartExists(Movement movement) {
		String counterpart = movement.counterpartDepot();
		return counterpart == null ? Mono.empty()
				: this.depots.depot(counterpart)
					.onErrorMap(SupplyException.class, ex -> new SupplyException(SupplyError.UNKNOWN_DEPOT,
							"counterpartDepot", "No depot " + counterpart));
	}

	private Mono<MovementReceipt> apply(Movement movement, Depot depot) {
		return this.transactions.transactional(this.ledger.applyAll(List.of(movement), Map.of(depot.code(), depot)))
			.map(receipts -> receipts.get(0));
	}

}
