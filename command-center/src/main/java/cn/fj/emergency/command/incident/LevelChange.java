package cn.fj.emergency.command.incident;

import org.jspecify.annotations.Nullable;

/** A requested raise or lowering of an incident's level, with its (required) reason. */
public record LevelChange(@Nullable String level, @Nullable String reason, @Nullable Long expectedVersion) {
}
