package cn.fj.emergency.resources.stock;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A movement ready for the ledger: checked, with the change it makes and the hash of its content that recognises
 * a retry. {@code commitmentId} links the hub's own movements to the commitment they serve.
 */
public record Movement(String reporter, String movementId, String depotCode, String itemCode, MovementType type,
		long quantity, StockDelta delta, @Nullable String reason, @Nullable String counterpartDepot,
		@Nullable UUID commitmentId, Instant occurredAt, String payloadHash) {

	/** A movement the hub makes for a commitment: its id is derived from the commitment and the step. */
	public static Movement forCommitment(UUID commitmentId, String step, String depotCode, String itemCode,
			MovementType type, long quantity, boolean fromReservation, Instant at) {
		String movementId = "commitment:" + commitmentId + ":" + step;
		return new Movement("hub", movementId, depotCode, itemCode, type, quantity,
				type.delta(quantity, fromReservation), step, null, commitmentId, at,
				MovementPolicy.hash(movementId, depotCode, itemCode, type.name(), Long.toString(quantity)));
	}

}
