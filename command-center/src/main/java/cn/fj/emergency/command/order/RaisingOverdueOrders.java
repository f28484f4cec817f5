package cn.fj.emergency.command.order;

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
 * Raises {@code order.overdue} for every target city that has not ACCEPTED, COMPLETED or REJECTED an order by its
 * deadline: once per order and city, however many hub instances check. Each instance checks every
 * {@code hub.orders.overdue-check-interval}; a check marks targets with a conditional update (only rows not yet
 * marked, skipping rows another transaction holds) and appends their events in that same transaction, so a target
 * is marked, and its event appended, by exactly one transaction. A failed check is logged and counted, and the next
 * one runs as planned.
 */
@Component
public class RaisingOverdueOrders implements SmartLifecycle {

	/** A check that takes longer has gone wrong: it is abandoned (rolled back) and the next one tries again. */
	private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

	private final Orders orders;

	private final EventLog events;

	private final TransactionalOperator transactions;

	private final Clock clock;

	private final int batch;

	private final Counter raised;

	private final PeriodicCheck checker;

	RaisingOverdueOrders(Orders orders, EventLog events, TransactionalOperator transactions, Clock clock,
			OrderProperties properties, MeterRegistry meters) {
		this.orders = orders;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.batch = properties.overdueBatch();
		this.raised = Counter.builder("hub.orders.overdue")
			.description("Order targets found overdue by this instance")
			.register(meters);
		Counter failures = Counter.builder("hub.orders.overdue.check.failures")
			.description("Overdue checks of this instance that failed")
			.register(meters);
		this.checker = new PeriodicCheck("Checking orders for missed deadlines", properties.overdueCheckInterval(),
				CHECK_TIMEOUT, () -> check().doOnNext(this.raised::increment), error -> failures.increment());
	}

	/** One check: marks every target now overdue, a batch per transaction; answers how many it marked. */
	public Mono<Long> check() {
		return markBatch().expand(marked -> marked == this.batch ? markBatch() : Mono.empty())
			.reduce(0L, (sum, marked) -> sum + marked);
	}

	private Mono<Integer> markBatch() {
		// to the microsecond PostgreSQL keeps: the order.overdue event and the target's record show one time
		Mono<Integer> work = this.orders.markOverdue(this.clock.instant().truncatedTo(ChronoUnit.MICROS), this.batch)
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
