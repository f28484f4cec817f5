package cn.fj.emergency.command.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.MediaType;

import cn.fj.emergency.command.support.Hub;
import tools.jackson.databind.JsonNode;

import static cn.fj.emergency.command.console.OpsSteps.click;
import static cn.fj.emergency.command.console.OpsSteps.type;
import static cn.fj.emergency.command.console.OpsSteps.waitForAttribute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's screen of officers and service tokens, in a real Chromium: an administrator registers an
 * officer (a too-short password is refused in the officer's language, not by its code), disables them (their
 * sign-in is then refused, as the API shows), enables them again, sets their password (one over 72 bytes is
 * refused), resets it to a one-time one shown once (their earlier token stops working each time), revokes their
 * tokens by keyboard alone; issues a service token shown once and revokes it; a duty officer does not get the
 * screen.
 */
class OfficersScreenTest {

	static final String ADMIN = "gao.admin";

	static final String ADMIN_PASSWORD = "gao-admin-password-1";

	static final String OFFICER = "zhang.san";

	static final String OFFICER_PASSWORD = "zhang-san-password-1";

	static Hub hub;

	static Browser browser;

	@BeforeAll
	static void start() {
		hub = Hub.start(Hub.freshHubSettings());
		Browser.createOfficer(hub, ADMIN, ADMIN_PASSWORD, null, "ADMIN");
		Browser.createOfficer(hub, "duty.only", "duty-only-password-1", null, "DUTY_OFFICER");
		browser = Browser.start(OfficersScreenTest.class);
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

	/** {@code POST /api/auth/token}: the status and the problem's code (null when signed in). */
	static SignIn signInOverApi(String username, String password, String newPassword) {
		Map<String, Object> body = new HashMap<>();
		body.put("username", username);
		body.put("password", password);
		if (newPassword != null) {
			body.put("newPassword", newPassword);
		}
		var result = hub.http()
			.post()
			.uri("/api/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult();
		JsonNode json = result.getResponseBody();
		int status = result.getStatus().value();
		return new SignIn(status, status == 200 ? null : json.get("code").asString(),
				status == 200 ? json.get("token").asString() : null);
	}

	record SignIn(int status, String code, String token) {
	}

	/** {@code GET /api/auth/me} with the token: the status and the code of a refusal. */
	static String whoAmI(String token) {
		var result = hub.http()
			.get()
			.uri("/api/auth/me")
			.headers(h -> h.setBearerAuth(token))
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult();
		return result.getStatus().value() == 200 ? "OK" : result.getResponseBody().get("code").asString();
	}

	static WebElement officerRow(String username) {
		return waitForAttribute(browser, "officers-row", "data-username", username);
	}

	static WebElement inRow(WebElement row, String testid) {
		return row.findElement(Browser.byTestId(testid));
	}

	static void confirmDialog() {
		click(browser, "officers-dialog-confirm");
		browser.waitUntil(() -> browser.findAll("officers-dialog").isEmpty(), "the confirmation dialog closed");
	}

	@Test
	void anAdministratorRunsOfficersAndServiceTokensFromTheScreen() {
		browser.open(hub, "/console/");
		browser.script("localStorage.setItem('hub.console.lang', 'en')");
		browser.open(hub, "/console/");
		browser.signIn(ADMIN, ADMIN_PASSWORD);
		browser.waitFor("screen-board");
		assertThat(browser.find("nav-officers").getText()).isEqualTo("Officers & tokens");
		click(browser, "nav-officers");
		browser.waitFor("screen-officers");
		assertThat(officerRow("duty.only").findElement(Browser.byTestId("officers-roles")).getText()).isEqualTo("Duty officer");
		assertThat(inRow(officerRow(ADMIN), "officers-city").getText()).isEqualTo("Province-wide");

		// registering: the password's rules are shown; a short one is refused in words, not by its code
		type(browser, "officers-register-username", OFFICER);
		type(browser, "officers-register-display-name", "Zhang San");
		type(browser, "officers-register-password", "short");
		assertThat(browser.find("officers-register-password-count").getText()).isEqualTo("5 characters · 5/72 bytes");
		assertThat(browser.driver().findElement(By.cssSelector("[data-testid='officers-register'] small.officers-hint")).isDisplayed())
			.isTrue();
		assertThat(browser.script("const i = document.querySelector(\"[data-testid='officers-register-password']\");"
				+ " return document.getElementById(i.getAttribute('aria-describedby')).textContent")).asString()
			.contains("At least 10 characters and at most 72 bytes");
		click(browser, "officers-register-role-DUTY_OFFICER");
		new Select(browser.find("officers-register-city")).selectByValue("350200");
		click(browser, "officers-register-submit");
		WebElement error = browser.waitForText("officers-register-error", "at least 10 characters");
		assertThat(error.getText()).isEqualTo("The password must have at least 10 characters").doesNotContain("INVALID_FIELD");
		assertThat(error.getAttribute("data-code")).isEqualTo("INVALID_FIELD");
		browser.screenshot("register-refused");

		type(browser, "officers-register-password", OFFICER_PASSWORD);
		click(browser, "officers-register-submit");
		WebElement row = officerRow(OFFICER);
		assertThat(row.getAttribute("data-enabled")).isEqualTo("true");
		assertThat(inRow(row, "officers-city").getText()).isEqualTo("Xiamen");
		assertThat(inRow(row, "officers-roles").getText()).isEqualTo("Duty officer");
		assertThat(inRow(row, "officers-state").getText()).isEqualTo("Enabled");
		assertThat(browser.find("officers-register-error").isDisplayed()).isFalse();
		assertThat(signInOverApi(OFFICER, OFFICER_PASSWORD, null).status()).isEqualTo(200);

		// the same username again: refused in words
		type(browser, "officers-register-username", OFFICER);
		type(browser, "officers-register-password", OFFICER_PASSWORD);
		click(browser, "officers-register-role-COMMANDER");
		click(browser, "officers-register-submit");
		assertThat(browser.waitForText("officers-register-error", "already taken").getText())
			.isEqualTo("This username is already taken");

		// disable, with confirmation: the officer's sign-in is refused
		inRow(officerRow(OFFICER), "officers-disable").click();
		assertThat(browser.waitFor("officers-dialog").getAttribute("data-kind")).isEqualTo("disable");
		assertThat(browser.find("officers-dialog-message").getText()).startsWith("Disable zhang.san?");
		browser.screenshot("disable-confirmation");
		// cancelling changes nothing
		click(browser, "officers-dialog-cancel");
		browser.waitUntil(() -> browser.findAll("officers-dialog").isEmpty(), "the dialog closed");
		assertThat(officerRow(OFFICER).getAttribute("data-enabled")).isEqualTo("true");
		inRow(officerRow(OFFICER), "officers-disable").click();
		confirmDialog();
		waitForAttribute(browser, "officers-row", "data-enabled", "false");
		assertThat(inRow(officerRow(OFFICER), "officers-state").getText()).isEqualTo("Disabled");
		SignIn refused = signInOverApi(OFFICER, OFFICER_PASSWORD, null);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("ACCOUNT_DISABLED");
		browser.screenshot("disabled");

		// an administrator cannot disable themselves: the refusal in words, in the dialog
		inRow(officerRow(ADMIN), "officers-disable").click();
		click(browser, "officers-dialog-confirm");
		assertThat(browser.waitForText("officers-dialog-error", "own account").getText())
			.isEqualTo("You cannot disable your own account; another administrator can");
		click(browser, "officers-dialog-cancel");

		// enable again
		inRow(officerRow(OFFICER), "officers-enable").click();
		confirmDialog();
		browser.waitUntil(() -> "true".equals(officerRow(OFFICER).getAttribute("data-enabled")), "enabled again");
		SignIn again = signInOverApi(OFFICER, OFFICER_PASSWORD, null);
		assertThat(again.status()).isEqualTo(200);
		assertThat(whoAmI(again.token())).isEqualTo("OK");

		// reset to a password the administrator sets: one over 72 bytes is refused in words; nothing is shown once
		inRow(officerRow(OFFICER), "officers-reset").click();
		assertThat(browser.waitFor("officers-dialog").getAttribute("data-kind")).isEqualTo("reset-password");
		click(browser, "officers-reset-set");
		String tooLong = "应".repeat(25);
		type(browser, "officers-reset-password", tooLong);
		assertThat(browser.find("officers-reset-password-count").getText()).isEqualTo("25 characters · 75/72 bytes");
		click(browser, "officers-reset-submit");
		assertThat(browser.waitForText("officers-dialog-error", "too long").getText())
			.isEqualTo("The password is too long: at most 72 bytes in UTF-8");
		browser.screenshot("password-too-long");
		type(browser, "officers-reset-password", "set-by-the-administrator");
		click(browser, "officers-reset-submit");
		browser.waitUntil(() -> browser.findAll("officers-dialog").isEmpty(), "the reset dialog closed");
		assertThat(browser.findAll("officers-secret")).isEmpty();
		assertThat(whoAmI(again.token())).isEqualTo("TOKEN_REVOKED");
		assertThat(officerRow(OFFICER).getAttribute("data-change-required")).isEqualTo("false");
		SignIn setByAdmin = signInOverApi(OFFICER, "set-by-the-administrator", null);
		assertThat(setByAdmin.status()).isEqualTo(200);

		// reset to a one-time password: shown once; the officer's token stops working
		inRow(officerRow(OFFICER), "officers-reset").click();
		assertThat(browser.waitFor("officers-dialog").getAttribute("data-kind")).isEqualTo("reset-password");
		assertThat(browser.find("officers-reset-generate").isSelected()).isTrue();
		click(browser, "officers-reset-submit");
		WebElement secret = browser.waitFor("officers-secret");
		String oneTime = browser.find("officers-secret-value").getAttribute("value");
		assertThat(oneTime).hasSize(24).matches("[A-Za-z0-9_-]+");
		assertThat(secret.getText()).contains("Shown only now");
		assertThat(browser.find("officers-secret-expires").getText()).startsWith("Valid until");
		browser.screenshot("one-time-password");
		click(browser, "officers-secret-close");
		browser.waitUntil(() -> browser.findAll("officers-secret").isEmpty(), "the secret dialog closed");
		assertThat(browser.driver().getPageSource()).doesNotContain(oneTime);
		browser.waitUntil(() -> "true".equals(officerRow(OFFICER).getAttribute("data-change-required")), "change required");
		assertThat(inRow(officerRow(OFFICER), "officers-state").getText()).contains("must set a new password at sign-in");
		assertThat(whoAmI(setByAdmin.token())).isEqualTo("TOKEN_REVOKED");
		assertThat(signInOverApi(OFFICER, "set-by-the-administrator", null).code()).isEqualTo("BAD_CREDENTIALS");
		assertThat(signInOverApi(OFFICER, oneTime, null).code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
		SignIn own = signInOverApi(OFFICER, oneTime, "zhang-san-own-password");
		assertThat(own.status()).isEqualTo(200);
		assertThat(whoAmI(own.token())).isEqualTo("OK");

		// revoke every token, by keyboard alone
		WebElement revoke = inRow(officerRow(OFFICER), "officers-revoke");
		revoke.sendKeys(Keys.ENTER);
		WebElement dialog = browser.waitFor("officers-dialog");
		assertThat(dialog.getAttribute("data-kind")).isEqualTo("revoke-tokens");
		// the safe choice has the focus; Tab reaches the confirmation
		assertThat(browser.script("return document.activeElement.dataset.testid")).isEqualTo("officers-dialog-cancel");
		browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
		assertThat(browser.script("return document.activeElement.dataset.testid")).isEqualTo("officers-dialog-confirm");
		browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
		browser.waitUntil(() -> browser.findAll("officers-dialog").isEmpty(), "the dialog closed");
		browser.waitUntil(() -> "TOKEN_REVOKED".equals(whoAmI(own.token())), "the officer's token revoked");
		assertThat(signInOverApi(OFFICER, "zhang-san-own-password", null).status()).isEqualTo(200);

		// a service token: a city platform's without its city is refused in words
		type(browser, "tokens-issue-subject", "xiamen-platform");
		click(browser, "tokens-issue-role-CITY_PLATFORM");
		type(browser, "tokens-issue-description", "Xiamen city platform, test");
		click(browser, "tokens-issue-submit");
		WebElement tokenError = browser.waitForText("tokens-issue-error", "names its city");
		assertThat(tokenError.getText()).isEqualTo("A city platform token names its city");
		assertThat(tokenError.getAttribute("data-code")).isEqualTo("FIELD_REQUIRED");
		new Select(browser.find("tokens-issue-city")).selectByValue("350200");
		type(browser, "tokens-issue-valid-for", "90");
		click(browser, "tokens-issue-submit");
		browser.waitFor("officers-secret");
		String token = browser.find("officers-secret-value").getAttribute("value");
		assertThat(token).startsWith("eyJ");
		browser.screenshot("service-token-issued");
		click(browser, "officers-secret-close");
		browser.waitUntil(() -> browser.findAll("officers-secret").isEmpty(), "the secret dialog closed");
		assertThat(whoAmI(token)).isEqualTo("OK");
		JsonNode tokens = hub.getJson("/api/admin/service-tokens", hub.adminToken());
		JsonNode issued = tokens.get(tokens.size() - 1);
		assertThat(issued.get("subject").asString()).isEqualTo("xiamen-platform");
		assertThat(issued.get("cityCode").asString()).isEqualTo("350200");
		WebElement tokenRow = waitForAttribute(browser, "tokens-row", "data-token-id", issued.get("id").asString());
		assertThat(tokenRow.getAttribute("data-state")).isEqualTo("active");
		assertThat(tokenRow.getText()).contains("City platform").contains("Xiamen").contains(ADMIN);

		inRow(tokenRow, "tokens-revoke").click();
		assertThat(browser.waitFor("officers-dialog").getAttribute("data-kind")).isEqualTo("revoke-token");
		confirmDialog();
		browser.waitUntil(() -> "revoked".equals(waitForAttribute(browser, "tokens-row", "data-token-id",
				issued.get("id").asString()).getAttribute("data-state")), "the token revoked");
		assertThat(whoAmI(token)).isEqualTo("TOKEN_REVOKED");
		browser.screenshot("service-token-revoked");

		// in the other language
		new Select(browser.find("lang-switch")).selectByValue("zh-CN");
		browser.waitForText("nav-officers", "人员与令牌");
		assertThat(inRow(officerRow(OFFICER), "officers-state").getText()).isEqualTo("已启用");
		assertThat(inRow(officerRow(OFFICER), "officers-city").getText()).isEqualTo("厦门市");
		type(browser, "officers-register-username", OFFICER);
		type(browser, "officers-register-password", "太短的密码");
		click(browser, "officers-register-role-DUTY_OFFICER");
		click(browser, "officers-register-submit");
		assertThat(browser.waitForText("officers-register-error", "10").getText()).isEqualTo("密码至少需要 10 个字符");
		browser.screenshot("officers-zh");
		new Select(browser.find("lang-switch")).selectByValue("en");
		browser.waitForText("nav-officers", "Officers & tokens");

		List<String> violations = browser.consoleLog()
			.stream()
			.filter(line -> line.contains("Content Security Policy") || line.contains("Refused to"))
			.toList();
		assertThat(violations).isEmpty();
		OpsSteps.signOut(browser);

		// a duty officer has no such screen, not even by its address
		browser.script("location.hash = '#/board'");
		browser.signIn("duty.only", "duty-only-password-1");
		browser.waitFor("screen-board");
		assertThat(browser.findAll("nav-officers")).isEmpty();
		assertThat(browser.findAll("nav")).hasSize(1);
		browser.script("location.hash = '#/officers'");
		browser.waitFor("screen-unknown");
		assertThat(browser.findAll("screen-officers")).isEmpty();
		browser.screenshot("duty-officer-without-the-screen");
		OpsSteps.signOut(browser);
	}

}
