package cn.fj.emergency.command.inbound;

import java.util.Map;

import cn.fj.emergency.alerting.feed.InboundSenderRefused;
import cn.fj.emergency.alerting.feed.InboundWarningNotFound;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.warning.WarningErrors;

/** Alerting's inbound refusals as the hub's error codes, at the edge. */
public final class InboundErrors {

	private InboundErrors() {
	}

	public static Throwable translate(Throwable error) {
		if (error instanceof InboundWarningNotFound) {
			return new HubException(ErrorCode.INBOUND_WARNING_NOT_FOUND, error.getMessage());
		}
		if (error instanceof InboundSenderRefused refused) {
			return new HubException(ErrorCode.INBOUND_SENDER_MISMATCH, error.getMessage(),
					Map.of("sender", refused.sender(), "senders", refused.allowed()), refused);
		}
		return WarningErrors.translate(error);
	}

}
