package cn.fj.emergency.command.disaster;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.schedule.PeriodicCheck;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.NewEvent;

/**
 * The membership rule, applied by a sweep rather than at intake: every {@code hub.disaster-events.rule-interval}
 * each instance inserts, in one statement, a membership for every incident of an open event's category (or below
 * it) in its area, reported within its time span, of its exercise flag, that has no membership row yet, and appends
 * a {@code disaster-event.member-added} (joinedByRule true, by {@code rule}) for each in the same transaction. A
 * sweep also catches incidents reported before the event was opened, and the membership row an officer's removal
 * leaves behind keeps the incident out for good. Two instances sweeping at once insert each membership once (the
 * primary key; {@code on conflict do nothing}).
 */
@Component
class JoiningByRule implements SmartLifecycle {

	private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(30);

	private final DisasterEvents store;

	private final EventLog events;

	private final TransactionalOperator transactions;

	private final Clock clock;

	private final int batch;

	private final PeriodicCheck checker;

	JoiningByRule(DisasterEvents store, EventLog events, TransactionalOperator transactions, Clock clock,
			DisasterEventProperties properties, MeterRegistry meters) {
		this.store = store;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.batch = properties.ruleBatch();
		Counter joined = Counter.builder("hub.disaster-events.joined-by-rule")
			.description("Incidents this instance joined to disaster events by rule")
			.register(meters);
		Counter failures = Counter.builder("hub.disaster-events.rule.failures")
			.description("Membership rule rounds of this instance that failed")
			.register(meters);
		this.checker = new PeriodicCheck("Joining incidents to disaster events", properties.ruleInterval(), ROUND_TIMEOUT,
				() -> sweep().doOnNext(joined::increment), error -> failures.increment());
	}

	/** One sweep, a batch per transaction until none is left; answers how many incidents joined. */
	Mono<Long> sweep() {
		return joinBatch().expand(n -> n == this.batch ? joinBatch() : Mono.empty()).reduce(0L, Long::sum);
	}

	private Mono<Long> joinBatch() {
		Mono<Long> work = this.store.joinByRule(this.clock.instant().truncatedTo(ChronoUnit.MICROS), this.batch)
			.map(joined -> {
				EventMember m = joined.member();
				DisasterEvent e = joined.event();
				Views.MemberChange data = new Views.MemberChange(e.id(), e.nameZh(), m.kind(), m.memberId(), true,
						EventMember.RULE, m.addedAt(), null);
				return NewEvent.critical(DisasterEvent.STREAM, DisasterEvent.MEMBER_ADDED, e.id().toString(),
						e.concernedCities(), e.exercise(), data);
			})
			.collectList()
			.flatMap(added -> this.events.append(added).map(List::size).map(Integer::longValue));
		return this.transactions.transactional(work);
	}

	@Override
	public void start() {
		this.checker.start();
	}

	@Override
	public void stop() {
		this.checker.stop();
	}

	@Override
	public boolean isRunning() {
		return this.checker.isRunning();
	}

}
