package cn.fj.emergency.command.bench;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import cn.fj.emergency.command.drill.client.HubRefusal;
import cn.fj.emergency.command.support.HubClient;

/** Load shapes: a closed loop of workers, and an open loop at a fixed rate. Latencies in microseconds. */
final class Load {

	/** Longest latency a histogram tracks: 5 minutes, in microseconds. */
	static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(5);

	private Load() {
	}

	static Histogram histogram() {
		return new ConcurrentHistogram(MAX_MICROS, 3);
	}

	/**
	 * What a measured window saw.
	 *
	 * @param completed requests answered successfully within the window
	 * @param seconds the window's length
	 * @param latency their latencies, in microseconds
	 * @param errors refusals and failures within the window, by code
	 */
	record Outcome(long completed, double seconds, Histogram latency, Map<String, Long> errors) {

		double perSecond() {
			return this.completed / this.seconds;
		}

		long errorCount() {
			return this.errors.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/**
	 * {@code concurrency} workers, each sending its next request as soon as the previous one is answered, for the
	 * warm-up and then the measured window; answers within the window are counted. A failed request is counted
	 * by its code and the worker goes on after 10 ms.
	 */
	static Outcome closedLoop(int concurrency, Duration warmup, Duration measure, IntFunction<Mono<?>> request) {
		long from = System.nanoTime() + warmup.toNanos();
		long until = from + measure.toNanos();
		Histogram latency = histogram();
		LongAdder completed = new LongAdder();
		Map<String, LongAdder> errors = new ConcurrentHashMap<>();
		Flux.range(0, concurrency)
			.flatMap(slot -> Mono.defer(() -> {
				long start = System.nanoTime();
				return request.apply(slot).then(Mono.fromRunnable(() -> {
					long end = System.nanoTime();
					if (end >= from && end < until) {
						completed.increment();
						latency.recordValue(Math.min(MAX_MICROS, (end - start) / 1000));
					}
				})).onErrorResume(error -> {
					long end = System.nanoTime();
					if (end >= from && end < until) {
						errors.computeIfAbsent(code(error), c -> new LongAdder()).increment();
					}
					return Mono.delay(Duration.ofMillis(10)).then();
				});
			}).repeat(() -> System.nanoTime() < until).then(), concurrency)
			.then()
			.block(warmup.plus(measure).plusMinutes(3));
		return new Outcome(completed.sum(), measure.toNanos() / 1e9, latency, counts(errors));
	}

	/**
	 * Calls {@code send} with 0, 1, 2, ... and each call's intended time ({@link System#nanoTime()}), at
	 * {@code perSecond} for {@code duration}, from one pacing thread, catching up in bursts when late (so that
	 * latencies measured from the intended time include any delay of the sender: no coordinated omission).
	 * @return completes with the number sent once all are sent
	 */
	static Mono<Long> atRate(int perSecond, Duration duration, IndexedSend send) {
		Scheduler pacer = Schedulers.newSingle("bench-pacer");
		long start = System.nanoTime();
		long total = perSecond * duration.toSeconds();
		AtomicLong sent = new AtomicLong();
		return Flux.interval(Duration.ofMillis(5), pacer)
			.onBackpressureDrop()
			.map(tick -> {
				long elapsed = System.nanoTime() - start;
				// send i is due at its intended time, start + i / perSecond (not a period later: that lateness
				// counted as latency, a whole second at 1/s)
				long due = Math.min(total, elapsed * perSecond / 1_000_000_000L + 1);
				for (long i = sent.get(); i < due; i++) {
					send.send(i, start + i * 1_000_000_000L / perSecond);
				}
				sent.set(due);
				return due;
			})
			.takeUntil(due -> due >= total)
			.last()
			.doFinally(signal -> pacer.dispose());
	}

	/** One send of an open loop. */
	@FunctionalInterface
	interface IndexedSend {

		void send(long index, long intendedNanos);

	}

	/** A stable name for a failure: the hub's error code where it carries one. */
	static String code(Throwable error) {
		if (error instanceof HubRefusal refusal) {
			return refusal.code();
		}
		String message = error.getMessage();
		if (message != null && message.startsWith("{")) {
			try {
				return HubClient.errorBody(error).path("code").asString(error.getClass().getSimpleName());
			}
			catch (RuntimeException ex) {
				return error.getClass().getSimpleName();
			}
		}
		return error.getClass().getSimpleName();
	}

	static Map<String, Long> counts(Map<String, LongAdder> adders) {
		Map<String, Long> counts = new TreeMap<>();
		adders.forEach((k, v) -> counts.put(k, v.sum()));
		return counts;
	}

	static String millis(Histogram h, double percentile) {
		return String.format("%.1f", h.getValueAtPercentile(percentile) / 1000.0);
	}

	/** p50 / p99 / max in milliseconds. */
	static String summary(Histogram h) {
		return "p50 " + millis(h, 50) + " / p99 " + millis(h, 99) + " / max " + String.format("%.1f", h.getMaxValue() / 1000.0)
				+ " ms";
	}

	static void dispose(Disposable... disposables) {
		for (Disposable d : disposables) {
			d.dispose();
		}
	}

}
