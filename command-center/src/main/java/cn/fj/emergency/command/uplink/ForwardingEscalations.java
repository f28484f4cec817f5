package cn.fj.emergency.command.uplink;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rsocket.exceptions.ApplicationErrorException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.Ids;
import cn.fj.emergency.command.incident.Incident;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.NewEvent;
import cn.fj.emergency.command.uplink.persistence.ForwardStore;
import cn.fj.emergency.command.uplink.persistence.ForwardStore.Claimed;

/**
 * Sends due forwards to the national peer. Each round claims a batch (rows locked with SKIP LOCKED and leased to
 * this instance, so that several instances never send the same forward at once, and a crashed instance's claims are
 * retried once the lease runs out), sends each with its stable forwardId, and on the peer's positive answer marks it
 * acknowledged and appends {@code incident.upstream-acknowledged} in one transaction. A failed attempt is recorded
 * with its error and retried after an exponential backoff with jitter.
 * <p>
 * After a crash (or a lost database) between the peer's answer and the mark, the forward is sent again with the same
 * forwardId once the lease has passed: the peer must treat a repeat as the same forward (docs/national-uplink.md).
 */
@Component
class ForwardingEscalations implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ForwardingEscalations.class);

	static final int MAX_ERROR = 500;

	private final ForwardStore store;

	private final NationalPeer peer;

	private final EventLog events;

	private final TransactionalOperator transactions;

	private final Clock clock;

	private final NationalUplinkProperties properties;

	private final Backoff backoff;

	private final String instance;

	private final Rounds rounds = new Rounds();

	private final Counter acknowledged;

	private final Counter failed;

	private volatile Disposable running = Disposables.disposed();

	ForwardingEscalations(ForwardStore store, NationalPeer peer, EventLog events, TransactionalOperator transactions,
			Clock clock, NationalUplinkProperties properties, MeterRegistry meters) {
		this.store = store;
		this.peer = peer;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.properties = properties;
		this.backoff = properties.backoff();
		this.instance = Ids.newId(clock).toString();
		this.acknowledged = attempts(meters, "acknowledged");
		this.failed = attempts(meters, "failed");
	}

	private static Counter attempts(MeterRegistry meters, String outcome) {
		return Counter.builder("hub.uplink.attempts")
			.tag("outcome", outcome)
			.description("Attempts to forward to the national platform, by outcome")
			.register(meters);
	}

	/** Forwards are due now: new ones were queued. */
	void poke() {
		this.rounds.poke();
	}

	/** One round: answers whether more forwards may be due right now. */
	Mono<Boolean> round() {
		Instant now = this.clock.instant();
		int batch = this.properties.batchSize();
		return this.store.claimDue(this.instance, now, now.plus(this.properties.lease()), batch)
			.collectList()
			.flatMap(claimed -> Flux.fromIterable(claimed).flatMap(this::attempt, batch).then(Mono.just(claimed.size() == batch)));
	}

	private Mono<Void> attempt(Claimed claimed) {
		return this.peer.forward(claimed.id(), claimed.payloadJson())
			.map(Attempt::acknowledged)
			.onErrorResume(error -> Mono.just(Attempt.failed(describe(error))))
			.flatMap(attempt -> record(claimed, attempt))
			.onErrorResume(error -> {
				// the outcome could not be recorded: the claim runs out and the forward is sent again, same forwardId
				log.warn("Could not record the attempt of forward {}: {}", claimed.id(), error.toString());
				return Mono.empty();
			});
	}

	private Mono<Void> record(Claimed claimed, Attempt attempt) {
		String receiptId = attempt.receiptId();
		return receiptId != null ? markAcknowledged(claimed, receiptId) : markFailed(claimed, attempt.error());
	}

	private Mono<Void> markAcknowledged(Claimed claimed, String receiptId) {
		Instant at = this.clock.instant();
		// empty when another instance recorded it first (after this one's claim ran out): then nothing is appended
		Mono<Void> work = this.store.acknowledge(claimed.id(), receiptId, at)
			.flatMap(forward -> this.events.append(List.of(acknowledgedEvent(forward, receiptId, at))))
			.then();
		return this.transactions.transactional(work).doOnSuccess(done -> this.acknowledged.increment());
	}

	private static NewEvent acknowledgedEvent(Forward forward, String receiptId, Instant at) {
		UpstreamAcknowledged data = new UpstreamAcknowledged(forward.incidentId(), forward.forwardId(),
				forward.cityCode(), forward.kind(), forward.level(), forward.sourceSeq(), receiptId, at,
				forward.attempts());
		return NewEvent.critical(Incident.STREAM, UpstreamAcknowledged.TYPE, forward.incidentId().toString(),
				List.of(forward.cityCode()), forward.exercise(), data);
	}

	private Mono<Void> markFailed(Claimed claimed, String error) {
		Duration wait = this.backoff.delay(claimed.attempts(), ThreadLocalRandom.current().nextDouble());
		log.debug("Forward {} not acknowledged (attempt {}), next in {}: {}", claimed.id(), claimed.attempts(), wait, error);
		return this.store.failed(claimed.id(), this.instance, error, this.clock.instant().plus(wait))
			.doOnSuccess(done -> this.failed.increment());
	}

	private String describe(Throwable error) {
		String text;
		if (error instanceof TimeoutException) {
			text = "no answer within " + this.properties.requestTimeout();
		}
		else if (error instanceof ApplicationErrorException) {
			text = "peer answered with an error: " + error.getMessage();
		}
		else if (error instanceof NationalPeer.NotAcknowledged) {
			text = error.getMessage();
		}
		else if (error instanceof ConnectException || error.getCause() instanceof ConnectException) {
			text = "cannot connect: " + error.getMessage();
		}
		else {
			text = error.toString();
		}
		return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
	}

	@Override
	public void start() {
		if (!this.properties.enabled()) {
			log.info("National uplink off (hub.national.url not set): forwards are queued, not sent");
			return;
		}
		log.info("National uplink to {}", this.properties.url());
		this.running = this.rounds.run("Forwarding escalations", this.properties.pollInterval(), this.properties.lease(),
				this::round);
	}

	@Override
	public void stop() {
		this.running.dispose();
	}

	@Override
	public boolean isRunning() {
		return !this.running.isDisposed();
	}

	/** What became of one attempt: a receipt, or the error to record. */
	private record Attempt(@Nullable String receiptId, String error) {

		static Attempt acknowledged(String receiptId) {
			return new Attempt(receiptId, "");
		}

		static Attempt failed(String error) {
			return new Attempt(null, error);
		}

	}

}
