package cn.fj.emergency.command.disaster;

import org.jspecify.annotations.Nullable;

/** A commander's change of a response: the new level (not for ending) and the reason, always required. */
public record ResponseRequest(@Nullable String level, @Nullable String reason) {
}
