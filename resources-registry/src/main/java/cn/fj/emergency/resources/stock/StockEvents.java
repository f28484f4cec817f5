package cn.fj.emergency.resources.stock;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.resources.SupplyEvent;
import cn.fj.emergency.resources.depot.Depot;

/**
 * The events of the {@code stock} stream: every movement (never dropped), the levels after it (conflatable per depot
 * and item: only the newest matters), and a crossing below a low-stock threshold (never dropped).
 */
final class StockEvents {

	public static final String STREAM = "stock";

	public static final String MOVEMENT = "stock.movement";

	public static final String LEVEL = "stock.level";

	public static final String LOW = "stock.low";

	private StockEvents() {
	}

	/** What {@code stock.movement} carries. */
	public record MovementRecorded(UUID id, String movementId, String depotCode, String itemCode, MovementType type,
			long quantity, long onHandDelta, long reservedDelta, @Nullable String reason,
			@Nullable String counterpartDepot, @Nullable UUID commitmentId, Instant occurredAt, Instant recordedAt,
			long onHand, long reserved, long available) {
	}

	/** What {@code stock.level} carries. */
	public record LevelChanged(String depotCode, String itemCode, long onHand, long reserved, long available,
			@Nullable Long lowThreshold, boolean low, Instant updatedAt) {
	}

	/** What {@code stock.low} carries. */
	public record StockLow(String depotCode, String itemCode, long available, long threshold, Instant at) {
	}

	static String balanceKey(String depotCode, String itemCode) {
		return depotCode + "/" + itemCode;
	}

	static SupplyEvent movement(Depot depot, MovementRecorded data) {
		return SupplyEvent.critical(STREAM, MOVEMENT, data.id().toString(), depot.visibleToCities(), data);
	}

	static SupplyEvent level(Depot depot, LevelChanged data) {
		String key = balanceKey(data.depotCode(), data.itemCode());
		return SupplyEvent.conflatable(STREAM, LEVEL, key, depot.visibleToCities(), LEVEL + ":" + key, data);
	}

	static SupplyEvent low(Depot depot, StockLow data) {
		return SupplyEvent.critical(STREAM, LOW, balanceKey(data.depotCode(), data.itemCode()), depot.visibleToCities(),
				data);
	}

	static List<String> cities(Depot depot) {
		return depot.visibleToCities();
	}

}
