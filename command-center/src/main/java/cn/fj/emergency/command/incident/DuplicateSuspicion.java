package cn.fj.emergency.command.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An open suspicion: the incident and the earlier incidents it may duplicate, those of them still open. It is
 * closed by merging (or by any other end of the incident or of all its candidates).
 */
public record DuplicateSuspicion(UUID incidentId, String cityCode, List<UUID> candidates, long seq, Instant flaggedAt,
		boolean exercise) {

	public DuplicateSuspicion {
		candidates = List.copyOf(candidates);
	}

}
