package cn.fj.emergency.command.incident;

import org.jspecify.annotations.Nullable;

/** Gives an incident to a duty officer or commander, by username. */
public record Assignment(@Nullable String assignee, @Nullable Long expectedVersion) {
}
