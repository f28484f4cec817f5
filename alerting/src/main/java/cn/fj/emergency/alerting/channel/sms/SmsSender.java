package cn.fj.emergency.alerting.channel.sms;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.buffer.Unpooled;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.alerting.channel.Channel;
import cn.fj.emergency.alerting.channel.ChannelSender;
import cn.fj.emergency.alerting.channel.Delivery;
import cn.fj.emergency.alerting.channel.DeliveryState;

/**
 * Hands a text to the SMS gateway: {@code POST <gatewayUrl>/messages} with a JSON body whose {@code clientReference}
 * is the delivery's message id, the same on every attempt, which the gateway de-duplicates on. 200/201/202 (accepted)
 * or 409 (that reference was already accepted) makes the delivery SENT; anything else is a failed attempt.
 */
public class SmsSender implements ChannelSender {

	private final HttpClient http;

	private final String gatewayUrl;

	private final @Nullable String apiKey;

	private final String senderId;

	private final JsonMapper json;

	public SmsSender(HttpClient http, String gatewayUrl, @Nullable String apiKey, String senderId, JsonMapper json) {
		this.http = http;
		this.gatewayUrl = gatewayUrl.endsWith("/") ? gatewayUrl.substring(0, gatewayUrl.length() - 1) : gatewayUrl;
		this.apiKey = apiKey;
		this.senderId = senderId;
		this.json = json;
	}

	@Override
	public Channel channel() {
		return Channel.SMS;
	}

	@Override
	public Mono<DeliveryState> send(Delivery d) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("clientReference", d.messageId().toString());
		message.put("to", d.address());
		message.put("from", this.senderId);
		message.put("text", d.payload());
		message.put("warning", d.identifier());
		message.put("exercise", d.exercise());
		byte[] body = this.json.writeValueAsString(message).getBytes(StandardCharsets.UTF_8);
		String key = this.apiKey;
		return this.http
			.headers(h -> {
				h.set("Content-Type", "application/json");
				if (key != null) {
					h.set("Authorization", "Bearer " + key);
				}
			})
			.post()
			.uri(this.gatewayUrl + "/messages")
			.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
			.responseSingle((response, content) -> content.asString()
				.defaultIfEmpty("")
				.flatMap(text -> accepted(response.status().code()) ? Mono.just(DeliveryState.SENT)
						: Mono.error(new IllegalStateException("SMS gateway answered HTTP " + response.status().code()))));
	}

	private static boolean accepted(int status) {
		return status == 200 || status == 201 || status == 202 || status == 409;
	}

}
