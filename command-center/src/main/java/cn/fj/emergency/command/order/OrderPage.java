package cn.fj.emergency.command.order;

import java.util.List;

/** One page of an order query, newest first; {@code hasMore} says whether the next page holds any. */
public record OrderPage(List<OrderView> orders, int page, int size, boolean hasMore) {

	public OrderPage {
		orders = List.copyOf(orders);
	}

}
