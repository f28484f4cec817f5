package cn.fj.emergency.resources.reservation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A quantity committed to one line of a request: from a depot of the registry ({@code depotCode}, {@code itemCode}),
 * or, when EXTERNAL, by an outside {@code provider} as the resource {@code resourceId}. {@code returned} is how much
 * of a delivered commitment came back.
 */
public record Commitment(UUID id, UUID requestId, int lineNo, @Nullable String depotCode, @Nullable String itemCode,
		long quantity, CommitmentStatus status, @Nullable String provider, @Nullable String resourceId,
		@Nullable String resourceName, String committedBy, Instant committedAt, Instant holdUntil, Instant updatedAt,
		long returned) {
}
