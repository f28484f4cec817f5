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
 * @param capVersion the CAP version it was read in, {@code 1.2}, {@code 1.1} or {@code 1.0} (an older one upgraded to
 *        1.2; the original document, in its own version, is kept as received)
 */
public record InboundWarning(long id, String sender, String identifier, OffsetDateTime sent, String status,
		String msgType, InboundState state, @Nullable Long endedBy, @Nullable String event, @Nullable String headline,
		String via, Instant receivedAt, String capVersion) {
}
