package cn.fj.emergency.command.order;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An acknowledgement that passed the {@link AcknowledgementPolicy}; {@code reason} stripped, blank as none. */
record ValidAcknowledgement(UUID orderId, AcknowledgementState state, @Nullable String reason, String ackId) {
}
