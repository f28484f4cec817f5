package cn.fj.emergency.command.stream;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/**
 * One live subscriber's bounded queue. The dispatcher offers it every event in sequence order; it keeps those the
 * subscriber may see and hands them on only as fast as the subscriber asks (reactive demand). Conflatable events
 * replace a queued one with the same key. When the queue is full the subscriber is cut off with
 * {@link ErrorCode#SUBSCRIBER_TOO_SLOW} and the sequence of the last event it was given, so that it can resume
 * from there without loss: the error is emitted by the same drain loop as the events, so it never overtakes one.
 */
final class LiveSubscriber {

	private final Predicate<HubEvent> filter;

	private final int capacity;

	private final Consumer<LiveSubscriber> onTerminate;

	// guarded by this
	private final LinkedHashMap<Object, HubEvent> queue = new LinkedHashMap<>();

	// guarded by this: the highest sequence offered, to skip events the subscriber already had from backfill
	private long lastOffered;

	// guarded by this
	private boolean cutOff;

	private final AtomicInteger wip = new AtomicInteger();

	private volatile @Nullable FluxSink<HubEvent> sink;

	private volatile long lastDelivered;

	LiveSubscriber(Predicate<HubEvent> filter, int capacity, long position, Consumer<LiveSubscriber> onTerminate) {
		this.filter = filter;
		this.capacity = capacity;
		this.lastOffered = position;
		this.lastDelivered = position;
		this.onTerminate = onTerminate;
	}

	/** The subscriber's events, from its position on; subscribe once. */
	Flux<HubEvent> flux() {
		return Flux.create(sink -> {
			sink.onRequest(n -> drain());
			sink.onDispose(() -> this.onTerminate.accept(this));
			this.sink = sink;
			drain();
		});
	}

	/**
	 * Queues the event if the subscriber may see it. Answers false when the subscriber is finished with: cut off
	 * now or earlier; it then needs no more offers. Called with events in sequence order, from one thread at a time.
	 */
	boolean offer(HubEvent event) {
		synchronized (this) {
			if (this.cutOff) {
				return false;
			}
			if (event.seq() <= this.lastOffered) {
				return true;
			}
			this.lastOffered = event.seq();
			if (!this.filter.test(event)) {
				return true;
			}
			Object key = key(event);
			if (!(key instanceof Long)) {
				this.queue.remove(key);
			}
			if (this.queue.size() >= this.capacity) {
				this.cutOff = true;
				this.queue.clear();
			}
			else {
				this.queue.put(key, event);
			}
			return !this.cutOff;
		}
	}

	/** Counts every event up to {@code seq} as offered: the subscriber has had, or may not see, them. */
	synchronized void skipTo(long seq) {
		this.lastOffered = Math.max(this.lastOffered, seq);
	}

	/** Whether the last offer cut this subscriber off. */
	synchronized boolean isCutOff() {
		return this.cutOff;
	}

	private static Object key(HubEvent event) {
		String conflationKey = event.conflationKey();
		if (event.criticality() == Criticality.CONFLATABLE && conflationKey != null) {
			return "c:" + conflationKey;
		}
		return event.seq();
	}

	/** Events waiting for this subscriber to ask for them: at its buffer size it is cut off. */
	synchronized int lag() {
		return this.queue.size();
	}

	void drain() {
		if (this.wip.getAndIncrement() != 0) {
			return;
		}
		int missed = 1;
		do {
			FluxSink<HubEvent> s = this.sink;
			if (s != null && !s.isCancelled()) {
				emit(s);
			}
			missed = this.wip.addAndGet(-missed);
		}
		while (missed != 0);
	}

	private void emit(FluxSink<HubEvent> s) {
		while (s.requestedFromDownstream() > 0) {
			HubEvent next = take();
			if (next == null) {
				break;
			}
			this.lastDelivered = next.seq();
			s.next(next);
		}
		boolean stop;
		synchronized (this) {
			stop = this.cutOff && this.queue.isEmpty();
		}
		if (stop) {
			s.error(new HubException(ErrorCode.SUBSCRIBER_TOO_SLOW,
					"Too slow for the live stream; resume with after = " + this.lastDelivered,
					Map.of("lastSeq", this.lastDelivered)));
		}
	}

	private synchronized @Nullable HubEvent take() {
		Iterator<HubEvent> it = this.queue.values().iterator();
		if (!it.hasNext()) {
			return null;
		}
		HubEvent next = it.next();
		it.remove();
		return next;
	}

}
