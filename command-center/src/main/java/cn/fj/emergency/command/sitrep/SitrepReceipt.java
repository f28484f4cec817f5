package cn.fj.emergency.command.sitrep;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a submission, the same to every retry of it: the report's id, its incident and the sequence number
 * of its {@code sitrep.submitted} event.
 */
public record SitrepReceipt(UUID id, String sitrepId, UUID incidentId, SitrepKind kind, long seq, Instant submittedAt) {

	static SitrepReceipt of(Sitrep sitrep) {
		return new SitrepReceipt(sitrep.id(), sitrep.sitrepId(), sitrep.incidentId(), sitrep.kind(), sitrep.seq(),
				sitrep.submittedAt());
	}

}
