package cn.fj.emergency.command.order;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.NewEvent;

/**
 * Raises {@code order.overdue} for every target city that has not ACCEPTED, COMPLETED or REJECTED an order by its
 * deadline: once per order and city, however many hub instances check. Each instance checks every
 * {@code hub.orders.overdue-check-interval}; a check marks targets with a conditional update (only rows not yet
 * marked, skipping rows another transaction holds) and appends their events in that same transaction, so a target
 * is marked, and its event appended, by exactly one transaction. A failed check is logged and counted, and the next
 * one runs as planned.
 */
@Component
public class RaisingOverdueOrders implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RaisingOverdueOrders.class);

	/** A check that takes longer has gone wrong: it is abandoned (rolled back) and the next one tries again. */
	private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

	private final Orders orders;

	private final EventLog events;

	private final TransactionalOperator transactions;

	private final Clock clock;

	private final Duration interval;

	private final int batch;

	private final Counter raised;

	private final Counter failures;

	private volatile @Nullable Disposable checker;

	RaisingOverdueOrders(Orders orders, EventLog events, TransactionalOperator transactions, Clock clock,
			OrderProperties properties, MeterRegistry meters) {
		this.orders = orders;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.interval = properties.overdueCheckInterval();
		this.batch = properties.overdueBatch();
		this.raised = Counter.builder("hub.orders.overdue")
			.description("Order targets found overdue by this instance")
			.register(meters);
		this.failures = Counter.builder("hub.orders.overdue.check.failures")
			.description("Overdue checks of this instance that failed")
			.register(meters);
	}

	/** One check: marks every target now overdue, a batch per transaction; answers how many it marked. */
	public Mono<Long> check() {
		return markBatch().expand(marked -> marked == this.batch ? markBatch() : Mono.empty())
			.reduce(0L, (sum, marked) -> sum + marked);
	}

	private Mono<Integer> markBatch() {
		Mono<Integer> work = this.orders.markOverdue(this.clock.instant(), this.batch)
			.collectList()
			.flatMap(this::raise);
		return this.transactions.transactional(work);
	}

	private Mono<Integer> raise(List<Orders.Due> due) {
		List<NewEvent> overdue = due.stream()
			.map(d -> NewEvent.critical(CommandOrder.STREAM, CommandOrder.OVERDUE, d.overdue().orderId().toString(),
					List.of(d.overdue().cityCode()), d.exercise(), d.overdue()))
			.toList();
		return this.events.append(overdue)
			.flatMap(seqs -> seqs.isEmpty() ? Mono.just(0) : this.orders.setOverdueSeqs(due, seqs).thenReturn(seqs.size()));
	}

	private Mono<Long> checkLogged() {
		return check().timeout(CHECK_TIMEOUT)
			.doOnNext(this.raised::increment)
			.onErrorResume(error -> {
				// the loop must outlive a failed check: counted and logged, and the next tick checks again
				this.failures.increment();
				log.warn("Checking orders for missed deadlines failed; the next check retries: {}", error.toString());
				return Mono.empty();
			});
	}

	@Override
	public void start() {
		this.checker = Flux.interval(this.interval, this.interval)
			.onBackpressureDrop()
			.concatMap(tick -> checkLogged(), 1)
			.subscribe(marked -> {
			}, error -> log.error("The overdue check of orders stopped", error));
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
