package cn.fj.emergency.alerting.cap;

import java.util.List;

/** A referenced alert was sent no later than the alert that references it. */
final class ReferencesNotLater implements AlertCheck {

	@Override
	public List<CapProblem> check(Alert alert) {
		return alert.references()
			.stream()
			.filter(reference -> reference.sent().isAfter(alert.sent()))
			.map(reference -> new CapProblem(CapErrorCode.CAP_REFERENCE_LATER_THAN_ALERT,
					"referenced alert sent after this one (" + CapTimes.format(alert.sent()) + "): "
							+ reference.toCap()))
			.toList();
	}

}
