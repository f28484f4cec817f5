package cn.fj.emergency.resources.finding;

import java.util.List;

import cn.fj.emergency.resources.depot.Depot;

/**
 * A depot that can supply some of what is wanted: how far it is, and for each wanted item how much it has
 * available ({@code suppliable} is the part of the wanted quantity it could give). {@code coversAll} when it alone
 * could supply every wanted quantity.
 */
public record SupplySource(Depot depot, double distanceKm, List<Offer> offers, boolean coversAll) {

	public SupplySource {
		offers = List.copyOf(offers);
	}

	public record Offer(String itemCode, long wanted, long available, long suppliable) {
	}

}
