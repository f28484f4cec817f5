package cn.fj.emergency.command.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An order with where each target city stands, for officers (all targets) and cities (their own only). */
public record OrderView(UUID id, String ref, String text, @Nullable UUID incidentId, List<String> targetCities,
		Instant deadline, String issuedBy, Instant issuedAt, boolean exercise, String jws, @Nullable Long issuedSeq,
		List<OrderTarget> targets) {

	public OrderView {
		targetCities = List.copyOf(targetCities);
		targets = List.copyOf(targets);
	}

	static OrderView of(CommandOrder order, List<OrderTarget> targets) {
		return new OrderView(order.id(), order.ref(), order.text(), order.incidentId(), order.targetCities(),
				order.deadline(), order.issuedBy(), order.issuedAt(), order.exercise(), order.jws(), order.issuedSeq(),
				targets);
	}

}
