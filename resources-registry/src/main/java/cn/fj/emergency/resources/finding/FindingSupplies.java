package cn.fj.emergency.resources.finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyException;
import cn.fj.emergency.resources.depot.Depot;
import cn.fj.emergency.resources.depot.Depots;
import cn.fj.emergency.resources.stock.Balance;
import cn.fj.emergency.resources.stock.StockLevels;

/**
 * For items and quantities wanted near a location, the depots that have any of them available, nearest first by
 * great-circle distance (ties by code), each with what it could supply.
 */
@Component
public class FindingSupplies {

	static final int MAX_ITEMS = 50;

	private final Depots depots;

	private final StockLevels levels;

	public FindingSupplies(Depots depots, StockLevels levels) {
		this.depots = depots;
		this.levels = levels;
	}

	public Mono<List<SupplySource>> near(double latitude, double longitude, Map<String, Long> wanted, int limit) {
		return Mono.fromRunnable(() -> check(latitude, longitude, wanted, limit))
			.then(Mono.zip(this.depots.all().collectMap(Depot::code), available(wanted)))
			.map(both -> rank(latitude, longitude, wanted, both.getT1(), both.getT2(), limit));
	}

	private Mono<Map<String, Map<String, Long>>> available(Map<String, Long> wanted) {
		return Flux.fromIterable(wanted.keySet())
			.concatMap(this.depots::item)
			.then(this.levels.available(List.copyOf(wanted.keySet()))
				.collect(HashMap::new, (Map<String, Map<String, Long>> byDepot, Balance b) -> byDepot
					.computeIfAbsent(b.depotCode(), d -> new HashMap<>())
					.put(b.itemCode(), b.available())));
	}

	static List<SupplySource> rank(double latitude, double longitude, Map<String, Long> wanted,
			Map<String, Depot> depots, Map<String, Map<String, Long>> available, int limit) {
		List<SupplySource> sources = new ArrayList<>();
		for (var entry : available.entrySet()) {
			Depot depot = depots.get(entry.getKey());
			if (depot == null || !depot.enabled()) {
				continue;
			}
			List<SupplySource.Offer> offers = new ArrayList<>();
			boolean all = true;
			for (var want : wanted.entrySet()) {
				long has = entry.getValue().getOrDefault(want.getKey(), 0L);
				offers.add(new SupplySource.Offer(want.getKey(), want.getValue(), has, Math.min(has, want.getValue())));
				all &= has >= want.getValue();
			}
			double km = GreatCircle.kilometres(latitude, longitude, depot.latitude(), depot.longitude());
			sources.add(new SupplySource(depot, Math.round(km * 10) / 10.0, offers, all));
		}
		sources.sort(Comparator.comparingDouble(SupplySource::distanceKm).thenComparing(s -> s.depot().code()));
		return sources.size() > limit ? List.copyOf(sources.subList(0, limit)) : sources;
	}

	private static void check(double latitude, double longitude, Map<String, Long> wanted, int limit) {
		if (!Double.isFinite(latitude) || latitude < -90 || latitude > 90) {
			throw new SupplyException(SupplyError.INVALID_FIELD, "latitude", "latitude is between -90 and 90");
		}
		if (!Double.isFinite(longitude) || longitude < -180 || longitude > 180) {
			throw new SupplyException(SupplyError.INVALID_FIELD, "longitude", "longitude is between -180 and 180");
		}
		if (wanted.isEmpty() || wanted.size() > MAX_ITEMS) {
			throw new SupplyException(SupplyError.FIELD_REQUIRED, "item", "Name 1 to " + MAX_ITEMS + " items");
		}
		if (wanted.values().stream().anyMatch(q -> q <= 0)) {
			throw new SupplyException(SupplyError.INVALID_FIELD, "item", "Wanted quantities are positive");
		}
		if (limit < 1 || limit > 100) {
			throw new SupplyException(SupplyError.INVALID_FIELD, "limit", "limit is between 1 and 100");
		}
	}

	/** Parses {@code CODE:QUANTITY} pairs (a bare code wants 1), keeping their order. */
	public static Map<String, Long> wanted(List<String> items) {
		Map<String, Long> wanted = new LinkedHashMap<>();
		for (String spec : items) {
			int colon = spec.lastIndexOf(':');
			String code = colon < 0 ? spec : spec.substring(0, colon);
			long quantity;
			try {
				quantity = colon < 0 ? 1 : Long.parseLong(spec.substring(colon + 1));
			}
			catch (NumberFormatException ex) {
				throw new SupplyException(SupplyError.INVALID_FIELD, "item", "item is CODE or CODE:QUANTITY, not " + spec);
			}
			wanted.merge(code, quantity, Long::sum);
		}
		return wanted;
	}

}
