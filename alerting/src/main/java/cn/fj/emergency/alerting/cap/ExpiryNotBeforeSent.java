package cn.fj.emergency.alerting.cap;

import java.util.List;

/**
 * No info block expires before its alert was sent. Effective and onset may lie before it in an inbound
 * alert (an earthquake's onset precedes its report); our own profile forbids that too
 * ({@link TimesNotBeforeSent}).
 */
final class ExpiryNotBeforeSent implements AlertCheck {

	@Override
	public List<CapProblem> check(Alert alert) {
		return Located.infos(alert)
			.stream()
			.filter(info -> info.value().expires() != null && info.value().expires().isBefore(alert.sent()))
			.map(info -> new CapProblem(CapErrorCode.CAP_TIME_BEFORE_SENT, info.where() + ": expires "
					+ CapTimes.format(info.value().expires()) + " before the alert was sent " + CapTimes.format(alert.sent())))
			.toList();
	}

}
