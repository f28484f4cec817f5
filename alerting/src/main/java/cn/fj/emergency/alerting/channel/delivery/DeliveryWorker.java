package cn.fj.emergency.alerting.channel.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import cn.fj.emergency.alerting.channel.Channel;
import cn.fj.emergency.alerting.channel.ChannelSender;
import cn.fj.emergency.alerting.channel.Delivery;
import cn.fj.emergency.alerting.channel.DeliveryEvents;
import cn.fj.emergency.alerting.channel.DeliveryState;
import cn.fj.emergency.alerting.channel.RetryPolicy;
import cn.fj.emergency.alerting.channel.persistence.LedgerStore;

/**
 * This instance's delivery workers: every poll, and when woken after a publication on this instance, it claims due
 * PENDING deliveries under a lease (SKIP LOCKED, so
 * instances never claim the same row), attempts each with its channel's sender and records the outcome and its event
 * in one transaction. A failed attempt is retried after the backoff with the same message id, until the attempts are
 * used up (FAILED). A lease that runs out (an instance died mid-attempt) makes the row due again.
 */
public class DeliveryWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private static final int MAX_ERROR = 500;

	private final LedgerStore ledger;

	private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);

	private final DeliveryEvents events;

	private final TransactionalOperator tx;

	private final ChannelProperties.Worker settings;

	private final RetryPolicy retry;

	private final Clock clock;

	private final String owner = "worker-" + UUID.randomUUID();

	private volatile @Nullable Disposable running;

	// best effort: a wake lost to a concurrent one, or while a round runs and one is already queued, waits for the poll
	private final Sinks.Many<Long> wakes = Sinks.many().multicast().directBestEffort();

	public DeliveryWorker(LedgerStore ledger, List<ChannelSender> senders, DeliveryEvents events,
			TransactionalOperator tx, ChannelProperties.Worker settings, RetryPolicy retry, Clock clock) {
		this.ledger = ledger;
		senders.forEach(s -> this.senders.put(s.channel(), s));
		this.events = events;
		this.tx = tx;
		this.settings = settings;
		this.retry = retry;
		this.clock = clock;
	}

	@Override
	public void start() {
		if (this.settings.enabled()) {
			this.running = Flux.merge(Flux.interval(this.settings.pollInterval()), this.wakes.asFlux())
				.onBackpressureDrop()
				.concatMap(tick -> round().onErrorResume(ex -> logged(ex)), 1)
				.subscribe();
		}
	}

	/**
	 * Runs a round as soon as the current one (if any) is done, rather than at the next poll: called after a
	 * publication's rows are committed on this instance, so that its deliveries start at once.
	 */
	public void wake() {
		this.wakes.tryEmitNext(0L);
	}

	private static Mono<Long> logged(Throwable ex) {
		log.warn("Delivery round failed; the next poll tries again", ex);
		return Mono.just(0L);
	}

	@Override
	public void stop() {
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

	/** One round: claim what is due and attempt it; answers how many deliveries were attempted. */
	Mono<Long> round() {
		Instant now = this.clock.instant();
		return this.ledger.claim(this.owner, now, now.plus(this.settings.lease()), this.settings.batch())
			.flatMap(this::attempt, this.settings.concurrency())
			.count();
	}

	private Mono<Void> attempt(Delivery d) {
		ChannelSender sender = this.senders.get(d.channel());
		Mono<DeliveryState> sent = sender == null
				? Mono.error(new IllegalStateException("Channel " + d.channel() + " is not configured"))
				: Mono.defer(() -> sender.send(d)).timeout(this.settings.attemptTimeout());
		return sent.map(state -> record(d, state, null))
			.onErrorResume(ex -> Mono.just(record(d, null, describe(ex))))
			.flatMap(recording -> recording);
	}

	private Mono<Void> record(Delivery d, @Nullable DeliveryState reached, @Nullable String error) {
		Instant now = this.clock.instant();
		int attempts = d.attempts() + 1;
		DeliveryState state = reached != null ? reached
				: this.retry.exhausted(attempts) ? DeliveryState.FAILED : DeliveryState.PENDING;
		Instant next = state == DeliveryState.PENDING ? now.plus(this.retry.delayAfter(attempts)) : now;
		if (error != null) {
			log.debug("Delivery {} ({} {}) attempt {} failed: {}", d.messageId(), d.channel(), d.recipient(), attempts,
					error);
		}
		return this.ledger.record(d.id(), this.owner, state, attempts, next, error, now)
			.filter(change -> change.state().finished())
			.flatMap(this.events::changed)
			.as(this.tx::transactional)
			.then();
	}

	private static String describe(Throwable ex) {
		String text = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
		return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
	}

}
