package cn.fj.emergency.command.security;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The append-only, hash-chained record of who did what. Appending joins the caller's transaction, so an action
 * and its record commit together.
 */
public interface AuditTrail {

	/**
	 * Appends a record; answers its sequence number. Inside a transaction that also appends events, call it after
	 * the events: the event counter is taken before the audit head in every transaction (docs/audit.md), which
	 * keeps two transactions from waiting on each other.
	 */
	Mono<Long> record(Actor actor, String action, @Nullable String subject, AuditRecord.Outcome outcome,
			Map<String, Object> details);

	/** Appends the records in order, in one statement; answers the sequence number of the last. */
	Mono<Long> recordAll(List<Entry> entries);

	/** Records after {@code after}, oldest first, at most {@code limit}. */
	Flux<AuditRecord> read(long after, int limit);

	/** Walks the whole chain and reports the first record that does not fit it. */
	Mono<Verification> verify();

	/** Who acted: a principal, or someone not (yet) authenticated, such as a failed sign-in. */
	record Actor(String name, String kind) {

		public static Actor of(HubPrincipal principal) {
			return new Actor(principal.subject(), principal.kind().name());
		}

		public static Actor anonymous(String claimedName) {
			return new Actor(claimedName, "ANONYMOUS");
		}

		public static Actor system() {
			return new Actor("hub", "SYSTEM");
		}

	}

	/** One record to append; {@code details} (values may be null) is written as a JSON object, keys sorted. */
	record Entry(Actor actor, String action, @Nullable String subject, AuditRecord.Outcome outcome,
			Map<String, Object> details) {
	}

	/**
	 * The result of walking the chain: intact, or broken at the first record whose hash or link does not match
	 * (or where a sequence number is missing).
	 */
	record Verification(boolean intact, long records, @Nullable Long brokenAt, String lastHash) {
	}

}
