package cn.fj.emergency.resources.stock;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a movement, the same to every retry of it: the levels right after it and the sequence number of
 * its {@code stock.movement} event.
 */
public record MovementReceipt(UUID id, String movementId, String depotCode, String itemCode, MovementType type,
		long quantity, long onHand, long reserved, long available, long seq, Instant recordedAt) {
}
