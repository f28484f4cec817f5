package cn.fj.emergency.alerting.cap;

import java.util.List;

import org.junit.jupiter.api.Test;

import static cn.fj.emergency.alerting.cap.Alerts.SENT;
import static cn.fj.emergency.alerting.cap.Alerts.codes;
import static cn.fj.emergency.alerting.cap.Alerts.ownRedWarning;
import static cn.fj.emergency.alerting.cap.Alerts.withMsgType;
import static org.assertj.core.api.Assertions.assertThat;

class ReferenceChecksTest {

	private final Alert alert = ownRedWarning();

	private final Reference earlier = new Reference("fj-emergency@hub.fj.gov.cn", "35000041600000_20261201100000_0",
			SENT.minusHours(2));

	@Test
	void refusesUpdateWithoutReferences() {
		// given an Update that references nothing
		Alert update = withMsgType(alert, MessageType.UPDATE, List.of());
		// when / then
		assertThat(codes(new UpdatesAndCancelsReference().check(update)))
			.containsExactly(CapErrorCode.CAP_REFERENCES_REQUIRED);
	}

	@Test
	void refusesCancelWithoutReferences() {
		Alert cancel = withMsgType(alert, MessageType.CANCEL, List.of());
		assertThat(codes(new UpdatesAndCancelsReference().check(cancel)))
			.containsExactly(CapErrorCode.CAP_REFERENCES_REQUIRED);
	}

	@Test
	void acceptsUpdateReferencingAnEarlierAlert() {
		Alert update = withMsgType(alert, MessageType.UPDATE, List.of(earlier));
		assertThat(new UpdatesAndCancelsReference().check(update)).isEmpty();
		assertThat(new ReferencesNotCircular().check(update)).isEmpty();
		assertThat(new ReferencesNotLater().check(update)).isEmpty();
	}

	@Test
	void acceptsAlertWithoutReferences() {
		assertThat(new UpdatesAndCancelsReference().check(alert)).isEmpty();
	}

	@Test
	void refusesAlertReferencingItself() {
		// given an Update that names its own sender and identifier
		Alert update = withMsgType(alert, MessageType.UPDATE, List.of(earlier, alert.asReference()));
		// when / then
		assertThat(codes(new ReferencesNotCircular().check(update))).containsExactly(CapErrorCode.CAP_REFERENCE_CIRCULAR);
	}

	@Test
	void refusesReferenceSentAfterTheAlert() {
		Reference later = new Reference(earlier.sender(), "35000041600000_20261201130000_0", SENT.plusHours(1));
		Alert update = withMsgType(alert, MessageType.UPDATE, List.of(earlier, later));
		assertThat(codes(new ReferencesNotLater().check(update)))
			.containsExactly(CapErrorCode.CAP_REFERENCE_LATER_THAN_ALERT);
	}

	@Test
	void acceptsReferenceSentAtTheSameInstantInAnotherOffset() {
		Reference sameInstant = new Reference(earlier.sender(), "other", SENT.withOffsetSameInstant(java.time.ZoneOffset.UTC));
		Alert update = withMsgType(alert, MessageType.UPDATE, List.of(sameInstant));
		assertThat(new ReferencesNotLater().check(update)).isEmpty();
	}

	@Test
	void readsAndWritesReferencesInCapNotation() {
		Reference reference = Reference.parse("trinet@caltech.edu,TRI13970876.1,2003-06-11T20:30:00-07:00");
		assertThat(reference.identifier()).isEqualTo("TRI13970876.1");
		assertThat(reference.toCap()).isEqualTo("trinet@caltech.edu,TRI13970876.1,2003-06-11T20:30:00-07:00");
	}

}
