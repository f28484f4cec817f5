package cn.fj.emergency.command.alarm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.Ids;
import cn.fj.emergency.command.alarm.persistence.AlarmStore;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.HubEvent;
import cn.fj.emergency.command.stream.NewEvent;

/**
 * Raises alarms from the event log: each round, in one transaction, takes the alarm cursor (an instance that finds it
 * taken leaves the round to the holder), reads the events after it, raises an alarm for each cause the
 * {@link AlarmPolicy} finds (unless its cause has one: the unique cause), appends {@code alarm.raised} for each, and
 * moves the cursor past what it read. Rounds run one at a time on this instance: every poll interval and when this
 * instance appends events.
 */
@Component
class RaisingAlarms implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RaisingAlarms.class);

	static final String CURSOR = "alarms";

	static final int EVENTS_PER_ROUND = 500;

	private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(30);

	private final EventLog events;

	private final AlarmStore store;

	private final TransactionalOperator transactions;

	private final JsonMapper json;

	private final Clock clock;

	private final AlarmDoorbell doorbell;

	private final Duration pollInterval;

	private volatile Disposable running = Disposables.disposed();

	RaisingAlarms(EventLog events, AlarmStore store, TransactionalOperator transactions, JsonMapper json, Clock clock,
			AlarmDoorbell doorbell, AlarmProperties properties) {
		this.events = events;
		this.store = store;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
		this.doorbell = doorbell;
		this.pollInterval = properties.pollInterval();
	}

	/** One round: answers whether the log may hold more to read right now. */
	Mono<Boolean> round() {
		Mono<Boolean> work = this.store.lockCursor(CURSOR)
			.flatMap(cursor -> this.events.readAfter(cursor, EVENTS_PER_ROUND).collectList())
			.flatMap(this::raiseFor);
		return this.transactions.transactional(work).defaultIfEmpty(false);
	}

	private Mono<Boolean> raiseFor(List<HubEvent> read) {
		if (read.isEmpty()) {
			return Mono.just(false);
		}
		Instant now = this.clock.instant();
		long last = read.get(read.size() - 1).seq();
		return Flux.fromIterable(read)
			.concatMap(event -> Mono.justOrEmpty(causeOf(event)))
			.concatMap(cause -> this.store.raise(Ids.newId(this.clock), cause, now))
			.map(RaisingAlarms::raised)
			.collectList()
			.flatMap(this.events::append)
			.then(this.store.moveCursor(CURSOR, last))
			.thenReturn(read.size() == EVENTS_PER_ROUND);
	}

	static NewEvent raised(Alarm alarm) {
		// province officers only (cities empty): the duty desk's, not the city platforms'
		return NewEvent.critical(Alarm.STREAM, Alarm.RAISED, alarm.id().toString(), List.of(), false, alarm);
	}

	private Optional<AlarmCause> causeOf(HubEvent event) {
		if (Alarm.STREAM.equals(event.stream())) {
			return Optional.empty();
		}
		try {
			return AlarmPolicy.causeOf(event, this.json.readTree(event.data()));
		}
		catch (JacksonException ex) {
			// a broken event cannot become readable by retrying: it is skipped, loudly
			log.error("Event {} ({}) does not match its contract and raises no alarm: {}", event.seq(), event.type(),
					ex.toString());
			return Optional.empty();
		}
	}

	@Override
	public void start() {
		this.running = Flux.merge(Flux.interval(this.pollInterval, this.pollInterval).onBackpressureDrop(),
				this.doorbell.rings())
			.onBackpressureLatest()
			.concatMap(tick -> oneRound(), 1)
			.subscribe(more -> {
			}, error -> log.error("Raising alarms stopped", error));
	}

	private Mono<Boolean> oneRound() {
		return Mono.defer(this::round)
			.expand(more -> more ? Mono.defer(this::round) : Mono.empty())
			.last(false)
			.timeout(ROUND_TIMEOUT)
			.onErrorResume(error -> {
				log.warn("Raising alarms failed; the next round retries: {}", error.toString());
				return Mono.just(false);
			});
	}

	@Override
	public void stop() {
		this.running.dispose();
	}

	@Override
	public boolean isRunning() {
		return !this.running.isDisposed();
	}

}
