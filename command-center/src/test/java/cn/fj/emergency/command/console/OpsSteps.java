package cn.fj.emergency.command.console;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Steps of the warnings and supplies browser tests, on top of {@link Browser}. */
final class OpsSteps {

	private OpsSteps() {
	}

	static void click(Browser browser, String testid) {
		browser.waitFor(testid).click();
	}

	static void type(Browser browser, String testid, String text) {
		WebElement input = browser.waitFor(testid);
		input.clear();
		input.sendKeys(text);
	}

	/** Waits until the element with this {@code data-testid} has the attribute value; answers it. */
	static WebElement waitForAttribute(Browser browser, String testid, String attribute, String value) {
		browser.waitUntil(() -> browser.findAll(testid).stream().anyMatch(e -> value.equals(e.getAttribute(attribute))),
				testid + " with " + attribute + "=" + value);
		return browser.findAll(testid).stream().filter(e -> value.equals(e.getAttribute(attribute))).findFirst().orElseThrow();
	}

	/** Waits until an element matches the CSS selector (and, when {@code text} is given, has exactly that text). */
	static WebElement waitForCss(Browser browser, String css, String text, Duration timeout) {
		browser.waitUntil(() -> {
			List<WebElement> found = browser.driver().findElements(By.cssSelector(css));
			return !found.isEmpty() && (text == null || found.get(0).getText().trim().startsWith(text));
		}, timeout, css + (text == null ? "" : " showing " + text));
		return browser.driver().findElement(By.cssSelector(css));
	}

	/**
	 * Publishes the warning shown: clicks Publish (again if the screen re-rendered it), waits for the confirmation's
	 * reach preview and confirms (docs/web-console.md#warnings-screen). Answers the confirmation's text.
	 */
	static String publishConfirmed(Browser browser) {
		browser.waitUntil(() -> {
			browser.waitFor("warnings-publish").click();
			return true;
		}, "a click on warnings-publish");
		WebElement dialog = waitForAttribute(browser, "warnings-confirm", "data-ready", "true");
		String text = dialog.getText();
		click(browser, "warnings-confirm-publish");
		browser.waitUntil(() -> browser.findAll("warnings-confirm").isEmpty(), "the confirmation closed");
		return text;
	}

	static void signOut(Browser browser) {
		click(browser, "shell-signout");
		browser.waitFor("signin-form");
	}

}
