package cn.fj.emergency.command.order;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.NewEvent;

/**
 * A target city acknowledges an order, in one transaction that holds the city's target row: the acknowledgement,
 * the target's new state and the {@code order.acknowledged} event (for that city only). A retry with the same
 * {@code ackId}, or the same state and reason again, is answered with the acknowledgement already recorded; a state
 * out of order is refused with {@link ErrorCode#ACKNOWLEDGEMENT_OUT_OF_ORDER}. An order that does not target the
 * city does not exist for it.
 */
@Component
public class AcknowledgingOrder {

	private final Orders orders;

	private final EventLog events;

	private final TransactionalOperator transactions;

	private final Clock clock;

	AcknowledgingOrder(Orders orders, EventLog events, TransactionalOperator transactions, Clock clock) {
		this.orders = orders;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Mono<OrderAcknowledgement> acknowledge(HubPrincipal city, AcknowledgementRequest request) {
		String cityCode = city.cityCode();
		if (cityCode == null) {
			return Mono.error(new HubException(ErrorCode.CITY_SCOPE_VIOLATION, "Only a city platform acknowledges orders"));
		}
		return Mono.fromCallable(() -> AcknowledgementPolicy.check(request))
			.flatMap(ack -> this.transactions.transactional(apply(city, cityCode, ack)));
	}

	private Mono<OrderAcknowledgement> apply(HubPrincipal city, String cityCode, ValidAcknowledgement ack) {
		return this.orders.lockTarget(ack.orderId(), cityCode)
			.switchIfEmpty(Mono.error(() -> HubException.field(ErrorCode.NOT_FOUND, "orderId", "No order " + ack.orderId())))
			.flatMap(target -> this.orders.findAcknowledgement(ack.orderId(), cityCode, ack.ackId())
				.map(stored -> sameOrReused(stored, ack))
				.switchIfEmpty(Mono.defer(() -> next(city, target, ack))));
	}

	private Mono<OrderAcknowledgement> next(HubPrincipal city, Orders.LockedTarget target, ValidAcknowledgement ack) {
		if (target.state() == ack.state()) {
			return this.orders.latestAcknowledgement(target.orderId(), target.cityCode())
				.filter(latest -> latest.sameAs(ack))
				.switchIfEmpty(Mono.error(() -> AcknowledgementPolicy.outOfOrder(target.state(), ack.state())));
		}
		AcknowledgementPolicy.checkProgression(target.state(), ack.state());
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		boolean inTime = ack.state().answers() && target.overdueAt() == null && !now.isAfter(target.deadline());
		OrderAcknowledgement recorded = new OrderAcknowledgement(target.orderId(), target.orderRef(), target.cityCode(),
				ack.ackId(), ack.state(), target.state(), ack.reason(), now, city.subject(), 0);
		NewEvent event = NewEvent.critical(CommandOrder.STREAM, CommandOrder.ACKNOWLEDGED, target.orderId().toString(),
				List.of(target.cityCode()), target.exercise(), recorded.acknowledgedEvent());
		return this.orders.updateTarget(target.orderId(), target.cityCode(), ack.state(), now, inTime)
			.then(this.events.append(List.of(event)))
			.map(seqs -> recorded.withSeq(seqs.get(0)))
			.flatMap(withSeq -> this.orders.insertAcknowledgement(withSeq).thenReturn(withSeq));
	}

	private static OrderAcknowledgement sameOrReused(OrderAcknowledgement stored, ValidAcknowledgement ack) {
		if (!stored.sameAs(ack)) {
			throw HubException.field(ErrorCode.ACK_ID_REUSED, "ackId",
					"Acknowledgement id " + ack.ackId() + " was already used for a different acknowledgement");
		}
		return stored;
	}

}
