package cn.fj.emergency.alerting.channel;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One delivery claimed for an attempt: what to send, to whom, under which message id (the same on every attempt).
 *
 * @param recipient the subscription id (webhook, SMS) or the topic (MQTT)
 * @param address the endpoint URL, the phone number or the topic
 * @param secret the webhook's shared secret; {@code null} for other channels
 * @param attempts the attempts made before this one
 */
public record Delivery(long id, UUID messageId, String identifier, Channel channel, String recipient, String address,
		@Nullable String secret, List<String> cityCodes, boolean exercise, String payload, int attempts) {

	public Delivery {
		cityCodes = List.copyOf(cityCodes);
	}

}
