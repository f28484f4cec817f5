package cn.fj.emergency.command.stream;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;
import reactor.util.retry.Retry;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.stream.persistence.EventStore;

/**
 * The live event stream of this instance. A tailer reads the log after the last event it dispatched, whenever it
 * is poked (a local commit, a Redis doorbell) and at least every poll interval, so a lost doorbell only delays
 * delivery; it never loses an event, because the log is read by sequence number and sequence numbers are
 * commit-ordered. Subscribers get backfill from the database or the ring, then live events, without a seam.
 */
@Component
public class EventStreams implements CommitListener, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

	/** A read of the log that takes longer has gone wrong: the tailer tries again, a subscriber gets a retryable error. */
	private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

	private final EventStore store;

	private final StreamProperties properties;

	private final Sinks.One<EventDispatcher> ready = Sinks.one();

	private final Mono<EventDispatcher> dispatcherReady = this.ready.asMono().cache();

	private volatile @Nullable EventDispatcher dispatcher;

	private final AtomicInteger wip = new AtomicInteger();

	// live streams open per principal on this instance
	private final Map<String, Integer> open = new ConcurrentHashMap<>();

	private final Counter tailErrors;

	private final Counter cutOffs;

	private final Counter tailReads;

	private volatile @Nullable Disposable poller;

	private volatile boolean running;

	private volatile @Nullable Disposable starting;

	public EventStreams(EventStore store, StreamProperties properties, MeterRegistry meters) {
		this.store = store;
		this.properties = properties;
		this.tailErrors = Counter.builder("hub.stream.tail.errors")
			.description("Failed reads of the event log by this instance's tailer")
			.register(meters);
		this.tailReads = Counter.builder("hub.stream.tail.reads")
			.description("Reads of the event log by this instance's tailer")
			.register(meters);
		this.cutOffs = Counter.builder("hub.stream.cutoffs")
			.description("Subscribers cut off for being too slow")
			.register(meters);
		Gauge.builder("hub.stream.subscribers", this, s -> s.subscriberCount())
			.description("Live subscribers on this instance")
			.register(meters);
		Gauge.builder("hub.stream.subscriber.lag.max", this, s -> s.maxLag())
			.description("Events queued for the furthest-behind live subscriber of this instance")
			.register(meters);
		Gauge.builder("hub.stream.head", this, s -> s.dispatchedHead())
			.description("Sequence number of the last event this instance dispatched")
			.register(meters);
	}

	/**
	 * The events after the requested position that the principal may see and asked for, then live ones, until
	 * cancelled or cut off for being too slow.
	 */
	public Flux<HubEvent> subscribe(HubPrincipal principal, StreamRequest request) {
		return Flux.defer(() -> {
			String who = principal.kind() + ":" + principal.subject();
			if (this.open.merge(who, 1, Integer::sum) > this.properties.maxStreamsPerPrincipal()) {
				this.open.merge(who, -1, Integer::sum);
				return Flux.error(new HubException(ErrorCode.TOO_MANY_STREAMS, "At most "
						+ this.properties.maxStreamsPerPrincipal() + " live streams per principal and instance"));
			}
			return Mono.fromCallable(() -> EventVisibility.filter(principal, request))
				.flatMapMany(filter -> this.dispatcherReady.then(startPosition(request.after()))
					.flatMapMany(position -> from(position, filter, request.streamsOrAll(), principal.cityCode())))
				.doFinally(signal -> this.open.computeIfPresent(who, (k, n) -> n > 1 ? n - 1 : null));
		});
	}

	private Mono<Long> startPosition(@Nullable Long after) {
		if (after != null && after < 0) {
			return Mono.error(HubException.field(ErrorCode.INVALID_FIELD, "after", "after must not be negative"));
		}
		return this.store.head().timeout(READ_TIMEOUT).flatMap(head -> {
			if (after == null) {
				return Mono.just(head);
			}
			if (after > head) {
				return Mono.error(new HubException(ErrorCode.RESUME_POSITION_UNKNOWN,
						"after = " + after + " is beyond the last event " + head, Map.of("head", head)));
			}
			return Mono.just(after);
		});
	}

	/**
	 * Backfill page by page until the subscriber can attach to the live dispatcher. The next page's position is fed
	 * back as the next element, so the chain stays flat however long the backfill, and the attempt to attach is made
	 * only when the previous page has been consumed.
	 */
	private Flux<HubEvent> from(long position, Predicate<HubEvent> filter, Set<String> streams, @Nullable String city) {
		return Flux.defer(() -> {
			Sinks.Many<Long> positions = Sinks.many().unicast().onBackpressureBuffer(Queues.<Long>small().get());
			positions.tryEmitNext(position).orThrow();
			return positions.asFlux().concatMap(next -> Flux.defer(() -> {
				LiveSubscriber live = requireDispatcher().tryAttach(next, filter);
				if (live != null) {
					positions.tryEmitComplete().orThrow();
					return live.flux();
				}
				return this.store.page(next, this.properties.pageSize(), streams, city).timeout(READ_TIMEOUT).flatMapMany(page -> {
					positions.tryEmitNext(page.next()).orThrow();
					return Flux.fromIterable(page.events()).filter(filter);
				});
			}), 1);
		});
	}

	@Override
	public void committed(long lastSeq) {
		poke();
	}

	/** Reads the log now: something was appended, here or on another instance. */
	public void poke() {
		if (this.dispatcher != null && this.wip.getAndIncrement() == 0) {
			tailRound();
		}
	}

	/**
	 * Another instance (or this one, through Redis) appended up to {@code seq}: reads the log unless this instance
	 * has dispatched that far already, as it has for its own appends, which it read on their local commit.
	 */
	public void rang(long seq) {
		EventDispatcher d = this.dispatcher;
		if (d != null && d.head() >= seq) {
			return;
		}
		poke();
	}

	private void tailRound() {
		this.tailReads.increment();
		EventDispatcher d = requireDispatcher();
		int batch = this.properties.tailBatch();
		this.store.readAfter(d.head(), batch).collectList().timeout(READ_TIMEOUT).subscribe(events -> {
			d.dispatch(events);
			if (events.size() == batch) {
				tailRound();
			}
			else {
				endRound();
			}
		}, error -> {
			this.tailErrors.increment();
			log.warn("Reading the event log failed; the next poke or poll retries: {}", error.toString());
			endRound();
		});
	}

	private void endRound() {
		if (this.wip.getAndSet(0) > 1) {
			poke();
		}
	}

	private EventDispatcher requireDispatcher() {
		EventDispatcher d = this.dispatcher;
		if (d == null) {
			throw new IllegalStateException("The event stream is not started");
		}
		return d;
	}

	@Override
	public void start() {
		this.running = true;
		// the tailer starts at the current end of the log: older events reach subscribers by backfill
		this.starting = this.store.head()
			.timeout(READ_TIMEOUT)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5))
				.doBeforeRetry(s -> log.warn("Cannot read the event log's head yet: {}", s.failure().toString())))
			.subscribe(this::initialise, error -> log.error("The event stream could not start", error));
	}

	private void initialise(long head) {
		if (!this.running) {
			// stopped while the head was being read: start no poller that nothing would stop
			return;
		}
		EventDispatcher d = new EventDispatcher(this.properties.ringSize(), this.properties.subscriberBuffer(), head,
				this.cutOffs::increment);
		this.dispatcher = d;
		this.ready.emitValue(d, Sinks.EmitFailureHandler.FAIL_FAST);
		Disposable p = Flux.interval(this.properties.pollInterval(), this.properties.pollInterval())
			.subscribe(tick -> poke(), error -> log.error("The event log poller stopped", error));
		this.poller = p;
		if (!this.running) {
			// stop() ran meanwhile and may have missed this poller (both fields are volatile: one of us sees the other)
			p.dispose();
			return;
		}
		log.info("Event stream ready at seq {}", head);
		poke();
	}

	@Override
	public void stop() {
		this.running = false;
		Disposable s = this.starting;
		if (s != null) {
			s.dispose();
		}
		Disposable p = this.poller;
		if (p != null) {
			p.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	int subscriberCount() {
		EventDispatcher d = this.dispatcher;
		return d == null ? 0 : d.subscribers().size();
	}

	long maxLag() {
		EventDispatcher d = this.dispatcher;
		if (d == null) {
			return 0;
		}
		long max = 0;
		for (LiveSubscriber s : d.subscribers()) {
			max = Math.max(max, s.lag());
		}
		return max;
	}

	/** Whether the tailer has its starting position and dispatches. */
	boolean started() {
		return this.dispatcher != null;
	}

	long dispatchedHead() {
		EventDispatcher d = this.dispatcher;
		return d == null ? 0 : d.head();
	}

}
