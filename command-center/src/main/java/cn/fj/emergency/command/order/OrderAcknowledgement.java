package cn.fj.emergency.command.order;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One acknowledgement of an order by a target city, as recorded: the answer to the city (the same to every retry)
 * and an entry of the target's history. {@code seq} is that of its {@code order.acknowledged} event.
 *
 * @param acknowledgedBy the subject of the token that sent it
 */
public record OrderAcknowledgement(UUID orderId, String orderRef, String cityCode, String ackId,
		AcknowledgementState state, @Nullable AcknowledgementState previousState, @Nullable String reason,
		Instant acknowledgedAt, String acknowledgedBy, long seq) {

	/** The same acknowledgement as the one asked for: same state, same reason. */
	boolean sameAs(ValidAcknowledgement ack) {
		return this.state == ack.state() && Objects.equals(this.reason, ack.reason());
	}

	OrderAcknowledgement withSeq(long seq) {
		return new OrderAcknowledgement(this.orderId, this.orderRef, this.cityCode, this.ackId, this.state,
				this.previousState, this.reason, this.acknowledgedAt, this.acknowledgedBy, seq);
	}

	/** What the {@code order.acknowledged} event carries: the acknowledgement, less the event's own number. */
	public record Acknowledged(UUID orderId, String orderRef, String cityCode, String ackId, AcknowledgementState state,
			@Nullable AcknowledgementState previousState, @Nullable String reason, Instant acknowledgedAt,
			String acknowledgedBy) {
	}

	Acknowledged acknowledgedEvent() {
		return new Acknowledged(this.orderId, this.orderRef, this.cityCode, this.ackId, this.state, this.previousState,
				this.reason, this.acknowledgedAt, this.acknowledgedBy);
	}

}
