package cn.fj.emergency.command.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static cn.fj.emergency.command.stream.LiveSubscriberTest.event;
import static org.assertj.core.api.Assertions.assertThat;

class EventDispatcherTest {

	static List<HubEvent> events(long from, long to) {
		List<HubEvent> events = new ArrayList<>();
		for (long seq = from; seq <= to; seq++) {
			events.add(event(seq, "350200"));
		}
		return events;
	}

	@Test
	void attachesFromTheRingWhenItHoldsEverythingAfterThePosition() {
		EventDispatcher dispatcher = new EventDispatcher(10, 100, 0, () -> {
		});
		dispatcher.dispatch(events(1, 8));

		LiveSubscriber subscriber = dispatcher.tryAttach(5, e -> true);

		assertThat(subscriber).isNotNull();
		dispatcher.dispatch(events(9, 10));
		StepVerifier.create(subscriber.flux())
			.expectNextMatches(e -> e.seq() == 6)
			.expectNextMatches(e -> e.seq() == 7)
			.expectNextMatches(e -> e.seq() == 8)
			.expectNextMatches(e -> e.seq() == 9)
			.expectNextMatches(e -> e.seq() == 10)
			.thenCancel()
			.verify(Duration.ofSeconds(5));
		assertThat(dispatcher.subscribers()).isEmpty();
	}

	@Test
	void asksForBackfillWhenTheRingHasMovedOn() {
		EventDispatcher dispatcher = new EventDispatcher(4, 100, 0, () -> {
		});
		dispatcher.dispatch(events(1, 10));

		assertThat(dispatcher.tryAttach(5, e -> true)).isNull();
		assertThat(dispatcher.tryAttach(6, e -> true)).isNotNull();
	}

	@Test
	void asksForBackfillWhenTheRingHoldsMoreThanHalfABuffer() {
		EventDispatcher dispatcher = new EventDispatcher(100, 8, 0, () -> {
		});
		dispatcher.dispatch(events(1, 10));

		assertThat(dispatcher.tryAttach(0, e -> true)).isNull();
		assertThat(dispatcher.tryAttach(6, e -> true)).isNotNull();
	}

	@Test
	void ignoresEventsAlreadyDispatched() {
		EventDispatcher dispatcher = new EventDispatcher(10, 100, 0, () -> {
		});
		LiveSubscriber subscriber = dispatcher.tryAttach(0, e -> true);
		assertThat(subscriber).isNotNull();

		dispatcher.dispatch(events(1, 3));
		dispatcher.dispatch(events(2, 4));

		StepVerifier.create(subscriber.flux())
			.expectNextMatches(e -> e.seq() == 1)
			.expectNextMatches(e -> e.seq() == 2)
			.expectNextMatches(e -> e.seq() == 3)
			.expectNextMatches(e -> e.seq() == 4)
			.thenCancel()
			.verify(Duration.ofSeconds(5));
		assertThat(dispatcher.head()).isEqualTo(4);
	}

}
