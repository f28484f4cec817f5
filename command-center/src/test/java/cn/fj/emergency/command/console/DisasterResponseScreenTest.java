package cn.fj.emergency.command.console;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import cn.fj.emergency.command.support.Hub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The disaster events screen in a real Chromium: a commander opens an event's page, activates a level Ⅳ response
 * with a reason after confirming it, and sees it in the active-responses panel; the hub holds the same response.
 * Without a reason nothing is sent; cancelling the confirmation sends nothing.
 */
class DisasterResponseScreenTest {

	static Hub hub;

	static Browser browser;

	static String commander;

	@BeforeAll
	static void start() {
		hub = Hub.start(Hub.freshHubSettings());
		Browser.createOfficer(hub, "response.commander", "response-commander-password", null, "COMMANDER");
		commander = hub.officerToken(null, "COMMANDER");
		browser = Browser.start(DisasterResponseScreenTest.class);
		browser.open(hub, "/console/");
		browser.signIn("response.commander", "response-commander-password");
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

	private static WebElement awaitCss(String css) {
		try {
			return browser.await(Browser.TIMEOUT, css)
				.until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
		}
		catch (RuntimeException timedOut) {
			browser.screenshot("timed-out");
			throw new AssertionError("Waited for " + css + "; toasts: "
					+ browser.findAll("toast").stream().map(WebElement::getText).toList() + "; console log: "
					+ browser.consoleLog(), timedOut);
		}
	}

	@Test
	void aCommanderActivatesAResponseFromTheEventPageAndSeesItInTheActivePanel() {
		String eventId = hub.postJson("/api/disaster-events", commander, Map.of("category", "1201", "nameZh", "台风“杜苏芮”过程",
				"nameEn", "Typhoon Doksuri", "cities", List.of("350100", "350900")), 200).get("id").asString();

		browser.script("location.hash = '#/disaster-events';");
		awaitCss("[data-testid=disaster-events-row][data-event-id='" + eventId + "']").click();
		awaitCss("[data-testid=disaster-events-page][data-event-id='" + eventId + "'] [data-testid=disaster-events-response][data-state=NONE]");
		assertThat(browser.find("disaster-events-no-active").isDisplayed()).isTrue();

		// without a reason nothing is sent
		new Select(browser.waitFor("disaster-events-response-level")).selectByValue("RESPONSE_IV");
		browser.find("disaster-events-response-activate").click();
		assertThat(browser.findAll("disaster-events-confirm")).isEmpty();

		// cancelling the confirmation sends nothing
		browser.find("disaster-events-response-reason").sendKeys("台风预计48小时内登陆 / landfall expected within 48 h");
		browser.find("disaster-events-response-activate").click();
		browser.waitFor("disaster-events-confirm");
		browser.find("disaster-events-confirm-cancel").click();
		browser.waitUntil(() -> browser.findAll("disaster-events-confirm").isEmpty(), "the confirmation closed");
		assertThat(hub.getJson("/api/disaster-responses", commander).get("responses")).isEmpty();

		browser.find("disaster-events-response-activate").click();
		assertThat(browser.waitFor("disaster-events-confirm-level").getAttribute("data-level")).isEqualTo("RESPONSE_IV");
		browser.screenshot("response-confirm");
		browser.find("disaster-events-confirm-go").click();

		WebElement active = awaitCss("[data-testid=disaster-events-active-row][data-event-id='" + eventId + "'][data-level=RESPONSE_IV]");
		awaitCss("[data-testid=disaster-events-response][data-state=ACTIVE][data-level=RESPONSE_IV]");
		awaitCss("[data-testid=disaster-events-change][data-action=ACTIVATED]");
		browser.screenshot("response-active");
		// the browser speaks English: the event is shown by its English name
		assertThat(active.getText()).contains("Typhoon Doksuri");
		var responses = hub.getJson("/api/disaster-responses", commander).get("responses");
		assertThat(responses).hasSize(1);
		assertThat(responses.get(0).get("eventId").asString()).isEqualTo(eventId);
		assertThat(responses.get(0).get("level").asString()).isEqualTo("RESPONSE_IV");
	}

}
