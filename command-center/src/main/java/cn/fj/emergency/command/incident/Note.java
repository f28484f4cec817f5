package cn.fj.emergency.command.incident;

import org.jspecify.annotations.Nullable;

/** A free-text note on an incident's timeline. */
public record Note(@Nullable String text) {
}
