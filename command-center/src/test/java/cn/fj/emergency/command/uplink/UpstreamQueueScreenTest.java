package cn.fj.emergency.command.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import cn.fj.emergency.command.console.Browser;
import cn.fj.emergency.command.support.Hub;

/**
 * The national forwarding queue screen in a real Chromium (in this package for the national peer of the uplink
 * tests): a level I incident is forwarded while the national platform is down, so it is listed pending, with its
 * attempts counting up and the last error; a level III incident is not listed, a drill's forward only without the
 * "real only" switch; once the peer is up the forward is
 * acknowledged and the screen shows the receipt, live; the state filter shows pending ones only.
 */
class UpstreamQueueScreenTest {

	static NationalPeerStub peer;

	static Hub hub;

	static Browser browser;

	@BeforeAll
	static void start() {
		peer = NationalPeerStub.onFreePort(); // not started: the national platform is down
		Map<String, Object> settings = Escalations.settings(peer);
		settings.put("hub.national.request-timeout", "1s");
		settings.put("hub.national.backoff-min", "200ms");
		settings.put("hub.national.backoff-max", "1s");
		hub = Hub.start(settings);
		Browser.createOfficer(hub, "upstream.officer", "upstream-officer-password", null, "DUTY_OFFICER");
		browser = Browser.start(UpstreamQueueScreenTest.class);
		browser.signInTo(hub, "en", "upstream.officer", "upstream-officer-password");
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.close();
		}
		if (hub != null) {
			hub.close();
		}
		if (peer != null) {
			peer.close();
		}
	}

	static WebElement awaitCss(String css, Duration timeout) {
		return browser.await(timeout, css)
			.until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
	}

	/** The rendered text of the first element matching css, read in one script (the screen re-renders every 10 s). */
	static String text(String css) {
		Object text = browser.script("const e = document.querySelector(arguments[0]); return e ? e.innerText : null;", css);
		return text == null ? "" : text.toString();
	}

	static String attribute(String css, String name) {
		Object value = browser.script("const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;",
				css, name);
		return value == null ? "" : value.toString();
	}

	@Test
	void aLevelOneForwardIsPendingWhileThePeerIsDownThenAcknowledgedWithItsReceipt() {
		browser.script("location.hash = '#/upstream'");
		awaitCss("[data-testid=upstream-empty]", Duration.ofSeconds(10));

		String city = hub.cityPlatformToken("350200").get("token").asString();
		String grave = hub.postJson("/api/incidents", city, Escalations.report("upstream-1", "I"), 200)
			.get("incidentId").asString();
		String minor = hub.postJson("/api/incidents", city, Escalations.report("upstream-2", "III"), 200)
			.get("incidentId").asString();
		Map<String, Object> drillReport = Escalations.report("upstream-3", "II");
		drillReport.put("exercise", true);
		String drill = hub.postJson("/api/incidents", city, drillReport, 200).get("incidentId").asString();

		// listed from its report (the screen reads again after a level I/II report), then its attempts count up
		// at the next reads (every 10 s: attempts have no event)
		String row = "[data-testid=upstream-row][data-incident-id='" + grave + "']";
		awaitCss(row + "[data-state=PENDING]", Duration.ofSeconds(10));
		browser.waitUntil(() -> !attribute(row, "data-attempts").isEmpty() && Integer.parseInt(attribute(row, "data-attempts")) >= 2,
				Duration.ofSeconds(25), "attempts counted");
		assertThat(text(row + " [data-testid=upstream-error]")).isNotBlank().isNotEqualTo("–");
		assertThat(text(row + " [data-testid=upstream-kind]")).isEqualTo("Level I/II report");
		assertThat(text(row + " [data-testid=upstream-receipt]")).isEqualTo("–");
		browser.waitUntil(() -> text(row).contains("Waterlogging upstream-1"), "the incident's title");
		assertThat(text(row)).contains("Xiamen");
		assertThat(attribute("[data-testid=upstream-pending-count]", "data-count")).isEqualTo("1");
		assertThat(browser.driver().findElements(By.cssSelector("[data-testid=upstream-row][data-incident-id='" + minor + "']")))
			.isEmpty();
		// the drill's forward is pending too, hidden by the "real only" switch (on by default)
		String drillRow = "[data-testid=upstream-row][data-incident-id='" + drill + "']";
		assertThat(browser.driver().findElements(By.cssSelector(drillRow))).isEmpty();
		browser.find("upstream-real-only").click();
		awaitCss(drillRow + "[data-state=PENDING][data-exercise=true]", Duration.ofSeconds(5));
		browser.find("upstream-real-only").click();
		browser.waitUntil(() -> browser.driver().findElements(By.cssSelector(drillRow)).isEmpty(), "the drill hidden again");
		browser.screenshot("upstream-pending");

		// the national platform comes up: the forward is acknowledged and its receipt shown (on the acknowledgement's event)
		peer.start();
		String done = row + "[data-state=ACKNOWLEDGED]";
		awaitCss(done, Duration.ofSeconds(20));
		String receipt = text(done + " [data-testid=upstream-receipt]");
		assertThat(receipt).isNotBlank().isEqualTo(peer.receipts.get(attribute(done, "data-forward-id")));
		browser.screenshot("upstream-acknowledged");

		new Select(browser.find("upstream-filter")).selectByValue("PENDING");
		awaitCss("[data-testid=upstream-empty]", Duration.ofSeconds(10));
		new Select(browser.find("upstream-filter")).selectByValue("ACKNOWLEDGED");
		awaitCss(row + "[data-state=ACKNOWLEDGED]", Duration.ofSeconds(10));
	}

}
