package cn.fj.emergency.command.order;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.fj.emergency.command.Ids;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.incident.FindingIncident;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.NewEvent;

/**
 * A commander issues an order: checked, signed off the event loop, and stored in one transaction with one target
 * row per city and the {@code order.issued} event that carries it to those cities. Sent again with the same
 * {@code orderRef} it is answered with the order first stored; with other content it is refused with
 * {@link ErrorCode#ORDER_REF_REUSED}.
 */
@Component
public class IssuingOrder {

	private final Orders orders;

	private final FindingIncident incidents;

	private final OrderSigner signer;

	private final EventLog events;

	private final TransactionalOperator transactions;

	private final Clock clock;

	IssuingOrder(Orders orders, FindingIncident incidents, OrderSigner signer, EventLog events,
			TransactionalOperator transactions, Clock clock) {
		this.orders = orders;
		this.incidents = incidents;
		this.signer = signer;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Mono<CommandOrder> issue(HubPrincipal commander, OrderRequest request) {
		return Mono.fromCallable(() -> OrderPolicy.check(request, commander))
			.flatMap(order -> this.orders.findByRef(order.issuedBy(), order.ref())
				.map(stored -> sameOrReused(stored, order))
				.switchIfEmpty(Mono.defer(() -> issueNew(commander, order))));
	}

	private Mono<CommandOrder> issueNew(HubPrincipal commander, ValidOrder order) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		return Mono.fromRunnable(() -> OrderPolicy.checkDeadline(order, now))
			.then(exercise(commander, order))
			.map(exercise -> CommandOrder.unsigned(Ids.newId(this.clock), order, exercise, now))
			.flatMap(this::signed)
			.flatMap(signed -> this.transactions.transactional(record(signed, order)));
	}

	/** An order about an exercise incident is an exercise too. */
	private Mono<Boolean> exercise(HubPrincipal commander, ValidOrder order) {
		if (order.incidentId() == null) {
			return Mono.just(order.exercise());
		}
		return this.incidents.visibleTo(commander, order.incidentId())
			.onErrorMap(e -> e instanceof HubException hub && hub.code() == ErrorCode.NOT_FOUND,
					e -> HubException.field(ErrorCode.NOT_FOUND, "incidentId", "No incident " + order.incidentId()))
			.map(incident -> order.exercise() || incident.exercise());
	}

	private Mono<CommandOrder> signed(CommandOrder order) {
		return Mono.fromCallable(() -> order.signed(this.signer.sign(order))).subscribeOn(Schedulers.boundedElastic());
	}

	private Mono<CommandOrder> record(CommandOrder order, ValidOrder request) {
		return this.orders.insertNew(order, request.payloadHash())
			.flatMap(inserted -> inserted ? recordIssued(order)
					: this.orders.findByRef(request.issuedBy(), request.ref()).map(stored -> sameOrReused(stored, request)));
	}

	private Mono<CommandOrder> recordIssued(CommandOrder order) {
		NewEvent issued = NewEvent.critical(CommandOrder.STREAM, CommandOrder.ISSUED, order.id().toString(),
				order.targetCities(), order.exercise(), order.issuedEvent());
		return this.orders.insertTargets(order)
			.then(this.events.append(List.of(issued)))
			.flatMap(seqs -> this.orders.setIssuedSeq(order.id(), seqs.get(0)).thenReturn(order.withIssuedSeq(seqs.get(0))));
	}

	private static CommandOrder sameOrReused(Orders.Stored stored, ValidOrder order) {
		if (!stored.payloadHash().equals(order.payloadHash())) {
			throw HubException.field(ErrorCode.ORDER_REF_REUSED, "orderRef",
					"Order ref " + order.ref() + " was already used for a different order");
		}
		return stored.order();
	}

}
