package cn.fj.emergency.command.alarm;

import org.jspecify.annotations.Nullable;

/** An alarm to raise, before it has an id: {@code cause} names the one thing it is about (docs/events.md#alarms). */
public record AlarmCause(AlarmKind kind, String cause, @Nullable String cityCode, @Nullable String subjectId,
		@Nullable String level, @Nullable String summary, long sourceSeq) {
}
