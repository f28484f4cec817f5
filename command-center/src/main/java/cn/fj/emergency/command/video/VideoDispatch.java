package cn.fj.emergency.command.video;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.stream.Audience;

/**
 * A video source dispatched to receivers for an incident. {@code audience} is the targets as expanded when the
 * dispatch was made (groups to their members): exactly the principals who see its events and may ask for playback.
 */
public record VideoDispatch(UUID id, UUID sourceId, UUID incidentId, DispatchTargets targets, List<String> audience,
		@Nullable String note, @Nullable Instant until, boolean exercise, String dispatchedBy, Instant dispatchedAt,
		@Nullable String withdrawnBy, @Nullable Instant withdrawnAt, @Nullable String withdrawReason) {

	public VideoDispatch {
		audience = List.copyOf(audience);
	}

	/** Where it stands at {@code now}. */
	public Status status(Instant now) {
		if (this.withdrawnAt != null) {
			return Status.WITHDRAWN;
		}
		return this.until != null && !now.isBefore(this.until) ? Status.ENDED : Status.ACTIVE;
	}

	/** Whether a principal answering to these names is one of the receivers. */
	public boolean isReceiver(Set<String> names) {
		return Audience.includes(this.audience, names);
	}

	VideoDispatch withdrawn(String by, Instant at, @Nullable String reason) {
		return new VideoDispatch(this.id, this.sourceId, this.incidentId, this.targets, this.audience, this.note,
				this.until, this.exercise, this.dispatchedBy, this.dispatchedAt, by, at, reason);
	}

	public View view(VideoSource.View source, Instant now) {
		return new View(this.id, this.incidentId, source, this.targets, this.note, this.until, this.exercise,
				this.dispatchedBy, this.dispatchedAt, status(now), this.withdrawnBy, this.withdrawnAt, this.withdrawReason,
				"/api/video/dispatches/" + this.id + "/playback");
	}

	/** ACTIVE until withdrawn (WITHDRAWN) or until its {@code until} has passed (ENDED). */
	public enum Status {

		ACTIVE, WITHDRAWN, ENDED

	}

	/**
	 * A dispatch as shown in queries and in its events: the source without its stream address, and where a receiver
	 * asks for a playback token.
	 */
	public record View(UUID id, UUID incidentId, VideoSource.View source, DispatchTargets targets, @Nullable String note,
			@Nullable Instant until, boolean exercise, String dispatchedBy, Instant dispatchedAt, Status status,
			@Nullable String withdrawnBy, @Nullable Instant withdrawnAt, @Nullable String withdrawReason,
			String playbackRequest) {
	}

	/** What an officer sends to dispatch a source. {@code until}: ISO-8601 with an offset. */
	public record Request(@Nullable UUID sourceId, @Nullable UUID incidentId, @Nullable DispatchTargets targets,
			@Nullable String note, @Nullable String until) {
	}

	/** What an officer may send to withdraw one. */
	public record Withdrawal(@Nullable String reason) {
	}

}
