package cn.fj.emergency.command.console;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alarms in two Chromium windows, two duty officers on two screens (one in English, one in Chinese): a level I report
 * from a city platform raises the banner on both, with the counter and the tab title; a drill's level I incident
 * reported just before raises nothing; the second officer acknowledges, the hub records who and when, and the banner
 * clears on the first officer's screen without reload.
 */
class AlarmBannerTest {

	static final Duration LIVE = Duration.ofSeconds(5);

	static Hub hub;

	static Browser first;

	static Browser second;

	static HubClient xiamen;

	@BeforeAll
	static void start() {
		hub = Hub.start(Hub.freshHubSettings());
		Browser.createOfficer(hub, "lin.hai", "duty-password-2", null, "DUTY_OFFICER");
		Browser.createOfficer(hub, "chen.mei", "duty-password-3", null, "DUTY_OFFICER");
		xiamen = hub.city("350200");
		first = Browser.start(AlarmBannerTest.class);
		second = Browser.start(AlarmBannerTest.class);
	}

	@AfterAll
	static void stop() {
		try {
			if (xiamen != null) {
				xiamen.close();
			}
			if (first != null) {
				first.close();
			}
			if (second != null) {
				second.close();
			}
		}
		finally {
			hub.close();
		}
	}

	static void signIn(Browser browser, String lang, String username, String password) {
		browser.open(hub, "/console/");
		browser.script("localStorage.setItem('hub.console.lang', arguments[0])", lang);
		// a reload, not a change of hash: the console reads the language when it loads
		browser.driver().navigate().refresh();
		browser.signIn(username, password);
		browser.waitForLive();
	}

	static String count(Browser browser) {
		return browser.find("alarm-counter").getAttribute("data-count");
	}

	static String report(String id, boolean exercise) {
		Map<String, Object> report = Reports.xiamen(id);
		report.put("level", "I");
		report.put("exercise", exercise);
		report.put("title", exercise ? "Drill: dam breach at Tingxi" : "Dam breach at Tingxi reservoir");
		JsonNode receipt = xiamen.request("incidents.report", report).block(Duration.ofSeconds(10));
		return receipt.get("incidentId").asString();
	}

	@Test
	void aLevelIReportRaisesTheBannerOnEveryScreenAndOneAcknowledgementClearsItEverywhere() {
		signIn(first, "en", "lin.hai", "duty-password-2");
		signIn(second, "zh-CN", "chen.mei", "duty-password-3");
		String baseTitle = first.driver().getTitle();
		assertThat(count(first)).isEqualTo("0");
		assertThat(first.find("alarm-banner").isDisplayed()).isFalse();

		String drill = report("alarm-drill", true);
		String real = report("alarm-real", false);

		for (Browser browser : new Browser[] { first, second }) {
			browser.waitUntil(() -> browser.find("alarm-banner").isDisplayed(), LIVE, "the alarm banner");
		}
		assertThat(first.find("alarm-current").getAttribute("data-kind")).isEqualTo("INCIDENT_LEVEL");
		assertThat(first.find("alarm-text").getText())
			.isEqualTo("Level I (extraordinary) incident · Xiamen · Dam breach at Tingxi reservoir");
		assertThat(second.find("alarm-text").getText()).isEqualTo("Ⅰ级（特别重大）事件 · 厦门市 · Dam breach at Tingxi reservoir");
		assertThat(first.find("alarm-open").getAttribute("href")).endsWith("#/incidents/" + real);
		assertThat(count(first)).as("the drill's level I incident raised no alarm").isEqualTo("1");
		assertThat(count(second)).isEqualTo("1");
		assertThat(first.find("alarm-counter").getText()).isEqualTo("Alarms 1");
		assertThat(first.driver().getTitle()).isEqualTo("(1) Alarm · " + baseTitle);
		assertThat(second.driver().getTitle()).startsWith("（1）告警");
		// signing in was a click, so the browser's autoplay rules let the page beep
		assertThat(((Number) first.script("return window.__alarmSound.beeps")).intValue()).as("beeps played").isEqualTo(1);
		assertThat(first.find("alarm-sound").getAttribute("data-sound")).isEqualTo("on");
		assertThat(first.find("alarm-banner").getText()).doesNotContain("null");
		first.screenshot("banner-en");
		second.screenshot("banner-zh");

		second.find("alarm-acknowledge").click();

		first.waitUntil(() -> !first.find("alarm-banner").isDisplayed(), LIVE, "the banner cleared on the other screen");
		assertThat(count(first)).isEqualTo("0");
		assertThat(first.driver().getTitle()).isEqualTo(baseTitle);
		second.waitUntil(() -> !second.find("alarm-banner").isDisplayed(), LIVE, "the banner cleared where acknowledged");
		second.waitForText("toast", "chen.mei");
		first.screenshot("cleared-en");
		second.screenshot("acknowledged-zh");

		DatabaseClient db = hub.context().getBean(DatabaseClient.class);
		Map<String, Object> row = db.sql("select acknowledged_by, acknowledged_at is not null as at from alarm where subject_id = $1")
			.bind(0, real)
			.fetch()
			.one()
			.block(Duration.ofSeconds(5));
		assertThat(row).containsEntry("acknowledged_by", "chen.mei").containsEntry("at", true);
		assertThat(db.sql("select count(*) from alarm where subject_id = $1").bind(0, drill)
			.map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5))).isZero();
		assertThat(first.consoleLog()).noneMatch(line -> line.contains("Content Security Policy"));
	}

}
