package cn.fj.emergency.command.order;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.Fields;
import cn.fj.emergency.command.error.HubException;

/**
 * What makes an acknowledgement acceptable: its fields, each refusal with its own code, and the order of states
 * per city ({@link AcknowledgementState#mayFollow}).
 */
final class AcknowledgementPolicy {

	static final int MAX_ACK_ID = 100;

	static final int MAX_REASON = 2000;

	private AcknowledgementPolicy() {
	}

	static ValidAcknowledgement check(AcknowledgementRequest request) {
		String orderText = Fields.required("orderId", request.orderId());
		UUID orderId;
		try {
			orderId = UUID.fromString(orderText.strip());
		}
		catch (IllegalArgumentException ex) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "orderId", "orderId must be a UUID");
		}
		String ackId = Fields.required("ackId", request.ackId());
		if (ackId.length() > MAX_ACK_ID) {
			throw HubException.field(ErrorCode.FIELD_TOO_LONG, "ackId", "ackId has at most " + MAX_ACK_ID + " characters");
		}
		if (!OrderPolicy.REF.matcher(ackId).matches()) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "ackId", "ackId may hold A-Z a-z 0-9 . _ : - only");
		}
		String stateText = Fields.required("state", request.state());
		AcknowledgementState state = AcknowledgementState.parse(stateText)
			.orElseThrow(() -> HubException.field(ErrorCode.INVALID_FIELD, "state",
					"state must be RECEIVED, ACCEPTED, COMPLETED or REJECTED, not '" + stateText + "'"));
		String reason = reason(request.reason());
		if (state == AcknowledgementState.REJECTED && reason == null) {
			throw HubException.field(ErrorCode.FIELD_REQUIRED, "reason", "A rejection needs a reason");
		}
		return new ValidAcknowledgement(orderId, state, reason, ackId);
	}

	private static @Nullable String reason(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.length() > MAX_REASON) {
			throw HubException.field(ErrorCode.FIELD_TOO_LONG, "reason", "reason has at most " + MAX_REASON + " characters");
		}
		return text.strip();
	}

	/** Refuses a state that may not follow the city's current one. */
	static void checkProgression(@Nullable AcknowledgementState current, AcknowledgementState next) {
		if (!next.mayFollow(current)) {
			throw outOfOrder(current, next);
		}
	}

	static HubException outOfOrder(@Nullable AcknowledgementState current, AcknowledgementState next) {
		return new HubException(ErrorCode.ACKNOWLEDGEMENT_OUT_OF_ORDER,
				next + " may not follow " + (current == null ? "no acknowledgement" : current.name()),
				Map.of("field", "state", "current", current == null ? "NONE" : current.name()));
	}

}
