package cn.fj.emergency.alerting.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.netty.buffer.Unpooled;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import cn.fj.emergency.alerting.channel.Channel;
import cn.fj.emergency.alerting.channel.ChannelSender;
import cn.fj.emergency.alerting.channel.Delivery;
import cn.fj.emergency.alerting.channel.DeliveryState;

/**
 * POSTs the CAP document to the subscriber's URL, signed, with the delivery's message id in {@code X-Message-Id} and
 * {@code Idempotency-Key}. A 2xx answer acknowledges it; anything else (or no answer) is a failed attempt.
 */
public class WebhookSender implements ChannelSender {

	private final HttpClient http;

	private final Clock clock;

	public WebhookSender(HttpClient http, Clock clock) {
		this.http = http;
		this.clock = clock;
	}

	@Override
	public Channel channel() {
		return Channel.WEBHOOK;
	}

	@Override
	public Mono<DeliveryState> send(Delivery d) {
		byte[] body = d.payload().getBytes(StandardCharsets.UTF_8);
		String timestamp = Long.toString(this.clock.instant().getEpochSecond());
		String messageId = d.messageId().toString();
		String secret = d.secret() == null ? "" : d.secret();
		return this.http
			.headers(h -> h.set("Content-Type", "application/cap+xml; charset=utf-8")
				.set("X-Message-Id", messageId)
				.set("Idempotency-Key", messageId)
				.set("X-Hub-Timestamp", timestamp)
				.set("X-Hub-Attempt", Integer.toString(d.attempts() + 1))
				.set("X-Hub-Exercise", Boolean.toString(d.exercise()))
				.set(WebhookSignature.HEADER, WebhookSignature.sign(secret, timestamp, messageId, body)))
			.post()
			.uri(d.address())
			.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
			.responseSingle((response, content) -> content.asString()
				.defaultIfEmpty("")
				.flatMap(text -> response.status().code() / 100 == 2 ? Mono.just(DeliveryState.ACKNOWLEDGED)
						: Mono.error(new IllegalStateException("HTTP " + response.status().code()))));
	}

}
