package cn.fj.emergency.command.order;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;

/**
 * Officers and cities look up orders. A city-scoped principal sees only orders that target its city, and of them
 * only its own target; any other order does not exist for it.
 */
@Component
public class FindingOrders {

	private final Orders orders;

	FindingOrders(Orders orders) {
		this.orders = orders;
	}

	/** The order with each target's acknowledgement history. */
	public Mono<OrderView> find(HubPrincipal principal, UUID id) {
		String city = principal.cityCode();
		return this.orders.find(id)
			.filter(order -> city == null || order.targetCities().contains(city))
			.switchIfEmpty(Mono.error(() -> new HubException(ErrorCode.NOT_FOUND, "No order " + id)))
			.flatMap(order -> withHistory(order, city));
	}

	private Mono<OrderView> withHistory(CommandOrder order, @Nullable String city) {
		Mono<Map<String, List<OrderAcknowledgement>>> history = this.orders.acknowledgements(order.id(), city)
			.collectMultimap(OrderAcknowledgement::cityCode)
			.map(FindingOrders::asLists);
		return history.flatMap(acks -> this.orders.targets(List.of(order.id()), city)
			.map(t -> t.target().withHistory(acks.getOrDefault(t.target().cityCode(), List.of())))
			.collectList()
			.map(targets -> OrderView.of(order, targets)));
	}

	private static Map<String, List<OrderAcknowledgement>> asLists(Map<String, ? extends Collection<OrderAcknowledgement>> byCity) {
		Map<String, List<OrderAcknowledgement>> lists = new LinkedHashMap<>();
		byCity.forEach((city, acks) -> lists.put(city, List.copyOf(acks)));
		return lists;
	}

	/** A page of orders, newest first, each with its targets (without history; a city's own only). */
	public Mono<OrderPage> list(HubPrincipal principal, OrderQuery query) {
		return this.orders.list(query, query.size() + 1, (long) query.page() * query.size())
			.collectList()
			.flatMap(found -> page(query, found, principal.cityCode()));
	}

	/** One more order than the page holds was read: whether it was found tells whether there are more. */
	private Mono<OrderPage> page(OrderQuery query, List<CommandOrder> found, @Nullable String city) {
		boolean more = found.size() > query.size();
		List<CommandOrder> page = more ? found.subList(0, query.size()) : found;
		return this.orders.targets(page.stream().map(CommandOrder::id).toList(), city)
			.collectMultimap(Orders.TargetOf::orderId, Orders.TargetOf::target)
			.map(targets -> new OrderPage(views(page, targets), query.page(), query.size(), more));
	}

	private static List<OrderView> views(List<CommandOrder> page, Map<UUID, Collection<OrderTarget>> targets) {
		List<OrderView> views = new ArrayList<>(page.size());
		for (CommandOrder order : page) {
			views.add(OrderView.of(order, List.copyOf(targets.getOrDefault(order.id(), List.of()))));
		}
		return views;
	}

}
