package cn.fj.emergency.command.uplink;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.incident.IncidentLevel;

/**
 * One forward to the national platform as officers see it: pending with its attempts, the next one and the last
 * error, or acknowledged with when and the peer's receipt.
 *
 * @param forwardId the id the peer sees, the same on every attempt
 * @param sourceSeq the event that caused the forward
 */
public record Forward(UUID forwardId, UUID incidentId, String cityCode, ForwardKind kind, IncidentLevel level,
		@Nullable IncidentLevel previousLevel, long sourceSeq, boolean exercise, ForwardState state, Instant createdAt,
		int attempts, @Nullable Instant lastAttemptAt, @Nullable Instant nextAttemptAt, @Nullable String lastError,
		@Nullable Instant acknowledgedAt, @Nullable String receiptId) {
}
