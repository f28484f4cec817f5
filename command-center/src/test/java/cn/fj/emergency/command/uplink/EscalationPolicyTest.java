package cn.fj.emergency.command.uplink;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.command.incident.IncidentLevel;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationPolicyTest {

	@Test
	void reportsOfLevelOneAndTwoAreForwardedAndNoOthers() {
		assertThat(EscalationPolicy.forwardsReport(IncidentLevel.I)).isTrue();
		assertThat(EscalationPolicy.forwardsReport(IncidentLevel.II)).isTrue();
		assertThat(EscalationPolicy.forwardsReport(IncidentLevel.III)).isFalse();
		assertThat(EscalationPolicy.forwardsReport(IncidentLevel.IV)).isFalse();
	}

	@Test
	void everyRaiseIsForwardedWhateverTheLevelsAndNoLoweringOrRepeat() {
		for (IncidentLevel to : IncidentLevel.values()) {
			for (IncidentLevel from : IncidentLevel.values()) {
				boolean raise = to.ordinal() < from.ordinal();
				assertThat(EscalationPolicy.forwardsChange(to, from)).as(from + " -> " + to).isEqualTo(raise);
			}
		}
		assertThat(EscalationPolicy.forwardsChange(IncidentLevel.III, IncidentLevel.IV)).isTrue();
		assertThat(EscalationPolicy.forwardsChange(IncidentLevel.II, IncidentLevel.I)).isFalse();
	}

}
