package cn.fj.emergency.command.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * This instance's live fan-out: the recent events in a ring, and the subscribers. The tailer hands it events in
 * sequence order; a subscriber attaches at its position when the ring covers everything after it, otherwise it
 * backfills from PostgreSQL first. Attaching and dispatching take the same lock, so nothing slips between the
 * backfill and the live part.
 */
final class EventDispatcher {

	private final int ringSize;

	private final int subscriberBuffer;

	// guarded by this
	private final ArrayDeque<HubEvent> ring = new ArrayDeque<>();

	// guarded by this: the last sequence dispatched
	private long head;

	private final Set<LiveSubscriber> subscribers = ConcurrentHashMap.newKeySet();

	private final Runnable onCutOff;

	EventDispatcher(int ringSize, int subscriberBuffer, long head, Runnable onCutOff) {
		this.ringSize = ringSize;
		this.subscriberBuffer = subscriberBuffer;
		this.head = head;
		this.onCutOff = onCutOff;
	}

	synchronized long head() {
		return this.head;
	}

	/** Delivers events, which must follow the head without a gap, to every subscriber, then drains them. */
	void dispatch(List<HubEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		List<LiveSubscriber> cut = new ArrayList<>();
		synchronized (this) {
			for (HubEvent event : events) {
				if (event.seq() <= this.head) {
					continue;
				}
				this.ring.addLast(event);
				if (this.ring.size() > this.ringSize) {
					this.ring.removeFirst();
				}
				this.head = event.seq();
				for (LiveSubscriber subscriber : this.subscribers) {
					if (!subscriber.offer(event)) {
						this.subscribers.remove(subscriber);
						cut.add(subscriber);
					}
				}
			}
		}
		for (int i = 0; i < cut.size(); i++) {
			this.onCutOff.run();
		}
		// delivery runs outside the lock so that one subscriber's downstream cannot hold up the others' queues
		for (LiveSubscriber subscriber : this.subscribers) {
			subscriber.drain();
		}
		cut.forEach(LiveSubscriber::drain);
	}

	/**
	 * Attaches a subscriber positioned at {@code position} if the ring holds every event after it and they fit in
	 * its buffer; answers null when it must backfill from the database first.
	 */
	synchronized @Nullable LiveSubscriber tryAttach(long position, Predicate<HubEvent> filter) {
		List<HubEvent> missing = List.of();
		if (position < this.head) {
			HubEvent first = this.ring.peekFirst();
			if (first == null || first.seq() > position + 1) {
				return null;
			}
			missing = new ArrayList<>();
			for (HubEvent event : this.ring) {
				if (event.seq() > position && filter.test(event)) {
					missing.add(event);
				}
			}
			if (missing.size() > this.subscriberBuffer / 2) {
				return null;
			}
		}
		LiveSubscriber subscriber = new LiveSubscriber(filter, this.subscriberBuffer, position, this::detach);
		missing.forEach(subscriber::offer);
		subscriber.skipTo(this.head);
		this.subscribers.add(subscriber);
		return subscriber;
	}

	void detach(LiveSubscriber subscriber) {
		this.subscribers.remove(subscriber);
	}

	Set<LiveSubscriber> subscribers() {
		return this.subscribers;
	}

}
