package cn.fj.emergency.command.alarm;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One alarm, as officers read it and as the {@code alarm.raised} and {@code alarm.acknowledged} events carry it.
 * {@code cause} is unique: one cause raises one alarm. {@code acknowledgedBy} and {@code acknowledgedAt} are both
 * null while it is open.
 */
public record Alarm(UUID id, AlarmKind kind, String cause, @Nullable String cityCode, @Nullable String subjectId,
		@Nullable String level, @Nullable String summary, long sourceSeq, Instant raisedAt,
		@Nullable String acknowledgedBy, @Nullable Instant acknowledgedAt) {

	public static final String STREAM = "alarms";

	public static final String RAISED = "alarm.raised";

	public static final String ACKNOWLEDGED = "alarm.acknowledged";

	public boolean open() {
		return this.acknowledgedAt == null;
	}

}
