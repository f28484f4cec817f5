package cn.fj.emergency.resources;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Where the registry's events go: the port the application implements with its event log. The registry appends
 * the events that make a change visible in the transaction of the change itself.
 */
public interface SupplyEvents {

	/**
	 * Appends the events, in order, and answers their sequence numbers in the same order. Must be called inside the
	 * caller's transaction: the change and its events commit together or not at all.
	 */
	Mono<List<Long>> append(List<SupplyEvent> events);

}
