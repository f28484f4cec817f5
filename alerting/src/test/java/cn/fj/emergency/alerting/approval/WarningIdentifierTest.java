package cn.fj.emergency.alerting.approval;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarningIdentifierTest {

	private static final String UNIT = "35000041600000";

	@Test
	void followsGbt35965() {
		WarningIdentifier id = WarningIdentifier.next(UNIT, Instant.parse("2026-12-01T04:00:00Z"), null);
		assertThat(id.toString()).isEqualTo("35000041600000_20261201120000_0").hasSize(31);
		assertThat(id.enteredAt()).isEqualTo(LocalDateTime.parse("2026-12-01T12:00:00"));
		assertThat(id.areaCode()).isEqualTo("350000");
		assertThat(WarningIdentifier.parse(id.toString())).isEqualTo(id);
	}

	@Test
	void neverRepeatsWithinASecondOrAfterTheClockStepsBack() {
		// given the unit's identifiers issued one after another, the clock standing still then going back
		Instant now = Instant.parse("2026-12-01T04:00:00Z");
		Set<String> issued = new HashSet<>();
		WarningIdentifier last = null;
		for (int i = 0; i < 25; i++) {
			Instant clock = i < 20 ? now : now.minusSeconds(60);
			last = WarningIdentifier.next(UNIT, clock, last);
			issued.add(last.toString());
		}
		// then all are distinct, the eleventh rolling over into the next second
		assertThat(issued).hasSize(25).contains("35000041600000_20261201120001_0");
		assertThat(WarningIdentifier.next(UNIT, now.plusSeconds(10), last).toString())
			.isEqualTo("35000041600000_20261201120010_0");
	}

	@Test
	void refusesWhatIsNotTheScheme() {
		for (String text : new String[] { "350000_20261201120000_0", "35000041600000_20261301120000_0",
				"35000041600000_20261201120000_10", "35000041600000-20261201120000-0" }) {
			assertThatThrownBy(() -> WarningIdentifier.parse(text)).isInstanceOfSatisfying(WarningRefusal.class,
					refusal -> assertThat(refusal.code()).isEqualTo(WarningErrorCode.WARNING_IDENTIFIER_INVALID));
		}
	}

}
