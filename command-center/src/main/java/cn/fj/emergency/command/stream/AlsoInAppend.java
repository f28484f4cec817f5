package cn.fj.emergency.command.stream;

import java.util.List;

/**
 * SQL that must see the appended events' sequence numbers, run in the append's own statement rather than after it.
 * The append holds the event counter row, which serialises appenders until their commit, so every round trip
 * saved after it is one every other appender waits less.
 * <p>
 * {@code ctes} is one or more further common table expressions ({@code name as (...)}, comma-separated) of a
 * {@code WITH} statement. They may read {@code numbered(seq, ord)}: one row per appended event, {@code ord}
 * being its 1-based position in the list given to {@link EventLog#append(List, AlsoInAppend)}. Their parameters are
 * numbered from {@link #FIRST_PARAMETER}, bound in order from {@code parameters} (arrays, strings, numbers,
 * timestamps; no nulls). Data-modifying expressions run even though nothing reads their result.
 */
public record AlsoInAppend(String ctes, List<Object> parameters) {

	/** The number of the first parameter ({@code $12}) the expressions may use. */
	public static final int FIRST_PARAMETER = 12;

	public AlsoInAppend {
		parameters = List.copyOf(parameters);
	}

}
