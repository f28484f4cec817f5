package cn.fj.emergency.command.disaster;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A response for a disaster event: ACTIVE at a level until it is ENDED. {@code version} counts its changes (1 for
 * the activation). {@code planId}/{@code planVersion} name the plan version it runs, fixed at activation (null
 * until digital plans exist). {@code changes} oldest first, each signed.
 */
public record DisasterResponse(UUID id, UUID eventId, ResponseLevel level, String state, boolean exercise,
		@Nullable UUID planId, @Nullable Integer planVersion, String activatedBy, Instant activatedAt,
		@Nullable String endedBy, @Nullable Instant endedAt, int version, List<ResponseChange> changes) {

	public static final String STREAM = "disaster-responses";

	public static final String ACTIVE = "ACTIVE";

	public static final String ENDED = "ENDED";

	public DisasterResponse {
		changes = List.copyOf(changes);
	}

	public boolean active() {
		return ACTIVE.equals(this.state);
	}

	DisasterResponse withChanges(List<ResponseChange> all) {
		return new DisasterResponse(this.id, this.eventId, this.level, this.state, this.exercise, this.planId,
				this.planVersion, this.activatedBy, this.activatedAt, this.endedBy, this.endedAt, this.version, all);
	}

}
