package cn.fj.emergency.command.sitrep;

import java.time.Instant;
import java.util.UUID;

/**
 * A submission that passed the {@link SitrepPolicy}: typed, with the one body of its kind ({@code content}, one of
 * {@link SitrepSubmission}'s nested records, every required field present) and the hash that recognises a retry.
 */
public record ValidSitrep(String sitrepId, UUID incidentId, SitrepKind kind, Instant reportedAt, Object content,
		String payloadHash) {
}
