package cn.fj.emergency.alerting.feed;

import java.time.Clock;
import java.util.List;

import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.fj.emergency.alerting.cap.Alert;
import cn.fj.emergency.alerting.cap.CapDocument;
import cn.fj.emergency.alerting.cap.CapVersion;
import cn.fj.emergency.alerting.cap.Reference;
import cn.fj.emergency.alerting.cap.xml.ReceivingCap;

/**
 * A department's CAP document (an alert or an EDXL-DE envelope of alerts) received, pushed or polled: refused whole
 * if any alert fails the inbound profile; else each alert stored once per (sender, identifier, sent) with its
 * {@code inbound-warning.received} event, in one transaction. A repeat answers the stored alert. A stored Update
 * supersedes, a Cancel cancels, the ACTIVE alerts of the same sender it references, whichever of them arrived
 * first; a reference to another sender's alert ends nothing. A pushed alert's sender is the pushing department's.
 */
public final class ReceivingInboundWarnings {

	private final ReceivingCap reader;

	private final InboundWarnings store;

	private final InboundEvents events;

	private final TransactionalOperator transactions;

	private final Clock clock;

	public ReceivingInboundWarnings(ReceivingCap reader, InboundWarnings store, InboundEvents events,
			TransactionalOperator transactions, Clock clock) {
		this.reader = reader;
		this.store = store;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** A polled document. @param via the feed URL */
	public Mono<List<InboundReceipt>> receive(byte[] xml, String via) {
		return Mono.fromCallable(() -> this.reader.receive(xml))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(document -> store(document, xml, via));
	}

	/**
	 * A document a department pushed: refused whole ({@link InboundSenderRefused}) unless every alert's sender is one
	 * of {@code senders}, the department's own.
	 *
	 * @param department the pushing token's subject; stored as {@code push:<department>}
	 */
	public Mono<List<InboundReceipt>> receivePushed(byte[] xml, String department, List<String> senders) {
		return Mono.fromCallable(() -> this.reader.receive(xml))
			.subscribeOn(Schedulers.boundedElastic())
			.doOnNext(document -> document.alerts().forEach(alert -> {
				if (!senders.contains(alert.sender())) {
					throw new InboundSenderRefused(department, alert.sender(), senders);
				}
			}))
			.flatMap(document -> store(document, xml, "push:" + department));
	}

	private Mono<List<InboundReceipt>> store(CapDocument document, byte[] xml, String via) {
		return Flux.range(0, document.alerts().size())
			.concatMap(i -> storeOne(document.alerts().get(i), document.versions().get(i), xml, via))
			.collectList()
			.as(this.transactions::transactional);
	}

	private Mono<InboundReceipt> storeOne(Alert alert, CapVersion version, byte[] xml, String via) {
		return this.store.insert(alert, version, xml, via, this.clock.instant())
			.flatMap(stored -> chain(alert, stored))
			.map(stored -> new InboundReceipt(stored, false))
			.switchIfEmpty(Mono.defer(() -> this.store.find(alert).map(stored -> new InboundReceipt(stored, true))));
	}

	/** A new alert: it ends those it references, and is itself ended by a stored one referencing it. */
	private Mono<InboundWarning> chain(Alert alert, InboundWarning stored) {
		Mono<List<InboundWarning>> ended = switch (alert.msgType()) {
			case UPDATE -> this.store.end(ownReferences(alert), InboundState.SUPERSEDED, stored.id()).collectList();
			case CANCEL -> this.store.end(ownReferences(alert), InboundState.CANCELLED, stored.id()).collectList();
			default -> Mono.just(List.of());
		};
		return ended.flatMap(list -> endedAlready(alert, stored)
			.flatMap(current -> this.events.received(current, list).thenReturn(current)));
	}

	/** The references an alert may end: to alerts of its own sender (each sender its own identifiers). */
	private static List<Reference> ownReferences(Alert alert) {
		return alert.references().stream().filter(r -> r.sender().equals(alert.sender())).toList();
	}

	private Mono<InboundWarning> endedAlready(Alert alert, InboundWarning stored) {
		return this.store.endingOf(alert)
			.flatMap(ending -> ending.state() == InboundState.ACTIVE ? Mono.just(stored)
					: this.store.setEnding(stored.id(), ending));
	}

}
