package cn.fj.emergency.resources.depot;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyException;
import cn.fj.emergency.resources.depot.persistence.DepotStore;

/** Looking up depots and items; unknown codes are refusals, with the field at fault. */
@Component
public class Depots {

	private final DepotStore store;

	public Depots(DepotStore store) {
		this.store = store;
	}

	public Flux<Depot> all() {
		return this.store.depots();
	}

	public Flux<SupplyItem> catalogue() {
		return this.store.items();
	}

	public Mono<Depot> depot(String code) {
		return this.store.depot(code)
			.switchIfEmpty(Mono.error(() -> new SupplyException(SupplyError.UNKNOWN_DEPOT, "depotCode", "No depot " + code)));
	}

	public Mono<SupplyItem> item(String code) {
		return this.store.item(code)
			.switchIfEmpty(Mono.error(() -> new SupplyException(SupplyError.UNKNOWN_ITEM, "itemCode", "No supply item " + code)));
	}

}
