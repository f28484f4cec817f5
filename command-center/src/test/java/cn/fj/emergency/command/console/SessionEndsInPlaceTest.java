package cn.fj.emergency.command.console;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing typed is lost when the session ends (issue 18.5, docs/web-console.md#the-session), in a real Chromium on a
 * hub whose officer tokens live 90 seconds ({@code hub.security.officer-token-ttl}): the officer types a warning; a
 * banner warns before the token expires; at the expiry the sign-in modal appears over the screen, which stays with
 * what was typed (Escape does not dismiss it); signed in again in the modal, the stream is live again on a new
 * connection and saving the draft succeeds with the text typed before.
 */
class SessionEndsInPlaceTest {

	static final Duration TTL = Duration.ofSeconds(90);

	static Hub hub;

	static Browser browser;

	@BeforeAll
	static void start() {
		Map<String, Object> settings = new HashMap<>(Hub.freshHubSettings());
		settings.put("hub.security.officer-token-ttl", TTL.toSeconds() + "s");
		hub = Hub.start(settings);
		Browser.createOfficer(hub, "officer.a", "officer-password", null, "DUTY_OFFICER");
		browser = Browser.start(SessionEndsInPlaceTest.class);
		browser.open(hub, "/console/");
		browser.script("localStorage.setItem('hub.console.lang', 'en')");
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

	@Test
	void theOfficerIsWarnedSignsInAgainInPlaceAndKeepsWhatHeTyped() {
		browser.open(hub, "/console/#/warnings");
		browser.signIn("officer.a", "officer-password");
		browser.waitForLive();
		Instant expiresAt = Instant.parse(String.valueOf(browser.script(
				"return JSON.parse(sessionStorage.getItem('hub.console.session')).expiresAt;")));
		OpsSteps.click(browser, "warnings-new");
		browser.waitFor("warnings-compose");
		OpsSteps.type(browser, "warnings-compose-en-headline", "Typed before the session ended");
		OpsSteps.type(browser, "warnings-compose-zh-CN-headline", "会话结束前填写");
		OpsSteps.type(browser, "warnings-compose-en-event", "Rainstorm");
		OpsSteps.type(browser, "warnings-compose-zh-CN-event", "暴雨");
		OpsSteps.type(browser, "warnings-compose-en-description", "Heavy rain");
		OpsSteps.type(browser, "warnings-compose-zh-CN-description", "有暴雨");
		new Select(browser.find("warnings-area-city")).selectByValue("350200");
		new Select(browser.find("warnings-area-county")).selectByValue("350203");
		OpsSteps.click(browser, "warnings-area-add");

		// the banner, before the expiry (a third of a 90 s token's life ahead of it)
		browser.waitFor("session-renew", TTL);
		assertThat(Instant.now()).isBefore(expiresAt);
		assertThat(browser.find("session-banner").getText()).contains("Your sign-in expires at");
		browser.script("window.scrollTo(0, 0)");
		browser.screenshot("1-banner-before-expiry");

		// the expiry: the modal over the screen, which is still the compose form with what was typed
		browser.waitUntil(() -> browser.findAll("session-dialog").stream()
			.anyMatch(d -> "true".equals(d.getDomAttribute("data-expired"))), TTL, "the expired session's modal");
		assertThat(Instant.now()).isAfterOrEqualTo(expiresAt);
		assertThat(browser.findAll("signin-form")).as("no sign-in page instead of the screen").isEmpty();
		assertThat(browser.find("warnings-compose-en-headline").getDomProperty("value")).isEqualTo("Typed before the session ended");
		assertThat(browser.script("return document.activeElement.dataset.testid;")).isEqualTo("session-password");
		new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
		assertThat(browser.findAll("session-dialog")).as("Escape does not dismiss an expired session's modal").hasSize(1);
		browser.screenshot("2-expired-modal-over-the-screen");

		// signed in again in the modal: the stream reconnects, the text is there, and saving it works
		long connections = ((Number) browser.script("return window.__hub.connections;")).longValue();
		OpsSteps.type(browser, "session-password", "officer-password");
		browser.find("session-submit").click();
		browser.waitUntil(() -> browser.findAll("session-dialog").isEmpty(), "the modal closed");
		browser.waitForLive();
		assertThat(((Number) browser.script("return window.__hub.connections;")).longValue()).isGreaterThan(connections);
		assertThat(browser.find("session-banner").isDisplayed()).isFalse();
		assertThat(browser.find("warnings-compose-en-headline").getDomProperty("value")).isEqualTo("Typed before the session ended");
		OpsSteps.click(browser, "warnings-compose-save");
		browser.waitForText("warnings-preview-cap", "Typed before the session ended");
		String token = hub.signIn("officer.a", "officer-password");
		JsonNode drafts = hub.getJson("/api/warnings?state=DRAFT", token);
		assertThat(drafts).extracting(d -> d.get("headline").asString()).contains("会话结束前填写");
		browser.screenshot("3-signed-in-again-draft-saved");
	}

}
