package cn.fj.emergency.resources.reservation;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.resources.SupplyEvent;
import cn.fj.emergency.resources.depot.Depot;

/**
 * The events of the {@code supplies} stream, all critical: a request made, stock committed to it, and every later
 * step of a commitment. The requesting city sees them, and so does the city whose depot a commitment draws on.
 */
final class SupplyRequestEvents {

	public static final String STREAM = "supplies";

	public static final String REQUESTED = "supply.requested";

	public static final String COMMITTED = "supply.committed";

	/** A commitment changed status: shipment requested, in transit, delivered, released, expired, returned. */
	public static final String COMMITMENT_CHANGED = "supply.commitment";

	private SupplyRequestEvents() {
	}

	/** What {@code supply.committed} carries: the new commitments and the need that remains. */
	public record Committed(java.util.UUID requestId, List<Commitment> commitments, List<LineNeed> needs) {
	}

	static SupplyEvent requested(RequestView view) {
		return SupplyEvent.critical(STREAM, REQUESTED, view.request().id().toString(),
				List.of(view.request().cityCode()), view);
	}

	static SupplyEvent committed(SupplyRequest request, List<Commitment> commitments, List<LineNeed> needs,
			List<String> depotCities) {
		List<String> cities = cities(request.cityCode(), depotCities);
		return SupplyEvent.critical(STREAM, COMMITTED, request.id().toString(), cities,
				new Committed(request.id(), commitments, needs));
	}

	static SupplyEvent changed(String requestCity, @Nullable Depot depot, Commitment commitment) {
		List<String> cities = cities(requestCity, depot == null ? List.of() : depot.visibleToCities());
		return SupplyEvent.critical(STREAM, COMMITMENT_CHANGED, commitment.id().toString(), cities, commitment);
	}

	private static List<String> cities(String requestCity, List<String> more) {
		List<String> cities = new ArrayList<>();
		cities.add(requestCity);
		for (String city : more) {
			if (!cities.contains(city)) {
				cities.add(city);
			}
		}
		return cities;
	}

}
