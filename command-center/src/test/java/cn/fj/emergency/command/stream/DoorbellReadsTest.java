package cn.fj.emergency.command.stream;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.Pause;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A doorbell ring makes an instance read the event log only when the ring's number is past what it has dispatched:
 * its own rings, heard back through Redis, cost no read.
 */
class DoorbellReadsTest {

	static Hub hub;

	static String channel;

	@BeforeAll
	static void start() {
		Map<String, Object> settings = Hub.freshHubSettings();
		// no reads but the ones rung for
		settings.put("hub.stream.poll-interval", "1h");
		hub = Hub.start(settings);
		channel = settings.get("hub.redis.namespace") + ":events";
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	@Test
	void aRingAtOrBelowTheDispatchedHeadReadsNothingAndOnePastItReads() {
		EventStreams streams = hub.context().getBean(EventStreams.class);
		await().until(streams::started);
		// whatever the start-up appended has been read: no read for a second
		double settled = settledReads();

		ring(Long.toString(streams.dispatchedHead()));
		ring("0");
		// the decision is taken before the ring is counted: a read would have been counted already
		assertThat(reads()).isEqualTo(settled);

		ring(Long.toString(streams.dispatchedHead() + 1_000_000));
		await().until(() -> reads() == settled + 1);

		ring("not a number");
		await().until(() -> reads() == settled + 2);
	}

	/** Publishes a ring and waits until this instance has taken it (counted after it decided whether to read). */
	private static void ring(String message) {
		double before = counter("hub.doorbell.received");
		hub.context().getBean(ReactiveStringRedisTemplate.class).convertAndSend(channel, message).block(Duration.ofSeconds(10));
		await().until(() -> counter("hub.doorbell.received") > before);
	}

	private static ConditionFactory await() {
		return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10));
	}

	/** The read count once it has stayed the same for a second. */
	private static double settledReads() {
		double reads;
		do {
			reads = reads();
			Pause.sleep(Duration.ofSeconds(1));
		}
		while (reads() != reads);
		return reads;
	}

	private static double reads() {
		return counter("hub.stream.tail.reads");
	}

	private static double counter(String name) {
		return hub.context().getBean(MeterRegistry.class).get(name).counter().count();
	}

}
