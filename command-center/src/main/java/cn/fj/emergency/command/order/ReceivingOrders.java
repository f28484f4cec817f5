package cn.fj.emergency.command.order;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.stream.EventStreams;
import cn.fj.emergency.command.stream.HubEvent;
import cn.fj.emergency.command.stream.StreamRequest;

/**
 * A city platform receives its orders: the {@code orders} stream of the event log as the city may see it (events
 * naming the city: the orders that target it, and its own acknowledgements and overdue events), resumable with
 * {@code after}, with the log's guarantees.
 */
@Component
public class ReceivingOrders {

	private final EventStreams streams;

	ReceivingOrders(EventStreams streams) {
		this.streams = streams;
	}

	public Flux<HubEvent> stream(HubPrincipal city, @Nullable Long after) {
		return this.streams.subscribe(city, new StreamRequest(after, Set.of(CommandOrder.STREAM), null));
	}

}
