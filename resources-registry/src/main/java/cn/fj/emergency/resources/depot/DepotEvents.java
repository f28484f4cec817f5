package cn.fj.emergency.resources.depot;

import java.util.ArrayList;
import java.util.List;

import cn.fj.emergency.resources.SupplyEvent;

/**
 * The events of reference data on the {@code stock} stream: a depot registered or updated (seen by its owner city,
 * and the former owner's when the owner changed), a catalogue item registered or updated (seen by every city).
 */
final class DepotEvents {

	public static final String STREAM = "stock";

	public static final String DEPOT_REGISTERED = "depot.registered";

	public static final String DEPOT_UPDATED = "depot.updated";

	public static final String ITEM_REGISTERED = "item.registered";

	public static final String ITEM_UPDATED = "item.updated";

	private DepotEvents() {
	}

	static SupplyEvent depotRegistered(Depot depot) {
		return SupplyEvent.critical(STREAM, DEPOT_REGISTERED, depot.code(), depot.visibleToCities(), depot);
	}

	static SupplyEvent depotUpdated(Depot before, Depot after) {
		List<String> cities = new ArrayList<>(after.visibleToCities());
		before.visibleToCities().stream().filter(c -> !cities.contains(c)).forEach(cities::add);
		return SupplyEvent.critical(STREAM, DEPOT_UPDATED, after.code(), cities, after);
	}

	static SupplyEvent item(String type, SupplyItem item, List<String> cities) {
		return SupplyEvent.critical(STREAM, type, item.code(), cities, item);
	}

}
