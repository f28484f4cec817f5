package cn.fj.emergency.alerting.cap;

import java.util.List;

/** An Update or a Cancel says which alerts it updates or cancels (CAP 1.2, 3.2.1 references). */
final class UpdatesAndCancelsReference implements AlertCheck {

	@Override
	public List<CapProblem> check(Alert alert) {
		boolean needs = alert.msgType() == MessageType.UPDATE || alert.msgType() == MessageType.CANCEL;
		if (needs && alert.references().isEmpty()) {
			return List.of(new CapProblem(CapErrorCode.CAP_REFERENCES_REQUIRED,
					"an " + alert.msgType().cap() + " must reference the alerts it replaces"));
		}
		return List.of();
	}

}
