package cn.fj.emergency.alerting.channel.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;

import cn.fj.emergency.alerting.channel.Channel;
import cn.fj.emergency.alerting.channel.ChannelSender;
import cn.fj.emergency.alerting.channel.Delivery;
import cn.fj.emergency.alerting.channel.DeliveryState;

/**
 * Publishes the CAP document on the delivery's topic, QoS 1, not retained, with Paho's asynchronous client (its calls
 * run on the bounded elastic scheduler, never on an event loop). The broker's PUBACK acknowledges the delivery. MQTT
 * 3.1.1 has no user properties: terminals de-duplicate on the CAP identifier, which every attempt carries unchanged.
 */
public class MqttSender implements ChannelSender, AutoCloseable {

	static final int QOS = 1;

	private final MqttAsyncClient client;

	private final MqttConnectOptions options;

	private final AtomicReference<@Nullable Mono<Void>> connecting = new AtomicReference<>();

	public MqttSender(String brokerUrl, String clientId, @Nullable String username, @Nullable String password) {
		try {
			this.client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
		}
		catch (MqttException ex) {
			throw new IllegalStateException("MQTT broker URL " + brokerUrl + " is not usable", ex);
		}
		this.options = new MqttConnectOptions();
		this.options.setCleanSession(true);
		this.options.setAutomaticReconnect(false);
		this.options.setConnectionTimeout(10);
		if (username != null) {
			this.options.setUserName(username);
		}
		if (password != null) {
			this.options.setPassword(password.toCharArray());
		}
	}

	@Override
	public Channel channel() {
		return Channel.MQTT;
	}

	@Override
	public Mono<DeliveryState> send(Delivery d) {
		return connected().then(Mono.<IMqttToken>create(sink -> {
			MqttMessage message = new MqttMessage(d.payload().getBytes(StandardCharsets.UTF_8));
			message.setQos(QOS);
			message.setRetained(false);
			try {
				this.client.publish(d.address(), message, null, listener(sink));
			}
			catch (MqttException ex) {
				sink.error(ex);
			}
		}).subscribeOn(Schedulers.boundedElastic()))
			.doOnError(ex -> this.connecting.set(null))
			.thenReturn(DeliveryState.ACKNOWLEDGED);
	}

	/** One connection attempt shared by the attempts that need it; a failed one is forgotten, so the next retries. */
	private Mono<Void> connected() {
		return Mono.defer(() -> {
			if (this.client.isConnected()) {
				return Mono.empty();
			}
			Mono<Void> fresh = connect().doOnError(ex -> this.connecting.set(null)).cache();
			Mono<Void> current = this.connecting.compareAndExchange(null, fresh);
			return current == null ? fresh : current;
		});
	}

	private Mono<Void> connect() {
		return Mono.<IMqttToken>create(sink -> {
			try {
				this.client.connect(this.options, null, listener(sink));
			}
			catch (MqttException ex) {
				sink.error(ex);
			}
		}).subscribeOn(Schedulers.boundedElastic()).then();
	}

	private static IMqttActionListener listener(MonoSink<IMqttToken> sink) {
		return new IMqttActionListener() {
			@Override
			public void onSuccess(IMqttToken token) {
				sink.success(token);
			}

			@Override
			public void onFailure(IMqttToken token, @Nullable Throwable ex) {
				sink.error(ex != null ? ex : new IllegalStateException("MQTT action failed"));
			}
		};
	}

	@Override
	public void close() {
		try {
			if (this.client.isConnected()) {
				this.client.disconnectForcibly(1000, 1000);
			}
			this.client.close(true);
		}
		catch (MqttException ex) {
			// closing at shutdown: nothing left to do with the client
			org.slf4j.LoggerFactory.getLogger(MqttSender.class).debug("MQTT client closed uncleanly", ex);
		}
	}

}
