package cn.fj.emergency.command.security;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.Digests;

/**
 * One record of the audit trail: who ({@code actor}, {@code actorKind}) did what ({@code action}) to what
 * ({@code subject}), whether it was done or refused, with details as JSON text. {@code hash} covers the previous
 * record's hash and every field, so the trail shows any change or removal.
 */
public record AuditRecord(long seq, Instant at, String actor, String actorKind, String action, @Nullable String subject,
		Outcome outcome, String details, String prevHash, String hash) {

	/** The hash of the (empty) record before the first. */
	public static final String GENESIS = "0".repeat(64);

	/** The hash the record must carry, given its fields and the previous record's hash. */
	public static String hashOf(String prevHash, long seq, Instant at, String actor, String actorKind, String action,
			@Nullable String subject, Outcome outcome, String details) {
		return Digests.sha256Hex(String.join("\n", prevHash, Long.toString(seq), at.toString(), actor, actorKind, action,
				subject == null ? "\u0000" : subject, outcome.name(), details));
	}

	/** Whether this record's hash matches its fields and the given previous hash. */
	public boolean sealedAfter(String previousHash) {
		return this.prevHash.equals(previousHash) && this.hash
			.equals(hashOf(previousHash, this.seq, this.at, this.actor, this.actorKind, this.action, this.subject,
					this.outcome, this.details));
	}

	public enum Outcome {

		DONE, REFUSED

	}

}
