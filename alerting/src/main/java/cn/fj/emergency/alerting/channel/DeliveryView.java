package cn.fj.emergency.alerting.channel;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One row of the delivery ledger, as officers read it. {@code recipientName} is the name of the subscription a
 * webhook or SMS delivery is owed to (null for MQTT topics and for a subscription since removed).
 */
public record DeliveryView(UUID messageId, String identifier, Channel channel, String recipient, DeliveryState state,
		int attempts, Instant nextAttemptAt, @Nullable String lastError, Instant createdAt, Instant updatedAt,
		@Nullable String recipientName) {
}
