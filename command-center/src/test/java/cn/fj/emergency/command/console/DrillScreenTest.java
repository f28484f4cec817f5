package cn.fj.emergency.command.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import cn.fj.emergency.command.support.Hub;
import tools.jackson.databind.JsonNode;

/**
 * The drills screen in a real Chromium: a commander pastes the small test scenario (two scenario minutes, 60
 * reports from two cities, two department alerts, two hub warnings, one order to two cities, one supply request),
 * starts it compressed twelvefold (confirming the start), follows it and reads its report: FINISHED, nothing lost, the
 * counts the scenario sends, the same as the hub's own record of the drill. A second drill is cancelled from the
 * screen. Starting asks for confirmation with the expected peak rate, and cancelling it starts nothing.
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

	/** Starts a drill from the form and answers its id, once the screen shows it selected and running. */
	private static String startDrill(String timeScale) {
		String commander = hub.officerToken(null, "COMMANDER");
		Set<String> before = Set.copyOf(hub.getJson("/api/drills", commander).findValuesAsString("id"));
		browser.script("location.hash = '#/drills';");
		new Select(browser.waitFor("drill-scenario")).selectByValue("");
		WebElement inline = browser.waitFor("drill-inline");
		assertThat(inline.isDisplayed()).isTrue();
		browser.script("arguments[0].value = arguments[1];", inline, scenario);
		WebElement scale = browser.find("drill-time-scale");
		scale.clear();
		scale.sendKeys(timeScale);
		WebElement rate = browser.find("drill-rate");
		rate.clear();
		rate.sendKeys("1");
		browser.find("drill-start").click();
		// nothing starts before the confirmation
		browser.waitFor("drill-confirm");
		browser.find("drill-confirm-start").click();
		String[] started = new String[1];
		browser.waitUntil(() -> {
			started[0] = hub.getJson("/api/drills", commander).findValuesAsString("id").stream()
				.filter(id -> !before.contains(id)).findFirst().orElse(null);
			return started[0] != null;
		}, "the drill started from the form");
		awaitCss("[data-testid=drill-selected][data-drill-id='" + started[0] + "'][data-state=RUNNING]", Browser.TIMEOUT);
		return started[0];
	}

	@Test
	void aDrillStartedFromTheScreenEndsWithItsReport() {
		String id = startDrill("12");
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

	/**
	 * Issue 18.8: the start button asks first, showing the drill's expected peak rate (the shipped typhoon at
	 * time-scale 90 and a twentieth of its rates: 2,330 reports a scenario minute × 0.05 × 90 / 60 s = 174.75/s);
	 * cancelling, by the button or by Esc, starts nothing.
	 */
	@Test
	void startingAsksForConfirmationWithThePeakRateAndCancellingStartsNothing() throws InterruptedException {
		String commander = hub.officerToken(null, "COMMANDER");
		int before = hub.getJson("/api/drills", commander).size();
		browser.script("location.hash = '#/drills';");
		new Select(browser.waitFor("drill-scenario")).selectByValue("typhoon-fujian");
		WebElement scale = browser.find("drill-time-scale");
		scale.clear();
		scale.sendKeys("90");
		WebElement rate = browser.find("drill-rate");
		rate.clear();
		rate.sendKeys("0.05");
		browser.find("drill-start").click();

		WebElement dialog = browser.waitFor("drill-confirm");
		assertThat(dialog.isDisplayed()).isTrue();
		assertThat(Double.parseDouble(dialog.getAttribute("data-peak-rate"))).isCloseTo(174.75, within(1e-6));
		assertThat(browser.find("drill-confirm-rate").getText()).contains("174.8");
		// the rate is the hub's plan of this scenario at this pace
		JsonNode plan = hub.postJson("/api/drills/preview", commander,
				Map.of("scenario", "typhoon-fujian", "timeScale", 90, "rateMultiplier", 0.05), 200);
		assertThat(Double.parseDouble(dialog.getAttribute("data-peak-rate")))
			.isEqualTo(plan.path("peakReportsPerSecond").asDouble());
		assertThat(browser.find("drill-confirm-length").getText()).contains(plan.path("reports").asString()
			.replaceAll("(\\d)(?=(\\d{3})+$)", "$1,"));
		browser.screenshot("drill-confirmation");

		browser.find("drill-confirm-cancel").click();
		browser.waitUntil(() -> browser.findAll("drill-confirm").isEmpty(), "the confirmation closed");
		assertThat(browser.find("drill-start").isEnabled()).isTrue();

		// Esc closes it as well, and starts nothing either
		browser.find("drill-start").click();
		browser.waitFor("drill-confirm");
		// the focus is on Cancel, the safe choice
		assertThat(browser.driver().switchTo().activeElement().getAttribute("data-testid")).isEqualTo("drill-confirm-cancel");
		browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
		browser.waitUntil(() -> browser.findAll("drill-confirm").isEmpty(), "the confirmation closed by Esc");

		// a start would be answered within a second or two: give it the time, then nothing is there
		Thread.sleep(2000);
		assertThat(hub.getJson("/api/drills", commander).size()).isEqualTo(before);
		assertThat(browser.findAll("drill-row")).noneMatch(row -> "RUNNING".equals(row.getAttribute("data-state")));
	}

	@Test
	void aRunningDrillIsCancelledFromTheScreen() {
		// slow enough to be still running when the button is pressed
		String id = startDrill("1");
		// the running drill's panel is drawn again every 2 s: click the button of the moment
		browser.await(Browser.TIMEOUT, "the cancel button clicked").until(d -> {
			try {
				d.findElement(By.cssSelector("[data-testid=drill-cancel]")).click();
				return true;
			}
			catch (StaleElementReferenceException | NoSuchElementException redrawn) {
				return null;
			}
		});
		awaitCss("[data-testid=drill-selected][data-drill-id='" + id + "'][data-state=CANCELLED]", Duration.ofSeconds(30));
		assertThat(hub.getJson("/api/drills/" + id, hub.officerToken(null, "COMMANDER")).path("state").asString())
			.isEqualTo("CANCELLED");
	}

}
