package cn.fj.emergency.command.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.Reports;

/**
 * The province situation roll-up in a real Chromium: Xiamen and Fuzhou report casualties and deployed resources on
 * their incidents while the screen is open; both cities appear live with their figures and the time of their last
 * report, the province's totals add them up, and the eight other cities show as not reported.
 */
class SituationRollupScreenTest {

	static Hub hub;

	static Browser browser;

	@BeforeAll
	static void start() {
		hub = Hub.start(Hub.freshHubSettings());
		Browser.createOfficer(hub, "situation.commander", "situation-commander-password", null, "COMMANDER");
		browser = Browser.start(SituationRollupScreenTest.class);
		browser.signInTo(hub, "en", "situation.commander", "situation-commander-password");
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
		return browser.await(Duration.ofSeconds(15), css)
			.until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
	}

	/** A figure of a row, read in one script (the screen re-renders after each report). */
	static String figure(String rowCss, String field) {
		return attribute(rowCss + " [data-testid=situation-" + field + "]", "data-value");
	}

	static String attribute(String css, String name) {
		Object value = browser.script("const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;",
				css, name);
		return value == null ? "" : value.toString();
	}

	static String text(String css) {
		Object text = browser.script("const e = document.querySelector(arguments[0]); return e ? e.innerText : null;", css);
		return text == null ? "" : text.toString();
	}

	static void casualties(String token, String incidentId, String sitrepId, int dead, int injured,
			int evacuated, String reportedAt) {
		hub.postJson("/api/incidents/" + incidentId + "/sitreps", token, Map.of("sitrepId", sitrepId, "kind",
				"CASUALTY_AND_ILLNESS_SUMMARY", "reportedAt", reportedAt, "casualtyAndIllnessSummary",
				Map.of("dead", dead, "injured", injured, "missing", 1, "ill", 0, "trapped", 2, "rescued", 3, "evacuated",
						evacuated, "sheltered", evacuated / 2)), 200);
	}

	@Test
	void twoCitiesReportAndTheRollUpShowsBothWithTotals() {
		browser.script("location.hash = '#/situation'");
		awaitCss("[data-testid=situation-missing][data-count='10']");
		assertThat(browser.findAll("situation-city")).hasSize(10);

		String xiamen = hub.cityPlatformToken("350200").get("token").asString();
		String fuzhou = hub.cityPlatformToken("350100").get("token").asString();
		String xiamenIncident = hub.postJson("/api/incidents", xiamen, Reports.xiamen("sit-xm-1"), 200).get("incidentId").asString();
		String fuzhouIncident = hub.postJson("/api/incidents", fuzhou, Reports.fuzhou("sit-fz-1"), 200).get("incidentId").asString();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);

		casualties(xiamen, xiamenIncident, "xm-sr-1", 1, 4, 300, now.minusMinutes(40).toString());
		// a newer report of the same source and kind replaces the older one; it is not added to it
		casualties(xiamen, xiamenIncident, "xm-sr-2", 2, 5, 320, now.minusMinutes(10).toString());
		hub.postJson("/api/incidents/" + xiamenIncident + "/sitreps", xiamen, Map.of("sitrepId", "xm-sr-3", "kind",
				"RESPONSE_RESOURCES_TOTALS", "reportedAt", now.minusMinutes(5).toString(), "responseResourcesTotals",
				Map.of("personnel", 120, "teams", 6, "vehicles", 14, "boats", 3, "aircraft", 1, "heavyEquipment", 2)), 200);
		casualties(fuzhou, fuzhouIncident, "fz-sr-1", 0, 7, 1500, now.minusMinutes(20).toString());

		String xiamenRow = "[data-testid=situation-city][data-city='350200'][data-reported=true]";
		String fuzhouRow = "[data-testid=situation-city][data-city='350100'][data-reported=true]";
		browser.waitUntil(() -> "2".equals(figure(xiamenRow, "dead")) && "120".equals(figure(xiamenRow, "personnel")),
				"Xiamen's latest figures");
		awaitCss(fuzhouRow);
		assertThat(figure(xiamenRow, "injured")).isEqualTo("5");
		assertThat(figure(xiamenRow, "evacuated")).isEqualTo("320");
		assertThat(figure(fuzhouRow, "evacuated")).isEqualTo("1500");
		assertThat(figure(fuzhouRow, "personnel")).isEqualTo("0");

		String total = "[data-testid=situation-total]";
		browser.waitUntil(() -> "1820".equals(figure(total, "evacuated")), "the province's total");
		assertThat(figure(total, "dead")).isEqualTo("2");
		assertThat(figure(total, "injured")).isEqualTo("12");
		assertThat(figure(total, "missing")).isEqualTo("2");
		assertThat(figure(total, "personnel")).isEqualTo("120");
		assertThat(attribute(total, "data-incidents")).isEqualTo("2");

		// the time of each city's last report, and the cities that have not reported, by name
		String lastXiamen = attribute(xiamenRow + " [data-testid=situation-last]", "data-last-reported");
		assertThat(OffsetDateTime.parse(lastXiamen).toInstant()).isEqualTo(now.minusMinutes(5).toInstant());
		assertThat(text(xiamenRow + " [data-testid=situation-last]")).contains(":");
		awaitCss("[data-testid=situation-missing][data-count='8']");
		assertThat(text("[data-testid=situation-missing]")).contains("Putian").doesNotContain("Xiamen");
		browser.waitUntil(() -> browser.findAll("situation-recent-report").size() == 4, "the four reports listed as received");
		browser.screenshot("situation-rollup");
	}

}
