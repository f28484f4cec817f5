package cn.fj.emergency.command.audit;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.fj.emergency.command.audit.persistence.AnchorStore;
import cn.fj.emergency.command.security.AuditTrail;

/**
 * Recomputes the audit trail's chain and checks every anchor against it: its signature is the hub's, and the
 * record it anchored is in the chain with the hash it signed. A rewrite of records and the head together leaves a
 * chain that is consistent in itself, but not with an anchor signed after the first record rewritten.
 */
@Component
public class VerifyingAuditTrail {

	/** At most this many anchor problems are listed (all are counted). */
	static final int LISTED_PROBLEMS = 100;

	private final AuditTrail trail;

	private final AnchorStore anchors;

	private final AnchorSigner signer;

	VerifyingAuditTrail(AuditTrail trail, AnchorStore anchors, AnchorSigner signer) {
		this.trail = trail;
		this.anchors = anchors;
		this.signer = signer;
	}

	public Mono<Verification> verify() {
		return this.trail.verify()
			.flatMap(chain -> this.anchors.everyAnchorWithItsRecord()
				.publishOn(Schedulers.boundedElastic())
				.reduce(new Tally(), (tally, anchor) -> tally.check(anchor, chain, this.signer))
				.map(tally -> tally.result(chain)));
	}

	/**
	 * The verification: {@code intact} when the chain is intact and every anchor checks. The chain's part:
	 * {@code chainIntact}, {@code records}, {@code brokenAt}, {@code lastHash} (as {@link AuditTrail#verify}); the
	 * anchors' part: how many, the last anchored sequence number, how many records follow it (not yet anchored),
	 * how many anchors fail and the first {@value #LISTED_PROBLEMS} of them.
	 */
	public record Verification(boolean intact, long records, @Nullable Long brokenAt, String lastHash,
			boolean chainIntact, long anchors, @Nullable Long lastAnchoredSeq, long unanchoredRecords,
			long failedAnchors, List<AnchorProblem> anchorProblems) {
	}

	/**
	 * An anchor that does not check: {@code SIGNATURE_INVALID} (not signed with the hub's key, or the stored row
	 * differs from what it signed), {@code NOT_IN_CHAIN} (no record at its sequence number in the intact part of
	 * the chain: records were removed, or the chain breaks before it), {@code HASH_MISMATCH} (the record there has
	 * another hash: it or a record before it was rewritten).
	 */
	public record AnchorProblem(long seq, String problem) {
	}

	private static final class Tally {

		long count;

		@Nullable Long last;

		long failed;

		final List<AnchorProblem> problems = new ArrayList<>();

		Tally check(AnchorStore.Stored anchor, AuditTrail.Verification chain, AnchorSigner signer) {
			this.count++;
			this.last = anchor.seq();
			AnchorSigner.SignedHead signed = signer.verify(anchor.jws());
			String problem = null;
			if (signed == null || signed.seq() != anchor.seq() || !signed.hash().equals(anchor.hash())) {
				problem = "SIGNATURE_INVALID";
			}
			else if (anchor.recordHash() == null || anchor.seq() > chain.records()) {
				problem = "NOT_IN_CHAIN";
			}
			else if (!anchor.recordHash().equals(signed.hash())) {
				problem = "HASH_MISMATCH";
			}
			if (problem != null) {
				this.failed++;
				if (this.problems.size() < LISTED_PROBLEMS) {
					this.problems.add(new AnchorProblem(anchor.seq(), problem));
				}
			}
			return this;
		}

		Verification result(AuditTrail.Verification chain) {
			long unanchored = Math.max(0, chain.records() - (this.last == null ? 0 : this.last));
			return new Verification(chain.intact() && this.failed == 0, chain.records(), chain.brokenAt(),
					chain.lastHash(), chain.intact(), this.count, this.last, unanchored, this.failed,
					List.copyOf(this.problems));
		}

	}

}
