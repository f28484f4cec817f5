package cn.fj.emergency.command.order;

import org.jspecify.annotations.Nullable;

/**
 * An acknowledgement as a city platform sends it. {@code ackId} is chosen by the city and makes retries safe; the
 * city is the token's, never the payload's.
 *
 * @param state RECEIVED, ACCEPTED, COMPLETED or REJECTED
 * @param reason required for REJECTED, an optional note otherwise
 */
public record AcknowledgementRequest(@Nullable String orderId, @Nullable String state, @Nullable String reason,
		@Nullable String ackId) {
}
