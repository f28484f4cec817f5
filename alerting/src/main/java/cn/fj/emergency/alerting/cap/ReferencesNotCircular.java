package cn.fj.emergency.alerting.cap;

import java.util.List;

/** An alert never references itself. */
final class ReferencesNotCircular implements AlertCheck {

	@Override
	public List<CapProblem> check(Alert alert) {
		return alert.references()
			.stream()
			.filter(reference -> reference.names(alert.sender(), alert.identifier()))
			.map(reference -> new CapProblem(CapErrorCode.CAP_REFERENCE_CIRCULAR,
					"the alert references itself: " + reference.toCap()))
			.toList();
	}

}
