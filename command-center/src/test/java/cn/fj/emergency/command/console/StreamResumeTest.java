package cn.fj.emergency.command.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's live stream resumes after its WebSocket is cut: incidents reported while it is down all reach the
 * board once, in order, after it reconnects by itself, without a reload; the events handed to the screens are in
 * strictly increasing seq order and include every report's seq exactly once.
 */
class StreamResumeTest {

	static Hub hub;

	static Browser browser;

	static HubClient fuzhou;

	@BeforeAll
	static void start() {
		hub = Hub.start(Hub.freshHubSettings());
		Browser.createOfficer(hub, "zhao.min", "duty-password-3", null, "DUTY_OFFICER");
		fuzhou = hub.city("350100");
		browser = Browser.start(StreamResumeTest.class);
	}

	@AfterAll
	static void stop() {
		try {
			if (fuzhou != null) {
				fuzhou.close();
			}
			if (browser != null) {
				browser.close();
			}
		}
		finally {
			hub.close();
		}
	}

	private static JsonNode report(String reportId) {
		return fuzhou.request("incidents.report", Reports.fuzhou(reportId)).block(Duration.ofSeconds(10));
	}

	@SuppressWarnings("unchecked")
	private static List<String> rowIds() {
		return (List<String>) browser.script(
				"return Array.from(document.querySelectorAll(\"[data-testid='board-row']\"), r => r.dataset.incidentId)");
	}

	@SuppressWarnings("unchecked")
	private static List<Long> dispatched() {
		return ((List<Number>) browser.script("return window.__hub.dispatched.slice()")).stream().map(Number::longValue).toList();
	}

	@Test
	void incidentsReportedWhileTheWebSocketIsCutAppearOnceAndInOrderAfterItResumes() {
		browser.open(hub, "/console/");
		browser.signIn("zhao.min", "duty-password-3");
		browser.waitForLive();
		browser.script("window.__pageMark = 'no reload'");

		List<String> ids = new ArrayList<>();
		List<Long> seqs = new ArrayList<>();
		JsonNode first = report("resume-0");
		ids.add(first.get("incidentId").asString());
		seqs.add(first.get("seq").asLong());
		browser.waitUntil(() -> rowIds().contains(ids.get(0)), "the first incident, live");
		browser.screenshot("before-cut");

		// the WebSocket is closed under the console, which may not reconnect for 4 s
		browser.script("window.__hub.dropConnection(4000)");
		browser.waitUntil(() -> "reconnecting".equals(browser.find("stream-status").getAttribute("data-status")),
				"stream-status reconnecting");
		for (int i = 1; i <= 5; i++) {
			JsonNode receipt = report("resume-" + i);
			ids.add(receipt.get("incidentId").asString());
			seqs.add(receipt.get("seq").asLong());
		}
		String officer = hub.signIn("zhao.min", "duty-password-3");
		JsonNode verified = hub.postJson("/api/incidents/" + ids.get(0) + "/status", officer, Map.of("status", "VERIFIED"), 200);
		assertThat(verified.get("status").asString()).isEqualTo("VERIFIED");
		assertThat(rowIds()).as("nothing arrives while the socket is cut").containsExactly(ids.get(0));
		browser.screenshot("cut");

		browser.waitForLive();
		browser.waitUntil(() -> rowIds().size() == 6, Duration.ofSeconds(15), "all six incidents after the resume");
		browser.waitUntil(() -> "VERIFIED".equals(browser.driver()
			.findElement(By.cssSelector("[data-testid='board-row'][data-incident-id='" + ids.get(0) + "']"))
			.getAttribute("data-status")), "the status change made while cut");
		browser.screenshot("resumed");

		List<String> newestFirst = new ArrayList<>(ids);
		Collections.reverse(newestFirst);
		assertThat(rowIds()).as("each incident once, newest first").containsExactlyElementsOf(newestFirst);
		List<Long> handed = dispatched();
		assertThat(handed).as("strictly increasing seqs").isSorted().doesNotHaveDuplicates();
		assertThat(handed).as("every report's event, once").containsAll(seqs);
		assertThat(handed.stream().filter(seqs::contains).toList()).containsExactlyElementsOf(seqs);
		assertThat(((Number) browser.script("return window.__hub.connections")).intValue())
			.as("a second WebSocket connection").isEqualTo(2);
		assertThat(browser.script("return window.__pageMark")).isEqualTo("no reload");
	}

}
