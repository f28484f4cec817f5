package cn.fj.emergency.command.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import cn.fj.emergency.command.support.Hub;
import tools.jackson.databind.JsonNode;

/**
 * The drills screen in a real Chromium: a commander pastes the small test scenario (two scenario minutes, 60
 * reports from two cities, two department alerts, two hub warnings, one order to two cities, one supply request),
 * starts it compressed twelvefold, follows it and reads its report: FINISHED, nothing lost, the counts the scenario
 * sends, the same as the hub's own record of the drill. A second drill is cancelled from the screen.
 */
class DrillScreenTest {

	static final Duration DRILL = Duration.ofSeconds(150);

	static Hub hub;

	static Browser browser;

	static String scenario;

	@BeforeAll
	static void start() throws IOException {
		hub = Hub.start(Hub.freshHubSettings());
		Browser.createOfficer(hub, "drill.commander", "drill-commander-password", null, "COMMANDER");
		try (InputStream in = DrillScreenTest.class.getClassLoader().getResourceAsStream("drills/mini-drill.json")) {
			scenario = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		browser = Browser.start(DrillScreenTest.class);
		browser.open(hub, "/console/");
		browser.signIn("drill.commander", "drill-commander-password");
		browser.waitForLive();
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.close();
		}
		if (hub != null) {
			hub.close();
		}
	}

	private static WebElement awaitCss(String css, Duration timeout) {
		try {
			return browser.await(timeout, css)
				.until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
		}
		catch (RuntimeException timedOut) {
			browser.screenshot("timed-out");
			throw new AssertionError("Waited for " + css + "; toasts: "
					+ browser.findAll("toast").stream().map(WebElement::getText).toList() + "; console log: "
					+ browser.consoleLog(), timedOut);
		}
	}

	private static void startDrill(String timeScale) {
		browser.script("location.hash = '#/drills';");
		new Select(browser.waitFor("drill-scenario")).selectByValue("");
		WebElement inline = browser.waitFor("drill-inline");
		assertThat(inline.isDisplayed()).isTrue();
		browser.script("arguments[0].value = arguments[1];", inline, scenario);
		WebElement scale = browser.find("drill-time-scale");
		scale.clear();
		scale.sendKeys(timeScale);
		browser.find("drill-start").click();
	}

	@Test
	void aDrillStartedFromTheScreenEndsWithItsReport() {
		startDrill("12");
		WebElement selected = awaitCss("[data-testid=drill-selected][data-state=RUNNING]", Browser.TIMEOUT);
		String id = selected.getAttribute("data-drill-id");
		// progress is read every 2 s while the drill runs
		browser.waitUntil(() -> browser.find("drill-progress").getText().contains("%"), Duration.ofSeconds(30),
				"the running drill's progress");

		awaitCss("[data-testid=drill-selected][data-drill-id='" + id + "'][data-state=FINISHED]", DRILL);
		WebElement report = awaitCss("[data-testid=drill-report]", Browser.TIMEOUT);
		browser.screenshot("drill-report");
		assertThat(report.getAttribute("data-clean")).isEqualTo("true");
		assertThat(browser.find("drill-traffic-reports").getText()).endsWith("60 / 60 / 0");
		assertThat(browser.findAll("drill-measure")).hasSize(4);
		assertThat(browser.find("drill-markdown").getAttribute("href")).startsWith("blob:");
		assertThat(awaitCss("[data-testid=drill-row][data-drill-id='" + id + "']", Browser.TIMEOUT).getAttribute("data-state"))
			.isEqualTo("FINISHED");

		// what the screen shows is the hub's record of the drill
		JsonNode drill = hub.getJson("/api/drills/" + id, hub.officerToken(null, "COMMANDER"));
		assertThat(drill.path("state").asString()).isEqualTo("FINISHED");
		assertThat(report.getText()).contains(drill.path("report").path("reports").path("toConsole").path("count").asString());
	}

	@Test
	void aRunningDrillIsCancelledFromTheScreen() {
		// slow enough to be still running when the button is pressed
		startDrill("1");
		WebElement selected = awaitCss("[data-testid=drill-selected][data-state=RUNNING]", Browser.TIMEOUT);
		String id = selected.getAttribute("data-drill-id");
		browser.waitFor("drill-cancel").click();
		awaitCss("[data-testid=drill-selected][data-drill-id='" + id + "'][data-state=CANCELLED]", Duration.ofSeconds(30));
		assertThat(hub.getJson("/api/drills/" + id, hub.officerToken(null, "COMMANDER")).path("state").asString())
			.isEqualTo("CANCELLED");
	}

}
