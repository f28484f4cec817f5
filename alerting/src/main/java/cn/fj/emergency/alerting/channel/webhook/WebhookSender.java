package cn.fj.emergency.alerting.channel.webhook;

import java.net.URI;
import java.net.UnknownHostException;
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

	/** The client for hosts the operator did not list by name: it connects only to addresses not refused. */
	private final HttpClient guarded;

	private final Clock clock;

	private final WebhookTargets targets;

	public WebhookSender(HttpClient http, Clock clock, WebhookTargets targets) {
		this.http = http;
		this.guarded = http.resolvedAddressesSelector((config, resolved) -> targets.select(resolved));
		this.clock = clock;
		this.targets = targets;
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
		String host = URI.create(d.address()).getHost();
		String refused = host == null ? "the URL has no host" : this.targets.literalRefusal(host);
		if (refused != null) {
			return Mono.error(new WebhookTargetRefused(d.address(), refused));
		}
		HttpClient client = this.targets.allowsName(host) ? this.http : this.guarded;
		return client
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
						: Mono.error(new IllegalStateException("HTTP " + response.status().code()))))
			.onErrorMap(UnknownHostException.class, unknown -> new WebhookTargetRefused(d.address(), host
					+ " did not resolve, or only to refused addresses (" + unknown.getMessage() + ")"));
	}

}
