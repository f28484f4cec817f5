package cn.fj.emergency.command.order.rsocket;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.order.AcknowledgementRequest;
import cn.fj.emergency.command.order.AcknowledgingOrder;
import cn.fj.emergency.command.order.OrderAcknowledgement;
import cn.fj.emergency.command.order.ReceivingOrders;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.stream.HubEvent;

/** City-link routes of command orders (docs/city-link.md, docs/orders.md). */
@Controller
class OrderRoutes {

	private final ReceivingOrders receiving;

	private final AcknowledgingOrder acknowledging;

	OrderRoutes(ReceivingOrders receiving, AcknowledgingOrder acknowledging) {
		this.receiving = receiving;
		this.acknowledging = acknowledging;
	}

	@MessageMapping("orders.stream")
	Flux<HubEvent> stream(OrdersStreamRequest request, HubPrincipal principal) {
		return this.receiving.stream(principal, request.after());
	}

	@MessageMapping("orders.ack")
	Mono<OrderAcknowledgement> acknowledge(AcknowledgementRequest request, HubPrincipal principal) {
		return this.acknowledging.acknowledge(principal, request);
	}

	/** @param after resume after this sequence number (absent: from now on; 0: from the beginning) */
	record OrdersStreamRequest(@Nullable Long after) {
	}

}
