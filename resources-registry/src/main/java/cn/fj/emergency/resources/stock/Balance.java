package cn.fj.emergency.resources.stock;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A depot's levels of one item as stored, with its low-stock threshold and whether it is below it. */
public record Balance(String depotCode, String itemCode, long onHand, long reserved, long available,
		@Nullable Long lowThreshold, boolean low, Instant updatedAt) {

	public static Balance of(String depotCode, String itemCode, StockLevel level, @Nullable Long lowThreshold,
			boolean low, Instant updatedAt) {
		return new Balance(depotCode, itemCode, level.onHand(), level.reserved(), level.available(), lowThreshold, low,
				updatedAt);
	}

	public StockLevel level() {
		return new StockLevel(this.onHand, this.reserved);
	}

}
