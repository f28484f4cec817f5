package cn.fj.emergency.alerting.cap;

import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static cn.fj.emergency.alerting.cap.Alerts.SENT;
import static cn.fj.emergency.alerting.cap.Alerts.codes;
import static cn.fj.emergency.alerting.cap.Alerts.ownRedWarning;
import static cn.fj.emergency.alerting.cap.Alerts.withInfos;
import static cn.fj.emergency.alerting.cap.Alerts.withSent;
import static cn.fj.emergency.alerting.cap.Alerts.withTimes;
import static org.assertj.core.api.Assertions.assertThat;

class TimeChecksTest {

	@Test
	void acceptsEffectiveOnsetExpiresInOrder() {
		assertThat(new TimesInOrder().check(ownRedWarning())).isEmpty();
	}

	@Test
	void refusesOnsetAfterExpiry() {
		Alert alert = withInfos(ownRedWarning(), i -> withTimes(i, SENT, SENT.plusDays(2), SENT.plusDays(1)));
		assertThat(codes(new TimesInOrder().check(alert))).containsOnly(CapErrorCode.CAP_TIMES_OUT_OF_ORDER);
	}

	@Test
	void refusesEffectiveAfterOnset() {
		Alert alert = withInfos(ownRedWarning(), i -> withTimes(i, SENT.plusHours(2), SENT.plusHours(1), null));
		assertThat(codes(new TimesInOrder().check(alert))).containsOnly(CapErrorCode.CAP_TIMES_OUT_OF_ORDER);
	}

	@Test
	void refusesEffectiveAfterExpiryWithoutOnset() {
		Alert alert = withInfos(ownRedWarning(), i -> withTimes(i, SENT.plusDays(2), null, SENT.plusDays(1)));
		assertThat(codes(new TimesInOrder().check(alert))).containsOnly(CapErrorCode.CAP_TIMES_OUT_OF_ORDER);
	}

	@Test
	void comparesInstantsNotClockFaces() {
		// 12:30+08:00 is 04:30 UTC: before an expiry at 05:00 UTC
		Alert alert = withInfos(ownRedWarning(),
				i -> withTimes(i, null, SENT.plusMinutes(30), SENT.plusHours(1).withOffsetSameInstant(ZoneOffset.UTC)));
		assertThat(new TimesInOrder().check(alert)).isEmpty();
	}

	@Test
	void refusesInboundAlertExpiredBeforeItWasSent() {
		Alert alert = withInfos(ownRedWarning(), i -> withTimes(i, null, null, SENT.minusMinutes(1)));
		assertThat(codes(new ExpiryNotBeforeSent().check(alert))).containsOnly(CapErrorCode.CAP_TIME_BEFORE_SENT);
	}

	@Test
	void acceptsInboundOnsetBeforeSent() {
		// an earthquake happens before it is reported
		Alert alert = withInfos(ownRedWarning(), i -> withTimes(i, null, SENT.minusMinutes(12), SENT.plusDays(7)));
		assertThat(new ExpiryNotBeforeSent().check(alert)).isEmpty();
	}

	@Test
	void refusesOwnEffectiveOrOnsetBeforeSent() {
		Alert alert = withInfos(ownRedWarning(), i -> withTimes(i, SENT.minusMinutes(1), SENT.minusMinutes(1), SENT.plusDays(1)));
		assertThat(codes(new TimesNotBeforeSent().check(alert))).containsOnly(CapErrorCode.CAP_TIME_BEFORE_SENT).hasSize(4);
	}

	@Test
	void refusesOwnTimesOutsideChinaStandardTime() {
		Alert alert = withSent(ownRedWarning(), SENT.withOffsetSameInstant(ZoneOffset.UTC));
		assertThat(codes(new TimesInChina().check(alert))).containsExactly(CapErrorCode.CAP_OFFSET_NOT_CHINA);
		assertThat(new TimesInChina().check(ownRedWarning())).isEmpty();
	}

	@Test
	void writesExplicitOffsetsNeverZ() {
		assertThat(CapTimes.format(SENT.withOffsetSameInstant(ZoneOffset.UTC))).isEqualTo("2026-12-01T04:00:00+00:00");
		assertThat(CapTimes.format(CapTimes.inChina(CapTimes.parse("2012-05-02T23:21:04-00:00"))))
			.isEqualTo("2012-05-03T07:21:04+08:00");
	}

}
