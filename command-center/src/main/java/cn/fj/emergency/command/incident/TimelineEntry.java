package cn.fj.emergency.command.incident;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One entry of an incident's timeline: an incident event as appended ({@code seq}, {@code type} and {@code data}
 * as on the stream), with who ({@code by}) and when ({@code at}), and the incident's exercise flag.
 */
public record TimelineEntry(long seq, UUID incidentId, String type, String by, Instant at, boolean exercise,
		@JsonRawValue String data) {
}
