package cn.fj.emergency.command.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.security.AuditRecord;
import cn.fj.emergency.command.security.AuditTrail;
import cn.fj.emergency.command.security.HubPrincipal;

/**
 * The events one transaction appended for a principal, recorded in the audit trail just before the transaction
 * commits: one record per event, its action the event's type, its subject the event's subject, in one statement.
 * Recording last means the audit head (which serialises every audited change) is held only from that statement to
 * the commit, and is always taken after the event counter, so two transactions never wait on each other for them.
 * Should the record fail, the commit fails and the change with it.
 */
final class AuditedActs implements TransactionSynchronization {

	/** The key under which a transaction holds its acts. */
	private static final Object KEY = new Object();

	private final AuditTrail audit;

	private final List<AuditTrail.Entry> entries = new ArrayList<>();

	private AuditedActs(AuditTrail audit) {
		this.audit = audit;
	}

	/** The acts of the current transaction, registered with it the first time. */
	static AuditedActs of(TransactionSynchronizationManager tsm, AuditTrail audit) {
		Object bound = tsm.getResource(KEY);
		if (bound instanceof AuditedActs acts) {
			return acts;
		}
		AuditedActs acts = new AuditedActs(audit);
		tsm.bindResource(KEY, acts);
		tsm.registerSynchronization(acts);
		return acts;
	}

	/** The events appended with sequence numbers up to {@code lastSeq}, acts of {@code actor}. */
	synchronized void add(HubPrincipal actor, List<NewEvent> events, long lastSeq) {
		AuditTrail.Actor who = AuditTrail.Actor.of(actor);
		long seq = lastSeq - events.size() + 1;
		for (NewEvent event : events) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("stream", event.stream());
			details.put("eventSeq", seq++);
			details.put("exercise", event.exercise());
			if (actor.tokenId() != null) {
				details.put("tokenId", actor.tokenId());
			}
			this.entries.add(new AuditTrail.Entry(who, event.type(), event.subjectId(), AuditRecord.Outcome.DONE, details));
		}
	}

	@Override
	public Mono<Void> beforeCommit(boolean readOnly) {
		return Mono.defer(() -> {
			List<AuditTrail.Entry> toRecord;
			synchronized (this) {
				toRecord = List.copyOf(this.entries);
				this.entries.clear();
			}
			return toRecord.isEmpty() ? Mono.empty() : this.audit.recordAll(toRecord).then();
		});
	}

	@Override
	public Mono<Void> afterCompletion(int status) {
		return TransactionSynchronizationManager.forCurrentTransaction()
			.doOnNext(tsm -> tsm.unbindResourceIfPossible(KEY))
			.onErrorResume(ex -> Mono.empty())
			.then();
	}

}
