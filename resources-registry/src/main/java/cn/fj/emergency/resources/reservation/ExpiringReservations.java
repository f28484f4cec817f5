package cn.fj.emergency.resources.reservation;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.resources.SuppliesProperties;
import cn.fj.emergency.resources.reservation.persistence.ReservationStore;

/**
 * Releases uncollected reservations whose hold is over, periodically on every instance. Each is expired in its own
 * transaction by a conditional update, so that of instances racing for one exactly one releases its stock.
 */
@Component
public class ExpiringReservations implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ExpiringReservations.class);

	private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(30);

	private final ChangingCommitment changing;

	private final ReservationStore store;

	private final Clock clock;

	private final Duration interval;

	private final int batch;

	private volatile Disposable running = () -> { };

	private volatile boolean started;

	public ExpiringReservations(ChangingCommitment changing,
			ReservationStore store, Clock clock,
			SuppliesProperties properties) {
		this.changing = changing;
		this.store = store;
		this.clock = clock;
		this.interval = properties.expiryInterval();
		this.batch = properties.expiryBatch();
	}

	/** One round: expires what is due now; answers how many this instance expired. */
	public Mono<Long> expireDue() {
		return this.store.dueForExpiry(this.clock.instant(), this.batch)
			.concatMap(this.changing::expire)
			.count();
	}

	@Override
	public void start() {
		this.running = Flux.interval(this.interval, this.interval)
			.onBackpressureDrop()
			.concatMap(tick -> round(), 1)
			.subscribe();
		this.started = true;
	}

	private Mono<Long> round() {
		return expireDue().timeout(ROUND_TIMEOUT)
			.doOnNext(n -> {
				if (n > 0) {
					log.info("Expired {} uncollected reservation(s)", n);
				}
			})
			.onErrorResume(error -> {
				// the next round retries; what was due stays due
				log.warn("Expiring reservations failed: {}", error.toString());
				return Mono.just(0L);
			});
	}

	@Override
	public void stop() {
		this.running.dispose();
		this.started = false;
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

}
