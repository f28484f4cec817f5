package cn.fj.emergency.resources.stock;

import org.jspecify.annotations.Nullable;

/**
 * A movement as a depot reports it. {@code movementId} is chosen by the reporter and makes retries safe: the same
 * movement sent again is applied once and answered as the first time. Fields are as received, so that each bad
 * one is refused with its own reason by the {@link MovementPolicy}.
 *
 * @param type RECEIPT, ISSUE, TRANSFER_OUT, TRANSFER_IN or ADJUSTMENT
 * @param quantity whole units of the item; positive, except an ADJUSTMENT's, whose sign is its direction
 * @param reason why: required for an ADJUSTMENT
 * @param counterpartDepot for a transfer, the depot at the other end
 * @param occurredAt ISO-8601 with an offset; the hub's clock when absent
 */
public record MovementReport(@Nullable String movementId, @Nullable String depotCode, @Nullable String itemCode,
		@Nullable String type, @Nullable Long quantity, @Nullable String reason, @Nullable String counterpartDepot,
		@Nullable String occurredAt) {
}
