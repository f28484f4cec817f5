package cn.fj.emergency.command.order;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A target city that had not answered an order by its deadline: what the {@code order.overdue} event carries.
 *
 * @param state the city's acknowledgement state when it was found overdue ({@code null}: none at all)
 */
public record OrderOverdue(UUID orderId, String orderRef, String cityCode, Instant deadline,
		@Nullable AcknowledgementState state, Instant overdueAt) {
}
