package cn.fj.emergency.command.stream;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.security.AuditTrail;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.stream.persistence.EventStore;

/**
 * Appends events in the caller's transaction: the change and the event that makes it visible commit together or
 * not at all. Calling it outside a transaction is an error. After commit, the listeners (this instance's tailer and
 * the Redis doorbell for the others) are told the log has grown.
 */
@Component
public class EventLog {

	private static final Logger log = LoggerFactory.getLogger(EventLog.class);

	private final EventStore store;

	private final JsonMapper json;

	private final Clock clock;

	private final List<CommitListener> listeners;

	private final AuditTrail audit;

	public EventLog(EventStore store, JsonMapper json, Clock clock, List<CommitListener> listeners, AuditTrail audit) {
		this.store = store;
		this.json = json;
		this.clock = clock;
		this.listeners = List.copyOf(listeners);
		this.audit = audit;
	}

	/**
	 * Appends the events in order and answers their sequence numbers, in the same order. When the caller acts for
	 * a principal (a {@link HubPrincipal} in the Reactor context: an HTTP request or an RSocket request), each event
	 * is also recorded in the audit trail as that principal's act, in the same transaction, just before it commits
	 * ({@link AuditedActs}): the change, its event and its audit record commit together or not at all.
	 */
	public Mono<List<Long>> append(List<NewEvent> events) {
		if (events.isEmpty()) {
			return Mono.just(List.of());
		}
		return currentTransaction().flatMap(tsm -> Mono.deferContextual(ctx -> {
			HubPrincipal actor = ctx.getOrDefault(HubPrincipal.class, null);
			return Mono.fromCallable(() -> rows(events))
				.flatMap(rows -> this.store.append(rows, this.clock.instant()))
				.doOnNext(last -> {
					tsm.registerSynchronization(notifyAfterCommit(last));
					if (actor != null) {
						AuditedActs.of(tsm, this.audit).add(actor, events, last);
					}
				})
				.map(last -> numbers(last, events.size()));
		}));
	}

	/**
	 * Tells the listeners that a statement which was its own transaction has appended events up to
	 * {@code lastSeq} and committed: for writers that append through the database's {@code event_log_append}
	 * inside one function call rather than through {@link #append} (the incident intake, V9).
	 */
	public void committedInOneStatement(long lastSeq) {
		notifyListeners(lastSeq);
	}

	/**
	 * Every committed event after {@code after}, in order, at most {@code limit}: for features that follow the log
	 * with a cursor of their own. Sequence numbers are commit-ordered, so what is read is a gap-free prefix.
	 */
	public Flux<HubEvent> readAfter(long after, int limit) {
		return this.store.readAfter(after, limit);
	}

	/** The first event of this type about this subject ({@code subjectId}), if any. */
	public Mono<HubEvent> firstAbout(String subjectId, String type) {
		return this.store.firstAbout(subjectId, type);
	}

	private static Mono<TransactionSynchronizationManager> currentTransaction() {
		return TransactionSynchronizationManager.forCurrentTransaction()
			.filter(TransactionSynchronizationManager::isActualTransactionActive)
			.onErrorResume(NoTransactionException.class, ex -> Mono.empty())
			.switchIfEmpty(Mono.error(() -> new IllegalStateException(
					"Events must be appended inside the transaction of the change they record")));
	}

	private List<EventStore.Row> rows(List<NewEvent> events) {
		List<EventStore.Row> rows = new ArrayList<>(events.size());
		for (NewEvent e : events) {
			String payload;
			try {
				payload = this.json.writeValueAsString(e.data());
			}
			catch (JacksonException ex) {
				throw new IllegalArgumentException("Event data of " + e.type() + " cannot be written as JSON", ex);
			}
			rows.add(new EventStore.Row(e.stream(), e.type(), e.subjectId(), e.cities(), e.criticality(),
					e.conflationKey(), e.exercise(), payload, e.audience()));
		}
		return rows;
	}

	private static List<Long> numbers(long last, int count) {
		List<Long> seqs = new ArrayList<>(count);
		for (long seq = last - count + 1; seq <= last; seq++) {
			seqs.add(seq);
		}
		return seqs;
	}

	private TransactionSynchronization notifyAfterCommit(long lastSeq) {
		return new TransactionSynchronization() {
			@Override
			public Mono<Void> afterCommit() {
				return Mono.fromRunnable(() -> notifyListeners(lastSeq));
			}
		};
	}

	private void notifyListeners(long lastSeq) {
		for (CommitListener listener : this.listeners) {
			try {
				listener.committed(lastSeq);
			}
			catch (RuntimeException ex) {
				// the commit stands; the periodic poll still delivers the events
				log.error("Commit listener {} failed for seq {}", listener, lastSeq, ex);
			}
		}
	}

}
