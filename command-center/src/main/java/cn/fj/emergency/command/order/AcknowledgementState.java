package cn.fj.emergency.command.order;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What a target city says about an order, in the only order it may say it: RECEIVED, then ACCEPTED, then
 * COMPLETED; or REJECTED (with a reason) instead of accepting, before or after RECEIVED.
 */
public enum AcknowledgementState {

	RECEIVED, ACCEPTED, COMPLETED, REJECTED;

	/** Whether a city whose last acknowledgement is {@code current} ({@code null}: none yet) may send this one. */
	public boolean mayFollow(@Nullable AcknowledgementState current) {
		return switch (this) {
			case RECEIVED -> current == null;
			case ACCEPTED -> current == RECEIVED;
			case COMPLETED -> current == ACCEPTED;
			case REJECTED -> current == null || current == RECEIVED;
		};
	}

	/** An answer to the order: given by the deadline, the city's target can no longer go overdue. */
	public boolean answers() {
		return this != RECEIVED;
	}

	public static Optional<AcknowledgementState> parse(String text) {
		for (AcknowledgementState state : values()) {
			if (state.name().equals(text)) {
				return Optional.of(state);
			}
		}
		return Optional.empty();
	}

}
