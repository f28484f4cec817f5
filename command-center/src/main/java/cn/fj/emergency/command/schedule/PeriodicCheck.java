package cn.fj.emergency.command.schedule;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A check run every {@code interval} on this instance, the first one interval after {@link #start()}: one at a time
 * (ticks while a check runs are dropped), each bounded by {@code timeout}. A failed or timed-out check is handed to
 * {@code onFailure}, logged, and the next tick checks again: the loop outlives any failure of a check. As a bean it
 * starts and stops with the application context.
 */
public final class PeriodicCheck implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PeriodicCheck.class);

	private final String name;

	private final Duration interval;

	private final Duration timeout;

	private final Supplier<Mono<?>> check;

	private final Consumer<Throwable> onFailure;

	private volatile @Nullable Disposable running;

	/**
	 * @param name what is checked, for the log ("Expiring warnings")
	 * @param onFailure e.g. a failure counter's increment
	 */
	public PeriodicCheck(String name, Duration interval, Duration timeout, Supplier<Mono<?>> check,
			Consumer<Throwable> onFailure) {
		this.name = name;
		this.interval = interval;
		this.timeout = timeout;
		this.check = check;
		this.onFailure = onFailure;
	}

	@Override
	public synchronized void start() {
		if (this.running != null) {
			return;
		}
		this.running = Flux.interval(this.interval, this.interval)
			.onBackpressureDrop()
			.concatMap(tick -> once(), 1)
			.subscribe(result -> {
			}, error -> log.error("{} stopped", this.name, error));
	}

	@Override
	public synchronized void stop() {
		Disposable d = this.running;
		if (d != null) {
			d.dispose();
		}
		this.running = null;
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

	private Mono<?> once() {
		return Mono.defer(this.check).timeout(this.timeout).onErrorResume(error -> {
			this.onFailure.accept(error);
			log.warn("{} failed; the next check retries: {}", this.name, error.toString());
			return Mono.empty();
		});
	}

}
