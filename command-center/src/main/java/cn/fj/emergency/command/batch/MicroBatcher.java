package cn.fj.emergency.command.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/**
 * Gathers concurrent requests into batches written by one call each, typically one transaction: while
 * {@code maxInFlight} batches are being written, new requests queue, and they form the next batch when one of those
 * ends. Under light load a batch is one request and waits for nothing; under heavy load batches grow up to
 * {@code maxBatch} and the number of transactions stays low. With more than one batch in flight, batches may end in
 * any order (each answers its own requests). The queue is bounded: past it, requests are refused with {@link ErrorCode#HUB_OVERLOADED} (retryable).
 *
 * @param <I> a request
 * @param <O> its answer; the writer answers one per request, in the same order
 */
public final class MicroBatcher<I, O> {

	private static final Logger log = LoggerFactory.getLogger(MicroBatcher.class);

	private final String name;

	private final int maxBatch;

	private final int maxQueued;

	// lock-free: submitters run on event loops, where even a briefly contended lock would park the thread
	private final ConcurrentLinkedQueue<Pending<I, O>> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final Function<List<I>, Mono<List<O>>> writer;

	private final int maxInFlight;

	private final AtomicInteger inFlight = new AtomicInteger();

	/** One batch in flight at a time. */
	public MicroBatcher(String name, int maxBatch, int maxQueued, Function<List<I>, Mono<List<O>>> writer) {
		this(name, maxBatch, maxQueued, 1, writer);
	}

	public MicroBatcher(String name, int maxBatch, int maxQueued, int maxInFlight,
			Function<List<I>, Mono<List<O>>> writer) {
		if (maxBatch < 1 || maxQueued < 1 || maxInFlight < 1) {
			throw new IllegalArgumentException("maxBatch, maxQueued and maxInFlight must be at least 1");
		}
		this.name = name;
		this.maxBatch = maxBatch;
		this.maxQueued = maxQueued;
		this.maxInFlight = maxInFlight;
		this.writer = writer;
	}

	public Mono<O> submit(I request) {
		return Mono.create(sink -> {
			if (this.queued.incrementAndGet() > this.maxQueued) {
				this.queued.decrementAndGet();
				sink.error(new HubException(ErrorCode.HUB_OVERLOADED, "Too many " + this.name + " waiting to be written"));
				return;
			}
			this.queue.offer(new Pending<>(request, sink));
			drain();
		});
	}

	private void drain() {
		while (!this.queue.isEmpty() && takeSlot()) {
			List<Pending<I, O>> batch = new ArrayList<>();
			Pending<I, O> next;
			while (batch.size() < this.maxBatch && (next = this.queue.poll()) != null) {
				batch.add(next);
			}
			this.queued.addAndGet(-batch.size());
			if (batch.isEmpty()) {
				this.inFlight.decrementAndGet();
				continue;
			}
			write(batch);
		}
	}

	private boolean takeSlot() {
		int current;
		do {
			current = this.inFlight.get();
			if (current >= this.maxInFlight) {
				return false;
			}
		}
		while (!this.inFlight.compareAndSet(current, current + 1));
		return true;
	}

	private void write(List<Pending<I, O>> batch) {
		List<I> requests = new ArrayList<>(batch.size());
		batch.forEach(p -> requests.add(p.request()));
		Mono.defer(() -> this.writer.apply(requests)).subscribe(answers -> {
			if (answers.size() != batch.size()) {
				fail(batch, new IllegalStateException(this.name + " writer answered " + answers.size() + " for " + batch.size()));
				return;
			}
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).sink().success(answers.get(i));
			}
		}, error -> {
			fail(batch, error);
			finished();
		}, this::finished);
	}

	private void fail(List<Pending<I, O>> batch, Throwable error) {
		log.debug("A batch of {} {} failed: {}", batch.size(), this.name, error.toString());
		batch.forEach(p -> p.sink().error(error));
	}

	private void finished() {
		this.inFlight.decrementAndGet();
		drain();
	}

	private record Pending<I, O>(I request, MonoSink<O> sink) {
	}

}
