package cn.fj.emergency.command.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.fj.emergency.command.audit.persistence.AnchorStore;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.NewEvent;

/**
 * Signs the audit trail's head when it moved since the last anchor, stores the anchor and publishes it on the event
 * log (stream {@value #STREAM}, type {@value #TYPE}, province officers), in one transaction. Instances that sign
 * the same head at the same time store and publish it once. The anchor's event has no principal, so it adds no
 * audit record: anchoring never moves the head it anchors.
 */
@Component
public class AnchoringAuditTrail {

	public static final String STREAM = "audit";

	public static final String TYPE = "audit.anchor";

	private final AnchorStore store;

	private final AnchorSigner signer;

	private final EventLog events;

	private final TransactionalOperator transactions;

	private final Clock clock;

	AnchoringAuditTrail(AnchorStore store, AnchorSigner signer, EventLog events, TransactionalOperator transactions,
			Clock clock) {
		this.store = store;
		this.signer = signer;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Anchors the head if it moved: answers the new anchor, or nothing (unmoved, or anchored by another instance). */
	public Mono<Anchor> anchorHead() {
		return this.store.unanchoredHead()
			.publishOn(Schedulers.boundedElastic())
			.map(head -> this.signer.sign(head.seq(), head.hash(), this.clock.instant()))
			.flatMap(anchor -> this.transactions.transactional(this.store.store(anchor)
				.filter(Boolean::booleanValue)
				.flatMap(stored -> this.events.append(List.of(event(anchor))).thenReturn(anchor))));
	}

	private static NewEvent event(Anchor anchor) {
		return NewEvent.critical(STREAM, TYPE, Long.toString(anchor.seq()), List.of(), false,
				new Data(anchor.seq(), anchor.hash(), anchor.signedAt().toString(), anchor.keyId(), anchor.jws()));
	}

	/** The event's data: the anchored head and the JWS that signs it. */
	record Data(long seq, String hash, String signedAt, String keyId, String jws) {
	}

}
