package cn.fj.emergency.command.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import cn.fj.emergency.command.support.Hub;

/**
 * The plans screen in a real Chromium: an administrator imports the shipped plans, reads the typhoon plan as levels ×
 * parties, uploads a changed file and sees version 2 (version 1 still there, unchanged); a bad file shows its problems
 * by their path and is not stored.
 */
class PlansScreenTest {

	static final Duration WAIT = Duration.ofSeconds(15);

	static Hub hub;

	static Browser browser;

	@BeforeAll
	static void start() {
		hub = Hub.start(Hub.freshHubSettings());
		Browser.createOfficer(hub, "plans.admin", "plans-admin-password", null, "ADMIN");
		browser = Browser.start(PlansScreenTest.class);
		browser.open(hub, "/console/");
		// in Chinese, the plans' own language; a reload: the console reads the language when it loads
		browser.script("localStorage.setItem('hub.console.lang', 'zh-CN')");
		browser.driver().navigate().refresh();
		browser.signIn("plans.admin", "plans-admin-password");
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

	static WebElement awaitCss(String css) {
		return browser.await(WAIT, css).until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
	}

	/** Clicks the element once it is there, again if it was drawn anew between finding and clicking it. */
	static void click(String css) {
		browser.waitUntil(() -> {
			List<WebElement> found = browser.driver().findElements(By.cssSelector(css));
			if (found.isEmpty()) {
				return false;
			}
			found.get(0).click();
			return true;
		}, "a click on " + css);
	}

	@Test
	void anAdministratorUploadsAChangedPlanAndABadFileShowsItsProblems() throws IOException {
		browser.script("location.hash = arguments[0];", "#/plans");
		click("[data-testid=plans-import-shipped]");
		// the list is drawn again on each plan event: click the row as it stands when found
		click("[data-testid=plans-row][data-plan-id='fj-typhoon'][data-version='1']");
		awaitCss("[data-testid=plans-detail-title][data-plan-id='fj-typhoon'][data-version='1']");
		// the matrix: the weather bureau's Ⅳ action, within 6 hours; the cities' one asks for an acknowledgement
		WebElement weather = awaitCss("[data-testid=plans-party-row][data-party='weather'] td[data-level='IV'] "
				+ "[data-testid=plans-action][data-action-id='iv-weather-track']");
		assertThat(weather.getAttribute("data-deadline")).isEqualTo("PT6H");
		assertThat(weather.getText()).contains("每6小时报告台风路径").contains("6小时内");
		assertThat(awaitCss("[data-action-id='iv-cities-respond']").getText()).contains("需回执");
		assertThat(browser.find("plans-suggestion").getText()).contains("无建议级别");
		browser.screenshot("plans-typhoon-v1");

		// the administrator uploads a changed file: the centre's watch within 30 minutes instead of an hour
		String current = (String) browser.script("return document.querySelector('[data-testid=plans-editor-text]').value;");
		String changed = current.replaceFirst("\"deadline\": \"PT1H\"", "\"deadline\": \"PT30M\"");
		assertThat(changed).isNotEqualTo(current);
		Path file = Files.createTempFile(Path.of("target"), "fj-typhoon-changed", ".json").toAbsolutePath();
		Files.writeString(file, changed, StandardCharsets.UTF_8);
		browser.find("plans-editor-file").sendKeys(file.toString());
		browser.waitUntil(() -> ((String) browser.script(
				"return document.querySelector('[data-testid=plans-editor-text]').value;")).contains("PT30M"), "the uploaded file");
		browser.find("plans-editor-note").sendKeys("值班启动时限缩短为30分钟");
		browser.find("plans-editor-save").click();
		awaitCss("[data-testid=plans-detail-title][data-plan-id='fj-typhoon'][data-version='2']");
		assertThat(awaitCss("[data-action-id='iv-centre-duty']").getAttribute("data-deadline")).isEqualTo("PT30M");
		browser.waitUntil(() -> browser.findAll("plans-history-row").size() == 2, "two versions in the history");
		assertThat(browser.findAll("plans-history-row").get(0).getText()).contains("plans.admin").contains("值班启动时限缩短为30分钟");
		browser.screenshot("plans-typhoon-v2");

		// version 1 is still there as it was
		browser.script("const s = document.querySelector('[data-testid=plans-version-select]'); s.value = '1';"
				+ " s.dispatchEvent(new Event('change'));");
		awaitCss("[data-testid=plans-detail-title][data-version='1']");
		assertThat(awaitCss("[data-action-id='iv-centre-duty']").getAttribute("data-deadline")).isEqualTo("PT1H");
		// an old version is read, not edited: the editor is under the current one
		assertThat(browser.findAll("plans-editor")).isEmpty();
		browser.script("const s = document.querySelector('[data-testid=plans-version-select]'); s.value = '2';"
				+ " s.dispatchEvent(new Event('change'));");
		awaitCss("[data-testid=plans-detail-title][data-version='2']");
		browser.waitFor("plans-editor");

		// a bad file: its problems by path, a localized refusal, and nothing stored
		browser.script("const a = document.querySelector('[data-testid=plans-editor-text]');"
				+ " const p = JSON.parse(a.value); p.levels.II[0].deadline = 'soon'; p.levels.I[0].party = 'army';"
				+ " a.value = JSON.stringify(p, null, 2);");
		browser.find("plans-editor-note").sendKeys("bad");
		browser.find("plans-editor-save").click();
		awaitCss("[data-testid=plans-problem][data-path='/levels/II/0/deadline']");
		awaitCss("[data-testid=plans-problem][data-path='/levels/I/0/party']");
		assertThat(browser.findAll("plans-problem")).hasSize(2);
		assertThat(awaitCss("[data-testid=toast][data-code='PLAN_INVALID']").getText()).contains("预案文件未通过校验");
		browser.screenshot("plans-bad-file");
		assertThat(hub.getJson("/api/plans/fj-typhoon", hub.adminToken()).get("currentVersion").asInt()).isEqualTo(2);
	}

}
