package cn.fj.emergency.command.order;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An order as issued and signed: the answer to the commander, and what every target city receives. {@code jws} is
 * the compact JWS (ES256, the hub's key) whose payload is {@link #claims()}; a city trusts the claims, not the
 * other fields, once the signature verifies (docs/orders.md).
 */
public record CommandOrder(UUID id, String ref, String text, @Nullable UUID incidentId, List<String> targetCities,
		Instant deadline, String issuedBy, Instant issuedAt, boolean exercise, String jws, @Nullable Long issuedSeq) {

	public static final String STREAM = "orders";

	public static final String ISSUED = "order.issued";

	public static final String ACKNOWLEDGED = "order.acknowledged";

	public static final String OVERDUE = "order.overdue";

	public CommandOrder {
		targetCities = List.copyOf(targetCities);
	}

	static CommandOrder unsigned(UUID id, ValidOrder order, boolean exercise, Instant issuedAt) {
		return new CommandOrder(id, order.ref(), order.text(), order.incidentId(), order.targetCities(), order.deadline(),
				order.issuedBy(), issuedAt, exercise, "", null);
	}

	CommandOrder signed(String jws) {
		return new CommandOrder(this.id, this.ref, this.text, this.incidentId, this.targetCities, this.deadline,
				this.issuedBy, this.issuedAt, this.exercise, jws, this.issuedSeq);
	}

	CommandOrder withIssuedSeq(long seq) {
		return new CommandOrder(this.id, this.ref, this.text, this.incidentId, this.targetCities, this.deadline,
				this.issuedBy, this.issuedAt, this.exercise, this.jws, seq);
	}

	/**
	 * The signed claims, in this order: id, ref, text, incidentId (absent without a related incident),
	 * targetCities (sorted), deadline, issuedBy, issuedAt (instants as ISO-8601 UTC strings), exercise.
	 */
	Map<String, Object> claims() {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("id", this.id.toString());
		claims.put("ref", this.ref);
		claims.put("text", this.text);
		if (this.incidentId != null) {
			claims.put("incidentId", this.incidentId.toString());
		}
		claims.put("targetCities", this.targetCities);
		claims.put("deadline", this.deadline.toString());
		claims.put("issuedBy", this.issuedBy);
		claims.put("issuedAt", this.issuedAt.toString());
		claims.put("exercise", this.exercise);
		return claims;
	}

	/** What the {@code order.issued} event carries: the order and its signature, less the event's own number. */
	public record Issued(UUID id, String ref, String text, @Nullable UUID incidentId, List<String> targetCities,
			Instant deadline, String issuedBy, Instant issuedAt, boolean exercise, String jws) {
	}

	Issued issuedEvent() {
		return new Issued(this.id, this.ref, this.text, this.incidentId, this.targetCities, this.deadline, this.issuedBy,
				this.issuedAt, this.exercise, this.jws);
	}

}
