package cn.fj.emergency.alerting.cap;

import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static cn.fj.emergency.alerting.cap.Alerts.SENT;
import static cn.fj.emergency.alerting.cap.Alerts.codes;
import static cn.fj.emergency.alerting.cap.Alerts.ownRedWarning;
import static cn.fj.emergency.alerting.cap.Alerts.withInfos;
import static cn.fj.emergency.alerting.cap.Alerts.withMsgType;
import static cn.fj.emergency.alerting.cap.Alerts.withSent;
import static cn.fj.emergency.alerting.cap.Alerts.withTimes;
import static cn.fj.emergency.alerting.cap.Alerts.withoutColour;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapProfileTest {

	private final CapProfile inbound = CapProfile.inbound(AreaCodes.fujian());

	private final CapProfile publishing = CapProfile.publishing(AreaCodes.fujian());

	@Test
	void ownRedWarningKeepsBothProfiles() {
		assertThat(publishing.check(ownRedWarning())).isEmpty();
		assertThat(inbound.check(ownRedWarning())).isEmpty();
	}

	@Test
	void inboundAlertMayLackWhatOurOwnMustHave() {
		// given an alert in UTC, without colour, whose onset precedes its sending
		Alert alert = withInfos(withoutColour(withSent(ownRedWarning(), SENT.withOffsetSameInstant(ZoneOffset.UTC))),
				i -> withTimes(i, null, SENT.minusMinutes(5), SENT.plusDays(1)));
		// then it is accepted from others but would not be published by us
		assertThat(inbound.check(alert)).isEmpty();
		assertThat(codes(publishing.check(alert))).containsOnly(CapErrorCode.CAP_COLOUR_MISSING,
				CapErrorCode.CAP_OFFSET_NOT_CHINA, CapErrorCode.CAP_TIME_BEFORE_SENT);
	}

	@Test
	void requireRefusesWithEveryProblem() {
		Alert alert = withoutColour(withMsgType(ownRedWarning(), MessageType.CANCEL, List.of()));
		assertThatThrownBy(() -> publishing.require(alert)).isInstanceOfSatisfying(CapRefusal.class,
				refusal -> assertThat(refusal.codes()).containsExactly(CapErrorCode.CAP_REFERENCES_REQUIRED,
						CapErrorCode.CAP_COLOUR_MISSING));
	}

}
