package cn.fj.emergency.alerting.feed;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One stored inbound CAP alert, as officers see it.
 *
 * @param id the hub's number for it
 * @param endedBy the id of the Update or Cancel that ended it, if any
 * @param via {@code push:<subject>} or the feed URL it came from
 */
public record InboundWarning(long id, String sender, String identifier, OffsetDateTime sent, String status,
		String msgType, InboundState state, @Nullable Long endedBy, @Nullable String event, @Nullable String headline,
		String via, Instant receivedAt) {
}
