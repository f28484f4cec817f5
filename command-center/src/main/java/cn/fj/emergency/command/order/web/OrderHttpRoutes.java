package cn.fj.emergency.command.order.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.order.AcknowledgementRequest;
import cn.fj.emergency.command.order.AcknowledgingOrder;
import cn.fj.emergency.command.order.CommandOrder;
import cn.fj.emergency.command.order.FindingOrders;
import cn.fj.emergency.command.order.IssuingOrder;
import cn.fj.emergency.command.order.OrderAcknowledgement;
import cn.fj.emergency.command.order.OrderPage;
import cn.fj.emergency.command.order.OrderQuery;
import cn.fj.emergency.command.order.OrderRequest;
import cn.fj.emergency.command.order.OrderView;
import cn.fj.emergency.command.security.HubPrincipal;

/** HTTP routes of command orders (docs/http-api.md, docs/orders.md). */
@RestController
@RequestMapping("/api/orders")
class OrderHttpRoutes {

	private final IssuingOrder issuing;

	private final AcknowledgingOrder acknowledging;

	private final FindingOrders finding;

	OrderHttpRoutes(IssuingOrder issuing, AcknowledgingOrder acknowledging, FindingOrders finding) {
		this.issuing = issuing;
		this.acknowledging = acknowledging;
		this.finding = finding;
	}

	@PostMapping
	Mono<CommandOrder> issue(HubPrincipal principal, @RequestBody OrderRequest request) {
		return this.issuing.issue(principal, request);
	}

	@GetMapping
	Mono<OrderPage> list(HubPrincipal principal, @RequestParam(required = false) @Nullable String incident,
			@RequestParam(required = false) @Nullable String city, @RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable Boolean overdue, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return Mono.fromCallable(() -> OrderQuery.of(principal, incident, city, state, overdue, page, size))
			.flatMap(query -> this.finding.list(principal, query));
	}

	@GetMapping("/{id}")
	Mono<OrderView> order(HubPrincipal principal, @PathVariable UUID id) {
		return this.finding.find(principal, id);
	}

	@PostMapping("/{id}/acknowledgements")
	Mono<OrderAcknowledgement> acknowledge(HubPrincipal principal, @PathVariable UUID id,
			@RequestBody AcknowledgementBody body) {
		return this.acknowledging.acknowledge(principal,
				new AcknowledgementRequest(id.toString(), body.state(), body.reason(), body.ackId()));
	}

	/** An acknowledgement over HTTP: the order is the path's. */
	record AcknowledgementBody(@Nullable String state, @Nullable String reason, @Nullable String ackId) {
	}

}
