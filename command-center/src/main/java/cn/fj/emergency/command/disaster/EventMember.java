package cn.fj.emergency.command.disaster;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One member of a disaster event, and what its {@code disaster-event.member-added} / {@code .member-removed}
 * events carry. {@code joinedByRule}: added by the hub's rule rather than by an officer ({@code addedBy} is then
 * {@code rule}). A removed member keeps its row ({@code removedAt} set) so the rule never brings it back.
 */
public record EventMember(UUID eventId, MemberKind kind, String memberId, boolean joinedByRule, String addedBy,
		Instant addedAt, @Nullable String addReason, @Nullable String removedBy, @Nullable Instant removedAt,
		@Nullable String removeReason) {

	public static final String RULE = "rule";

	public boolean active() {
		return this.removedAt == null;
	}

}
