package cn.fj.emergency.command.console;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import cn.fj.emergency.command.support.Hub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console works under the hub's Content-Security-Policy: an officer holding every officer role opens each
 * screen in Chromium, and the browser reports no refused script, style, connection or image; the screens'
 * layout rules (moved out of inline style elements into console.css) still apply.
 */
class ConsoleUnderContentSecurityPolicyTest {

	static Hub hub;

	static Browser browser;

	@BeforeAll
	static void start() {
		hub = Hub.start(Hub.freshHubSettings());
		Browser.createOfficer(hub, "lin.hua", "all-roles-password-1", null, "DUTY_OFFICER", "COMMANDER", "ADMIN");
		browser = Browser.start(ConsoleUnderContentSecurityPolicyTest.class);
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
	void everyScreenOpensWithoutAContentSecurityPolicyViolation() {
		browser.open(hub, "/console/");
		browser.script("localStorage.setItem('hub.console.lang', 'en')");
		browser.open(hub, "/console/");
		browser.signIn("lin.hua", "all-roles-password-1");
		browser.waitFor("screen-board");
		// the RSocket WebSocket to the same host is allowed by connect-src 'self'
		browser.waitForLive();

		List<String> screens = browser.findAll("nav").get(0)
			.findElements(org.openqa.selenium.By.tagName("a"))
			.stream()
			.map(a -> a.getAttribute("data-screen"))
			.toList();
		assertThat(screens).contains("board", "map", "warnings", "supplies", "audit", "officers");
		for (String screen : screens) {
			browser.find("nav-" + screen).click();
			browser.waitFor("screen-" + screen);
			if (screen.equals("map")) {
				// ECharts comes from its WebJar as a script the page adds: allowed by script-src 'self'
				browser.waitUntil(() -> Boolean.TRUE.equals(browser.script("return !!window.echarts")), "ECharts loaded");
			}
		}
		browser.find("nav-warnings").click();
		WebElement warnings = browser.waitFor("screen-warnings");
		browser.waitUntil(() -> !browser.driver().findElements(org.openqa.selenium.By.cssSelector(".warnings")).isEmpty(),
				"the warnings screen's layout");
		assertThat(browser.script("return getComputedStyle(document.querySelector('.warnings')).display")).isEqualTo("flex");
		assertThat(warnings.isDisplayed()).isTrue();
		browser.screenshot("warnings-under-csp");

		List<String> violations = browser.consoleLog()
			.stream()
			.filter(line -> line.contains("Content Security Policy") || line.contains("Refused to"))
			.toList();
		assertThat(violations).isEmpty();
	}

}
