package cn.fj.emergency.resources.reservation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One lane per key (the stock balances a commitment draws on): work waiting in a lane is taken in batches, one
 * batch at a time, of at most {@code maxBatch} in the order it came. A batch starts as soon as the lane is free, so
 * a lone call goes at once and adds no wait; calls that arrive while a batch runs form the next one. A lane that
 * empties is dropped. Holds no lock across a batch and never blocks: the map's per-key update only moves calls.
 *
 * @param <C> a call waiting in a lane; the batch function must complete every call of its batch, and its Mono must
 *     not fail (it answers each call itself, with its outcome or the batch's error)
 */
final class CommitmentLanes<C> {

	private static final Logger log = LoggerFactory.getLogger(CommitmentLanes.class);

	private final ConcurrentHashMap<String, Lane<C>> lanes = new ConcurrentHashMap<>();

	private final int maxBatch;

	private final Function<List<C>, Mono<Void>> batch;

	CommitmentLanes(int maxBatch, Function<List<C>, Mono<Void>> batch) {
		if (maxBatch < 1) {
			throw new IllegalArgumentException("A batch holds at least one call, not " + maxBatch);
		}
		this.maxBatch = maxBatch;
		this.batch = batch;
	}

	/** Puts the call in its lane, and starts a batch if the lane was idle. */
	void submit(String key, C call) {
		List<C> start = new ArrayList<>();
		this.lanes.compute(key, (k, lane) -> {
			Lane<C> l = lane == null ? new Lane<>() : lane;
			l.waiting.add(call);
			if (!l.running) {
				l.running = true;
				take(l, start);
			}
			return l;
		});
		if (!start.isEmpty()) {
			run(key, start);
		}
	}

	/** Lanes with work waiting or running, for tests and metrics. */
	int busyLanes() {
		return this.lanes.size();
	}

	private void take(Lane<C> lane, List<C> into) {
		while (into.size() < this.maxBatch && !lane.waiting.isEmpty()) {
			into.add(lane.waiting.poll());
		}
	}

	private void run(String key, List<C> calls) {
		Mono.defer(() -> this.batch.apply(calls))
			.onErrorResume(error -> {
				// the batch function answers its calls itself; an error here is a fault of it, not of a call
				log.error("A batch of {} commitment(s) on {} failed outside its answers", calls.size(), key, error);
				return Mono.empty();
			})
			.doFinally(signal -> next(key))
			.subscribe();
	}

	private void next(String key) {
		List<C> more = new ArrayList<>();
		this.lanes.compute(key, (k, lane) -> {
			if (lane == null) {
				return null;
			}
			if (lane.waiting.isEmpty()) {
				return null;
			}
			take(lane, more);
			return lane;
		});
		if (!more.isEmpty()) {
			run(key, more);
		}
	}

	/** Calls waiting in one lane, and whether a batch of it runs. Only touched inside the map's update of its key. */
	private static final class Lane<C> {

		final ArrayDeque<C> waiting = new ArrayDeque<>();

		boolean running;

	}

}
