package cn.fj.emergency.command.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

import static org.assertj.core.api.Assertions.assertThat;

class LiveSubscriberTest {

	static HubEvent event(long seq, String city) {
		return new HubEvent(seq, "incidents", "incident.reported", "i" + seq, List.of(city), Criticality.CRITICAL, null,
				false, Instant.EPOCH, "{}", List.of());
	}

	static HubEvent level(long seq, String key) {
		return new HubEvent(seq, "stock", "stock.level", key, List.of("350200"), Criticality.CONFLATABLE, key, false,
				Instant.EPOCH, "{}", List.of());
	}

	@Test
	void deliversOnlyWhatIsAskedFor() {
		LiveSubscriber subscriber = new LiveSubscriber(e -> true, 10, 0, s -> {
		});
		for (long seq = 1; seq <= 5; seq++) {
			subscriber.offer(event(seq, "350200"));
		}

		StepVerifier.create(subscriber.flux(), 2)
			.expectNextMatches(e -> e.seq() == 1)
			.expectNextMatches(e -> e.seq() == 2)
			.expectNoEvent(Duration.ofMillis(50))
			.thenRequest(3)
			.expectNextMatches(e -> e.seq() == 3)
			.expectNextMatches(e -> e.seq() == 4)
			.expectNextMatches(e -> e.seq() == 5)
			.thenCancel()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void skipsEventsAtOrBeforeItsPositionAndThoseItMayNotSee() {
		LiveSubscriber subscriber = new LiveSubscriber(e -> e.cities().contains("350200"), 10, 3, s -> {
		});
		subscriber.offer(event(2, "350200"));
		subscriber.offer(event(3, "350200"));
		subscriber.offer(event(4, "350100"));
		subscriber.offer(event(5, "350200"));

		StepVerifier.create(subscriber.flux())
			.expectNextMatches(e -> e.seq() == 5)
			.thenCancel()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void conflatesQueuedLevelsWithTheSameKey() {
		LiveSubscriber subscriber = new LiveSubscriber(e -> true, 10, 0, s -> {
		});
		subscriber.offer(level(1, "depot-1/tents"));
		subscriber.offer(event(2, "350200"));
		subscriber.offer(level(3, "depot-1/tents"));
		subscriber.offer(level(4, "depot-2/tents"));

		StepVerifier.create(subscriber.flux())
			.expectNextMatches(e -> e.seq() == 2)
			.expectNextMatches(e -> e.seq() == 3)
			.expectNextMatches(e -> e.seq() == 4)
			.thenCancel()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void cutsOffATooSlowSubscriberWithTheLastSequenceItWasGiven() {
		AtomicBoolean terminated = new AtomicBoolean();
		LiveSubscriber subscriber = new LiveSubscriber(e -> true, 3, 0, s -> terminated.set(true));

		StepVerifier.create(subscriber.flux(), 1)
			.then(() -> {
				for (long seq = 1; seq <= 5; seq++) {
					subscriber.offer(event(seq, "350200"));
					subscriber.drain();
				}
			})
			.expectNextMatches(e -> e.seq() == 1)
			.expectErrorSatisfies(error -> {
				assertThat(error).isInstanceOf(HubException.class);
				HubException ex = (HubException) error;
				assertThat(ex.code()).isEqualTo(ErrorCode.SUBSCRIBER_TOO_SLOW);
				assertThat(ex.details()).containsEntry("lastSeq", 1L);
			})
			.verify(Duration.ofSeconds(5));
		assertThat(subscriber.isCutOff()).isTrue();
		assertThat(subscriber.offer(event(6, "350200"))).isFalse();
		assertThat(terminated).isTrue();
	}

}
