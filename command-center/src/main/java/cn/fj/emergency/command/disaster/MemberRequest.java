package cn.fj.emergency.command.disaster;

import org.jspecify.annotations.Nullable;

/** An officer adds a member to an event or takes one out; {@code reason} is required for taking out. */
public record MemberRequest(@Nullable String kind, @Nullable String memberId, @Nullable String reason) {
}
