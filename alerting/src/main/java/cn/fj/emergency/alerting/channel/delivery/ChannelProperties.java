package cn.fj.emergency.alerting.channel.delivery;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the broadcast channels ({@code hub.channels.*}, docs/channels.md).
 *
 * @param worker the delivery workers of this instance
 * @param retry backoff between attempts
 * @param mqtt the broadcast terminals' broker; no broker URL, no MQTT deliveries
 * @param sms the SMS gateway; no gateway URL, no SMS deliveries
 * @param feed the public CAP Atom feed
 * @param webhook where webhooks may be sent
 */
@ConfigurationProperties("hub.channels")
public record ChannelProperties(@DefaultValue Worker worker, @DefaultValue Retry retry, @DefaultValue Mqtt mqtt,
		@DefaultValue Sms sms, @DefaultValue Feed feed, @DefaultValue Webhook webhook) {

	/**
	 * @param pollInterval how often due deliveries are looked for
	 * @param batch at most this many deliveries claimed at once
	 * @param concurrency at most this many attempts in flight per instance
	 * @param lease how long a claim holds before another instance may take the delivery over
	 * @param attemptTimeout one attempt's bound (shorter than the lease)
	 */
	public record Worker(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration pollInterval,
			@DefaultValue("50") int batch, @DefaultValue("8") int concurrency, @DefaultValue("60s") Duration lease,
			@DefaultValue("15s") Duration attemptTimeout) {
	}

	public record Retry(@DefaultValue("8") int maxAttempts, @DefaultValue("2s") Duration first,
			@DefaultValue("5m") Duration cap) {
	}

	/**
	 * @param brokerUrl e.g. {@code tcp://broker:1883}
	 * @param exercises whether Exercise and Test warnings (drills) are published to the terminals too; by default
	 * they are not: the terminals are real
	 */
	public record Mqtt(@Nullable String brokerUrl, @DefaultValue("fj-emergency-hub") String clientIdPrefix,
			@DefaultValue("fj/warnings") String topicPrefix, @Nullable String username, @Nullable String password,
			@DefaultValue("false") boolean exercises) {
	}

	/**
	 * @param allowedTargets host names, IP addresses or CIDR networks a webhook may be sent to although they are
	 * loopback, private, link-local or otherwise refused by default (docs/channels.md, "Webhook targets")
	 */
	public record Webhook(@DefaultValue List<String> allowedTargets) {

		public Webhook {
			allowedTargets = List.copyOf(allowedTargets);
		}

	}

	/** @param gatewayUrl the gateway's base URL; messages are POSTed to {@code <gatewayUrl>/messages} */
	public record Sms(@Nullable String gatewayUrl, @Nullable String apiKey, @DefaultValue("FJ-ALERT") String senderId) {
	}

	/**
	 * @param baseUrl the hub's public base URL, for the feed's links
	 * @param limit at most this many entries in the feed
	 */
	public record Feed(@DefaultValue("http://localhost:8080") String baseUrl,
			@DefaultValue("Fujian Provincial Emergency Command: public warnings") String title,
			@DefaultValue("Fujian Provincial Emergency Command Center") String author,
			@DefaultValue("500") int limit) {
	}

}
