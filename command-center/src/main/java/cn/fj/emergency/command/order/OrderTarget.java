package cn.fj.emergency.command.order;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where one target city stands with an order. {@code acknowledgements} is its history, oldest first, in the
 * detailed view of one order only (empty in lists).
 *
 * @param state last acknowledgement ({@code null}: none yet)
 * @param answeredInTime ACCEPTED or REJECTED by the deadline
 * @param overdueAt when the hub found it overdue ({@code null}: not overdue)
 */
public record OrderTarget(String cityCode, @Nullable AcknowledgementState state, @Nullable Instant acknowledgedAt,
		boolean answeredInTime, @Nullable Instant overdueAt, @Nullable Long overdueSeq,
		List<OrderAcknowledgement> acknowledgements) {

	public OrderTarget {
		acknowledgements = List.copyOf(acknowledgements);
	}

	OrderTarget withHistory(List<OrderAcknowledgement> history) {
		return new OrderTarget(this.cityCode, this.state, this.acknowledgedAt, this.answeredInTime, this.overdueAt,
				this.overdueSeq, history);
	}

}
