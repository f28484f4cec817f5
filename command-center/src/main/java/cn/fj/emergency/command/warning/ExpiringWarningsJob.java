package cn.fj.emergency.command.warning;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.warning.ExpiringWarnings;

/**
 * Every {@code hub.warnings.expiry-check-interval}, ends the published warnings past their expiry (exactly once across
 * instances: see {@link ExpiringWarnings}). A failed check is logged and counted; the next one runs as planned.
 */
@Component
class ExpiringWarningsJob implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ExpiringWarningsJob.class);

	private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

	private final ExpiringWarnings expiring;

	private final Duration interval;

	private final Counter expired;

	private final Counter failures;

	private final Counter checks;

	private volatile @Nullable Disposable checker;

	ExpiringWarningsJob(ExpiringWarnings expiring, WarningProperties properties, MeterRegistry meters) {
		this.expiring = expiring;
		this.interval = properties.expiryCheckInterval();
		this.expired = Counter.builder("hub.warnings.expired").description("Warnings expired by this instance").register(meters);
		this.failures = Counter.builder("hub.warnings.expiry.check.failures")
			.description("Expiry checks of this instance that failed")
			.register(meters);
		this.checks = Counter.builder("hub.warnings.expiry.checks")
			.description("Expiry checks of this instance that completed")
			.register(meters);
	}

	private Mono<Long> checkLogged() {
		return this.expiring.expireDue().timeout(CHECK_TIMEOUT).doOnNext(n -> {
			this.expired.increment(n);
			this.checks.increment();
		}).onErrorResume(error -> {
			// the loop must outlive a failed check: counted and logged, and the next tick checks again
			this.failures.increment();
			log.warn("Expiring warnings failed; the next check retries: {}", error.toString());
			return Mono.empty();
		});
	}

	@Override
	public void start() {
		this.checker = Flux.interval(this.interval, this.interval)
			.onBackpressureDrop()
			.concatMap(tick -> checkLogged(), 1)
			.subscribe(n -> {
			}, error -> log.error("The expiry check of warnings stopped", error));
	}

	@Override
	public void stop() {
		Disposable d = this.checker;
		if (d != null) {
			d.dispose();
		}
		this.checker = null;
	}

	@Override
	public boolean isRunning() {
		return this.checker != null;
	}

}
