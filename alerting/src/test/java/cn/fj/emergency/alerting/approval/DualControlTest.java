package cn.fj.emergency.alerting.approval;

import java.util.List;
import java.util.Set;

import cn.fj.emergency.alerting.cap.Alert;
import cn.fj.emergency.alerting.cap.Alerts;
import cn.fj.emergency.alerting.cap.Info;
import cn.fj.emergency.alerting.cap.Severity;
import cn.fj.emergency.alerting.cap.WarningColour;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DualControlTest {

	private final DualControl dualControl = new DualControl("COMMANDER");

	private final Officer author = new Officer("duty-1", Set.of("DUTY_OFFICER"));

	@Test
	void judgesTheGravestColourOfAnyInfoBlock() {
		// given a warning whose English block says yellow but whose Chinese block says orange
		Alert alert = Alerts.withColour(Alerts.ownRedWarning(), "yellow");
		Info chinese = Alerts.withSeverity(Alerts.withParameters(alert.infos().get(0),
				List.of(new cn.fj.emergency.alerting.cap.NamedValue(WarningColour.PARAMETER, "橙色"))), Severity.SEVERE);
		Alert mixed = new Alert(alert.identifier(), alert.sender(), alert.sent(), alert.status(), alert.msgType(),
				alert.source(), alert.scope(), alert.restriction(), alert.addresses(), alert.codes(), alert.note(),
				alert.references(), alert.incidents(), List.of(chinese, alert.infos().get(1)), alert.signatures());
		// then orange is judged
		assertThat(DualControl.gravestColour(mixed)).contains(WarningColour.ORANGE);
	}

	@Test
	void takesTheColourFromTheSeverityWhenNoneIsCarried() {
		Alert alert = Alerts.withInfos(Alerts.withoutColour(Alerts.ownRedWarning()), i -> Alerts.withSeverity(i, Severity.MINOR));
		assertThat(DualControl.gravestColour(alert)).contains(WarningColour.BLUE);
	}

	@Test
	void anUpdateIsJudgedByTheGraverOfItsColourAndTheReplacedWarnings() {
		Alert red = WarningLifecycleTest.red();
		Alert yellow = Alerts.withColour(red, "yellow");
		Warning lowering = Warning.draft(WarningLifecycleTest.ID, author, yellow);
		Officer duty = new Officer("duty-2", Set.of("DUTY_OFFICER"));
		// yellow alone: a duty officer reviews it; yellow replacing red: a commander only
		dualControl.check(lowering, duty);
		assertThatThrownBy(() -> dualControl.check(lowering, red, duty)).isInstanceOfSatisfying(WarningRefusal.class,
				refusal -> assertThat(refusal.code()).isEqualTo(WarningErrorCode.WARNING_COMMANDER_REQUIRED));
		dualControl.check(lowering, red, new Officer("commander-1", Set.of("COMMANDER")));
		// raising yellow to red as well
		Warning raising = Warning.draft(WarningLifecycleTest.ID, author, red);
		assertThatThrownBy(() -> dualControl.check(raising, yellow, duty)).isInstanceOf(WarningRefusal.class);
	}

	@Test
	void usesTheRoleNameItIsGiven() {
		Warning red = Warning.draft(WarningLifecycleTest.ID, author, WarningLifecycleTest.red());
		Officer chief = new Officer("chief", Set.of("CHIEF"));
		new DualControl("CHIEF").check(red, chief);
		assertThatThrownBy(() -> dualControl.check(red, chief)).isInstanceOfSatisfying(WarningRefusal.class,
				refusal -> assertThat(refusal.code()).isEqualTo(WarningErrorCode.WARNING_COMMANDER_REQUIRED));
	}

}
