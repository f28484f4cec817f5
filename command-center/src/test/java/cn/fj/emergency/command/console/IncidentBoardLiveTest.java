package cn.fj.emergency.command.console;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident board in Chromium: incidents reported before sign-in come from the HTTP list; one reported by a
 * city platform over RSocket TCP appears within a second of its acknowledgement, without reload, in its level's
 * colour; status and level changes show live; the filters narrow the list.
 */
class IncidentBoardLiveTest {

	static Hub hub;

	static Browser browser;

	static HubClient xiamen;

	@BeforeAll
	static void start() {
		hub = Hub.start(Hub.freshHubSettings());
		Browser.createOfficer(hub, "lin.hai", "duty-password-2", null, "DUTY_OFFICER");
		Browser.createOfficer(hub, "wu.fang", "duty-password-4", "350100", "DUTY_OFFICER");
		xiamen = hub.city("350200");
		browser = Browser.start(IncidentBoardLiveTest.class);
	}

	@AfterAll
	static void stop() {
		try {
			if (xiamen != null) {
				xiamen.close();
			}
			if (browser != null) {
				browser.close();
			}
		}
		finally {
			hub.close();
		}
	}

	private static JsonNode report(Map<String, Object> report) {
		return xiamen.request("incidents.report", report).block(Duration.ofSeconds(10));
	}

	private static WebElement row(String incidentId) {
		return browser.driver().findElement(By.cssSelector("[data-testid='board-row'][data-incident-id='" + incidentId + "']"));
	}

	private static List<String> rowIds() {
		return browser.findAll("board-row").stream().map(r -> r.getAttribute("data-incident-id")).toList();
	}

	@Test
	void aReportedIncidentAppearsWithinASecondAndChangesShowLive() {
		String earlier = report(Reports.xiamen("board-earlier")).get("incidentId").asString();

		browser.open(hub, "/console/");
		browser.script("localStorage.setItem('hub.console.lang', 'en')");
		browser.open(hub, "/console/#/board");
		browser.signIn("lin.hai", "duty-password-2");
		browser.waitForLive();
		// this test follows the order of reporting: newest first (the board's default is the triage order)
		new Select(browser.find("board-sort")).selectByValue("newest");
		browser.waitUntil(() -> rowIds().contains(earlier), "the incident reported before sign-in, from the HTTP list");

		// record, in the page, when each row first appears (the browser's clock is the machine's, as the test's)
		browser.script("""
				window.__pageMark = 'no reload';
				window.__rowSeen = {};
				const note = () => document.querySelectorAll("[data-testid='board-row']").forEach(r => {
				  if (!(r.dataset.incidentId in window.__rowSeen)) window.__rowSeen[r.dataset.incidentId] = Date.now();
				});
				note();
				new MutationObserver(note).observe(document.body, {childList: true, subtree: true});
				""");
		Map<String, Object> live = Reports.xiamen("board-live");
		live.put("level", "II");
		live.put("title", "Landslide on the Xiamen ring road");
		JsonNode receipt = report(live);
		long acknowledged = System.currentTimeMillis();
		String incident = receipt.get("incidentId").asString();

		browser.waitUntil(() -> browser.script("return window.__rowSeen[arguments[0]] ?? null", incident) != null,
				Duration.ofSeconds(5), "the live incident's row");
		long appeared = ((Number) browser.script("return window.__rowSeen[arguments[0]]", incident)).longValue();
		assertThat(appeared - acknowledged).as("ms from the report's acknowledgement to its row").isLessThan(1000);
		assertThat(browser.script("return window.__pageMark")).isEqualTo("no reload");
		assertThat(rowIds()).containsExactly(incident, earlier);
		WebElement row = row(incident);
		assertThat(row.getAttribute("data-level")).isEqualTo("II");
		assertThat(row.getText()).contains("Landslide on the Xiamen ring road").contains("Xiamen").contains("Reported");
		assertThat(row.findElement(By.cssSelector("[data-testid='board-level']")).getCssValue("background-color"))
			.isEqualTo("rgba(242, 140, 40, 1)");
		browser.screenshot("live-incident");

		// a change of status and of level, by an officer over HTTP, shows on the row live
		String officer = hub.signIn("lin.hai", "duty-password-2");
		hub.postJson("/api/incidents/" + incident + "/status", officer, Map.of("status", "VERIFIED"), 200);
		hub.postJson("/api/incidents/" + incident + "/level", officer, Map.of("level", "I", "reason", "more slopes moving"), 200);
		browser.waitUntil(() -> "I".equals(row(incident).getAttribute("data-level"))
				&& "VERIFIED".equals(row(incident).getAttribute("data-status")), "the changes on the row");
		assertThat(row(incident).findElement(By.cssSelector("[data-testid='board-level']")).getCssValue("background-color"))
			.isEqualTo("rgba(215, 38, 61, 1)");
		assertThat(browser.script("return window.__pageMark")).isEqualTo("no reload");

		// filters: level I shows only the live incident; a new level III report does not enter the filtered list
		new Select(browser.find("board-filter-level")).selectByValue("I");
		browser.waitUntil(() -> rowIds().equals(List.of(incident)), "only the level I incident");
		String third = report(Reports.xiamen("board-third")).get("incidentId").asString();
		new Select(browser.find("board-filter-status")).selectByValue("VERIFIED");
		browser.waitUntil(() -> rowIds().equals(List.of(incident)), "level I and verified");
		browser.screenshot("filtered");
		new Select(browser.find("board-filter-level")).selectByValue("");
		new Select(browser.find("board-filter-status")).selectByValue("");
		browser.waitUntil(() -> rowIds().equals(List.of(third, incident, earlier)), "all three, newest first");

		// a row opens the incident's detail route
		row(incident).click();
		browser.waitUntil(() -> browser.driver().getCurrentUrl().endsWith("#/incidents/" + incident), "the detail route");
		browser.screenshot("after-click");
	}

	@Test
	void aCityScopedOfficerSeesOnlyTheOwnCitysIncidents() {
		String xiamenBefore = report(Reports.xiamen("scoped-xm-before")).get("incidentId").asString();
		browser.open(hub, "/console/");
		browser.script("sessionStorage.clear(); localStorage.setItem('hub.console.lang', 'en')");
		browser.driver().navigate().refresh();
		browser.signIn("wu.fang", "duty-password-4");
		browser.waitForLive();
		assertThat(browser.find("shell-user").getText()).contains("Fuzhou");
		assertThat(browser.find("board-filter-city").isEnabled()).isFalse();
		assertThat(new Select(browser.find("board-filter-city")).getFirstSelectedOption().getText()).isEqualTo("Fuzhou");

		try (HubClient fuzhou = hub.city("350100")) {
			// Xiamen first: the stream is in seq order, so once the Fuzhou event is in, a delivered Xiamen one would be too
			JsonNode other = report(Reports.xiamen("scoped-xm-live"));
			JsonNode own = fuzhou.request("incidents.report", Reports.fuzhou("scoped-fz")).block(Duration.ofSeconds(10));
			String ownId = own.get("incidentId").asString();
			browser.waitUntil(() -> rowIds().contains(ownId), "the own city's live incident");
			assertThat(rowIds()).containsExactly(ownId).doesNotContain(other.get("incidentId").asString(), xiamenBefore);
			@SuppressWarnings("unchecked")
			List<Number> handed = (List<Number>) browser.script("return window.__hub.dispatched.slice()");
			assertThat(handed.stream().map(Number::longValue).toList()).as("events given to the screens")
				.contains(own.get("seq").asLong())
				.doesNotContain(other.get("seq").asLong());
		}
		browser.screenshot("city-scoped");
	}

}
