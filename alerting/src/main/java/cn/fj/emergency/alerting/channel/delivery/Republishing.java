package cn.fj.emergency.alerting.channel.delivery;

import java.time.Clock;

import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.channel.DeliveryEvents;
import cn.fj.emergency.alerting.channel.persistence.LedgerStore;

/**
 * An officer republishes a warning: its FAILED deliveries become PENDING again with their attempts reset, keeping
 * their message ids (a recipient that did get an earlier attempt drops the repeat). SENT and ACKNOWLEDGED deliveries
 * are left alone. Answers how many deliveries were reset.
 */
public class Republishing {

	private final LedgerStore ledger;

	private final DeliveryEvents events;

	private final TransactionalOperator tx;

	private final Clock clock;

	public Republishing(LedgerStore ledger, DeliveryEvents events, TransactionalOperator tx, Clock clock) {
		this.ledger = ledger;
		this.events = events;
		this.tx = tx;
		this.clock = clock;
	}

	public Mono<Long> republish(String identifier) {
		return this.ledger.resetFailed(identifier, this.clock.instant())
			.concatMap(change -> this.events.changed(change).thenReturn(change))
			.count()
			.as(this.tx::transactional);
	}

}
