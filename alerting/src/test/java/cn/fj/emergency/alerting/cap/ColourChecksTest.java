package cn.fj.emergency.alerting.cap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static cn.fj.emergency.alerting.cap.Alerts.codes;
import static cn.fj.emergency.alerting.cap.Alerts.ownRedWarning;
import static cn.fj.emergency.alerting.cap.Alerts.withColour;
import static cn.fj.emergency.alerting.cap.Alerts.withInfos;
import static cn.fj.emergency.alerting.cap.Alerts.withSeverity;
import static cn.fj.emergency.alerting.cap.Alerts.withoutColour;
import static org.assertj.core.api.Assertions.assertThat;

class ColourChecksTest {

	@ParameterizedTest
	@CsvSource({ "red, EXTREME", "orange, SEVERE", "yellow, MODERATE", "blue, MINOR", "红色, EXTREME", "橙色, SEVERE",
			"黄色, MODERATE", "蓝色, MINOR", "Red, EXTREME" })
	void acceptsColourOfItsSeverity(String colour, Severity severity) {
		Alert alert = withInfos(withColour(ownRedWarning(), colour), i -> withSeverity(i, severity));
		assertThat(new ColourMatchesSeverity().check(alert)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "red, SEVERE", "orange, EXTREME", "yellow, MINOR", "blue, MODERATE", "red, UNKNOWN" })
	void refusesColourOfAnotherSeverity(String colour, Severity severity) {
		Alert alert = withInfos(withColour(ownRedWarning(), colour), i -> withSeverity(i, severity));
		assertThat(codes(new ColourMatchesSeverity().check(alert)))
			.containsOnly(CapErrorCode.CAP_COLOUR_SEVERITY_MISMATCH);
	}

	@Test
	void refusesUnknownColour() {
		Alert alert = withColour(ownRedWarning(), "purple");
		assertThat(codes(new ColourMatchesSeverity().check(alert))).containsOnly(CapErrorCode.CAP_COLOUR_UNKNOWN);
	}

	@Test
	void acceptsInboundAlertWithoutColour() {
		assertThat(new ColourMatchesSeverity().check(withoutColour(ownRedWarning()))).isEmpty();
	}

	@Test
	void refusesOwnWarningWithoutColour() {
		assertThat(codes(new ColourRequired().check(withoutColour(ownRedWarning()))))
			.containsOnly(CapErrorCode.CAP_COLOUR_MISSING);
		assertThat(new ColourRequired().check(ownRedWarning())).isEmpty();
	}

	@Test
	void mapsSeveritiesToColours() {
		assertThat(WarningColour.of(Severity.SEVERE)).contains(WarningColour.ORANGE);
		assertThat(WarningColour.of(Severity.UNKNOWN)).isEmpty();
	}

}
