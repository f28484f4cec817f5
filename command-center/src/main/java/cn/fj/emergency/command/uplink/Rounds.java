package cn.fj.emergency.command.uplink;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Rounds of work, one at a time on this instance: every interval, and whenever poked; pokes that arrive during a
 * round fold into one more round. A round that answers {@code true} has more to do and runs again at once. A failed
 * round is logged, and the next tick tries again.
 */
final class Rounds {

	private static final Logger log = LoggerFactory.getLogger(Rounds.class);

	private final Sinks.Many<Long> pokes = Sinks.many().multicast().directBestEffort();

	/** May be lost when racing another poke: the round that one starts, or the next tick, covers it. */
	void poke() {
		this.pokes.tryEmitNext(0L);
	}

	Disposable run(String name, Duration interval, Duration roundTimeout, Supplier<Mono<Boolean>> round) {
		return Flux.merge(Flux.interval(interval, interval).onBackpressureDrop(), this.pokes.asFlux())
			.onBackpressureLatest()
			.concatMap(tick -> oneRound(name, roundTimeout, round), 1)
			.subscribe(more -> {
			}, error -> log.error("{} stopped", name, error));
	}

	private Mono<Boolean> oneRound(String name, Duration roundTimeout, Supplier<Mono<Boolean>> round) {
		return Mono.defer(round)
			.timeout(roundTimeout)
			.doOnNext(more -> {
				if (more) {
					poke();
				}
			})
			.onErrorResume(error -> {
				log.warn("{} failed; the next round retries: {}", name, error.toString());
				return Mono.just(false);
			});
	}

}
