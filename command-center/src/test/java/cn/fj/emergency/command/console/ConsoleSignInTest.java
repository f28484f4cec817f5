package cn.fj.emergency.command.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.fj.emergency.command.support.Hub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer registered over the admin API signs in through the console in Chromium and gets the incident
 * board with a live stream; a wrong password shows the hub's error code; signing out returns to the form.
 */
class ConsoleSignInTest {

	static Hub hub;

	static Browser browser;

	@BeforeAll
	static void start() {
		hub = Hub.start(Hub.freshHubSettings());
		Browser.createOfficer(hub, "chen.jing", "duty-password-1", null, "DUTY_OFFICER");
		browser = Browser.start(ConsoleSignInTest.class);
	}

	@AfterAll
	static void stop() {
		try {
			if (browser != null) {
				browser.close();
			}
		}
		finally {
			hub.close();
		}
	}

	@Test
	void theConsoleAndItsLibrariesAreServedWithoutAToken() {
		hub.http().get().uri("/").exchange().expectStatus().isTemporaryRedirect().expectHeader().location("/console/");
		hub.http().get().uri("/console/").exchange().expectStatus().isOk().expectBody(String.class)
			.value(html -> assertThat(html).contains("js/main.js"));
		for (String file : new String[] { "/console/js/main.js", "/console/js/rsocket.js", "/console/js/hub.js",
				"/console/js/i18n.js", "/console/js/screens/index.js", "/console/css/console.css",
				"/webjars/echarts/4.1.0/dist/echarts.min.js", "/webjars/echarts/4.1.0/map/json/province/fujian.json",
				"/console/geo/fujian-county-shapes.json",
				"/webjars/leaflet/1.9.4/dist/leaflet.js", "/webjars/leaflet/1.9.4/dist/leaflet.css" }) {
			hub.http().get().uri(file).exchange().expectStatus().isOk();
		}
	}

	@Test
	void wrongPasswordSaysWhyThenTheOfficerSignsInAndSeesTheBoard() {
		browser.open(hub, "/");
		assertThat(browser.driver().getCurrentUrl()).endsWith("/console/");
		browser.script("localStorage.setItem('hub.console.lang', 'en')");
		browser.open(hub, "/console/");

		browser.signIn("chen.jing", "not-the-password");
		// the officer reads what went wrong in their language, with no code in front; the code stays on data-code
		assertThat(browser.waitForText("signin-error", "Wrong username or password").getText())
			.doesNotContain("BAD_CREDENTIALS");
		assertThat(browser.find("signin-error").getDomAttribute("data-code")).isEqualTo("BAD_CREDENTIALS");
		browser.screenshot("wrong-password");

		browser.signIn("chen.jing", "duty-password-1");
		browser.waitFor("screen-board");
		browser.waitForLive();
		assertThat(browser.find("shell-user").getText()).contains("chen.jing").contains("Duty officer");
		assertThat(browser.find("nav-board").getText()).isEqualTo("Incident board");
		assertThat(browser.waitFor("board-table").isDisplayed()).isTrue();
		assertThat(browser.script("return sessionStorage.getItem('hub.console.session') !== null")).isEqualTo(true);
		browser.screenshot("board");

		// the language switch applies at once and is remembered
		new org.openqa.selenium.support.ui.Select(browser.find("lang-switch")).selectByValue("zh-CN");
		browser.waitForText("nav-board", "事件看板");
		browser.driver().navigate().refresh();
		browser.waitForText("nav-board", "事件看板");
		assertThat(browser.find("stream-status").getAttribute("data-status")).isIn("live", "reconnecting");
		browser.waitForLive();
		browser.screenshot("board-zh");

		browser.find("shell-signout").click();
		browser.waitFor("signin-form");
		assertThat(browser.script("return sessionStorage.getItem('hub.console.session')")).isNull();
		browser.screenshot("signed-out");
	}

}
