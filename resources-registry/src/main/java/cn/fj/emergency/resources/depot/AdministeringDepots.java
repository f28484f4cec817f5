package cn.fj.emergency.resources.depot;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyEvents;
import cn.fj.emergency.resources.SupplyException;
import cn.fj.emergency.resources.depot.persistence.DepotStore;

/**
 * An administrator registers and updates depots and catalogue items. Each change and its event are one
 * transaction; an update locks the row first. Nothing is ever deleted: a depot leaves service by being disabled,
 * keeping its stock and ledger.
 */
@Component
public class AdministeringDepots {

	private final DepotStore store;

	private final AreaCodes areas;

	private final SupplyEvents events;

	private final TransactionalOperator transactions;

	private final Clock clock;

	public AdministeringDepots(DepotStore store, AreaCodes areas, SupplyEvents events,
			TransactionalOperator transactions, Clock clock) {
		this.store = store;
		this.areas = areas;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Mono<Depot> registerDepot(DepotForm form) {
		return Mono.fromCallable(() -> DepotPolicy.depot(required("code", form.code()), form, this.areas, true))
			.flatMap(depot -> this.transactions.transactional(this.store.insertDepot(depot, now())
				.flatMap(inserted -> inserted ? this.events.append(List.of(DepotEvents.depotRegistered(depot)))
						: Mono.error(taken("depot", depot.code())))
				.thenReturn(depot)));
	}

	public Mono<Depot> updateDepot(String code, DepotForm form) {
		return this.transactions.transactional(this.store.lockDepot(code)
			.switchIfEmpty(Mono.error(() -> new SupplyException(SupplyError.UNKNOWN_DEPOT, "code", "No depot " + code)))
			.flatMap(before -> Mono.fromCallable(() -> DepotPolicy.depot(code, form, this.areas, before.enabled()))
				.flatMap(after -> this.store.updateDepot(after, now())
					.then(this.events.append(List.of(DepotEvents.depotUpdated(before, after))))
					.thenReturn(after))));
	}

	public Mono<SupplyItem> registerItem(ItemForm form) {
		return Mono.fromCallable(() -> DepotPolicy.item(required("code", form.code()), form))
			.flatMap(item -> this.transactions.transactional(this.store.insertItem(item, now())
				.flatMap(inserted -> inserted
						? this.events.append(List.of(DepotEvents.item(DepotEvents.ITEM_REGISTERED, item, this.areas.cities())))
						: Mono.error(taken("supply item", item.code())))
				.thenReturn(item)));
	}

	public Mono<SupplyItem> updateItem(String code, ItemForm form) {
		return this.transactions.transactional(this.store.lockItem(code)
			.switchIfEmpty(Mono.error(() -> new SupplyException(SupplyError.UNKNOWN_ITEM, "code", "No supply item " + code)))
			.flatMap(before -> Mono.fromCallable(() -> DepotPolicy.item(code, form)))
			.flatMap(after -> this.store.updateItem(after, now())
				.then(this.events.append(List.of(DepotEvents.item(DepotEvents.ITEM_UPDATED, after, this.areas.cities()))))
				.thenReturn(after)));
	}

	private static String required(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new SupplyException(SupplyError.FIELD_REQUIRED, field, field + " is required");
		}
		return value.strip();
	}

	private static SupplyException taken(String what, String code) {
		return new SupplyException(SupplyError.CODE_TAKEN, "code", "A " + what + " with the code " + code + " exists");
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
