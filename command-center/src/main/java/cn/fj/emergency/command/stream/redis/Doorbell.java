package cn.fj.emergency.command.stream.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.util.retry.Retry;

import cn.fj.emergency.command.stream.CommitListener;
import cn.fj.emergency.command.stream.EventStreams;

/**
 * Tells the other hub instances, through Redis pub/sub, that the event log has grown, and listens for them doing
 * the same. The message is only the last sequence number; the events are always read from PostgreSQL, by an instance
 * that has not dispatched that far yet (an instance hears its own rings too, and has read those events already). Rings are
 * conflated (one publish in flight, carrying the newest number) and may be lost: the tailer's poll covers that.
 */
@Component
public class Doorbell implements CommitListener, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Doorbell.class);

	private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(2);

	private final ReactiveStringRedisTemplate redis;

	private final ReactiveRedisMessageListenerContainer container;

	private final EventStreams streams;

	private final String channel;

	private final AtomicLong latest = new AtomicLong();

	private final AtomicInteger wip = new AtomicInteger();

	private final AtomicBoolean failing = new AtomicBoolean();

	private final Counter failures;

	private final Counter received;

	private volatile @Nullable Disposable listening;

	public Doorbell(ReactiveStringRedisTemplate redis, ReactiveRedisMessageListenerContainer container,
			EventStreams streams, @Value("${hub.redis.namespace:hub}") String namespace, MeterRegistry meters) {
		this.redis = redis;
		this.container = container;
		this.streams = streams;
		this.channel = namespace + ":events";
		this.failures = Counter.builder("hub.doorbell.publish.failures")
			.description("Doorbell rings that could not be published to Redis")
			.register(meters);
		this.received = Counter.builder("hub.doorbell.received")
			.description("Doorbell rings received from Redis")
			.register(meters);
	}

	@Override
	public void committed(long lastSeq) {
		this.latest.accumulateAndGet(lastSeq, Math::max);
		if (this.wip.getAndIncrement() == 0) {
			publish();
		}
	}

	private void publish() {
		String seq = Long.toString(this.latest.get());
		this.redis.convertAndSend(this.channel, seq).timeout(PUBLISH_TIMEOUT).subscribe(receivers -> {
			if (this.failing.compareAndSet(true, false)) {
				log.info("Doorbell publishing to Redis again");
			}
		}, error -> {
			this.failures.increment();
			if (this.failing.compareAndSet(false, true)) {
				log.warn("Doorbell cannot publish to Redis ({}); instances fall back to polling the event log", error.toString());
			}
			done();
		}, this::done);
	}

	private void done() {
		if (this.wip.getAndSet(0) > 1 && this.wip.getAndIncrement() == 0) {
			publish();
		}
	}

	@Override
	public void start() {
		this.listening = this.container.receive(ChannelTopic.of(this.channel))
			.doOnNext(message -> {
				ring(message.getMessage());
				this.received.increment();
			})
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100))
				.maxBackoff(Duration.ofSeconds(5))
				.doBeforeRetry(s -> log.warn("Doorbell subscription lost ({}); resubscribing", s.failure().toString())))
			.subscribe(message -> {
			}, error -> log.error("Doorbell subscription ended", error));
	}

	private void ring(String message) {
		long seq;
		try {
			seq = Long.parseLong(message.strip());
		}
		catch (NumberFormatException ex) {
			// not a number this hub published: read the log all the same, a needless read is harmless
			this.streams.poke();
			return;
		}
		this.streams.rang(seq);
	}

	@Override
	public void stop() {
		Disposable d = this.listening;
		if (d != null) {
			d.dispose();
		}
		this.listening = null;
	}

	@Override
	public boolean isRunning() {
		return this.listening != null;
	}

}
