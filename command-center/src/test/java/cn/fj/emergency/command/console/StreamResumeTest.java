package cn.fj.emergency.command.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;
import cn.fj.emergency.command.support.TcpRelay;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's live stream resumes after its WebSocket is cut: incidents reported while it is down all reach the
 * board once, in order, after it reconnects by itself, without a reload; the events handed to the screens are in
 * strictly increasing seq order and include every report's seq exactly once. The same holds when the hub cuts
 * the console off as too slow (SUBSCRIBER_TOO_SLOW) because the page stopped reading, and when the network between
 * browser and hub resets every connection and stays down for a while (a relay standing for the link). (The first
 * test expects an empty board, hence the order.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamResumeTest {

	static Hub hub;

	static Browser browser;

	static HubClient fuzhou;

	@BeforeAll
	static void start() {
		Map<String, Object> settings = Hub.freshHubSettings();
		// a small queue, so that a console that stops reading is cut off with SUBSCRIBER_TOO_SLOW (second test)
		settings.put("hub.stream.subscriber-buffer", "8");
		hub = Hub.start(settings);
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
	@Order(1)
	void incidentsReportedWhileTheWebSocketIsCutAppearOnceAndInOrderAfterItResumes() {
		browser.open(hub, "/console/");
		// these tests follow the order of reporting: the board newest first (its default is the triage order)
		browser.script("sessionStorage.clear(); sessionStorage.setItem('hub.console.boardSort', 'newest')");
		browser.driver().navigate().refresh();
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

	@Test
	@Order(2)
	void aConsoleCutOffAsTooSlowResumesWithoutLosingOrRepeatingEvents() {
		browser.open(hub, "/console/");
		// these tests follow the order of reporting: the board newest first (its default is the triage order)
		browser.script("sessionStorage.clear(); sessionStorage.setItem('hub.console.boardSort', 'newest')");
		browser.driver().navigate().refresh();
		browser.signIn("zhao.min", "duty-password-3");
		browser.waitForLive();
		browser.script("window.__pageMark = 'no reload'; window.__hub.dispatched.length = 0;"
				+ " window.__slowWarnings = 0; const warn = console.warn;"
				+ " console.warn = (...a) => { if (String(a[1] && a[1].code) === 'SUBSCRIBER_TOO_SLOW') window.__slowWarnings++; warn(...a); };");
		int before = rowIds().size();

		// the page stops reading for 6 s (a long task), while more events than its demand (256) plus the hub's
		// queue (8) are committed
		browser.script("setTimeout(() => { const end = Date.now() + 6000; while (Date.now() < end) {} }, 0)");
		int reports = 300;
		List<Long> seqs = Flux.range(0, reports)
			.flatMapSequential(i -> fuzhou.request("incidents.report", Reports.fuzhou("slow-" + i)), 32)
			.map(receipt -> receipt.get("seq").asLong())
			.collectList()
			.block(Duration.ofSeconds(30));

		browser.waitUntil(() -> rowIds().size() == before + reports, Duration.ofSeconds(40), "every incident on the board");
		browser.waitForLive();
		browser.screenshot("after-too-slow");
		assertThat(((Number) browser.script("return window.__slowWarnings")).intValue()).as("cut off as too slow")
			.isGreaterThanOrEqualTo(1);
		List<Long> handed = dispatched();
		assertThat(handed).isSorted().doesNotHaveDuplicates();
		assertThat(handed.stream().filter(seqs::contains).toList()).containsExactlyInAnyOrderElementsOf(seqs);
		assertThat(rowIds()).doesNotHaveDuplicates();
		assertThat(browser.script("return window.__pageMark")).isEqualTo("no reload");
	}

	@Test
	@Order(3)
	void theStreamResumesAfterTheNetworkDropsTheWebSocket() {
		// given a console reaching the hub through the network (a relay), live
		try (TcpRelay network = new TcpRelay(hub.httpPort())) {
			browser.driver().get("http://127.0.0.1:" + network.port() + "/console/");
			// these tests follow the order of reporting: the board newest first (its default is the triage order)
			browser.script("sessionStorage.clear(); sessionStorage.setItem('hub.console.boardSort', 'newest')");
			browser.driver().navigate().refresh();
			browser.signIn("zhao.min", "duty-password-3");
			browser.waitForLive();
			browser.script("window.__pageMark = 'no reload'; window.__hub.dispatched.length = 0;");
			JsonNode first = report("network-0");
			browser.waitUntil(() -> rowIds().contains(first.get("incidentId").asString()), "the first incident, live");
			int connections = ((Number) browser.script("return window.__hub.connections")).intValue();

			// when the link drops (every connection reset, no close handshake) and stays down while incidents come in
			network.cut();
			browser.waitUntil(() -> !"live".equals(browser.find("stream-status").getAttribute("data-status")),
					"the console notices the cut");
			browser.screenshot("network-down");
			List<String> ids = new ArrayList<>();
			List<Long> seqs = new ArrayList<>();
			for (int i = 1; i <= 5; i++) {
				JsonNode receipt = report("network-" + i);
				ids.add(receipt.get("incidentId").asString());
				seqs.add(receipt.get("seq").asLong());
			}
			assertThat(rowIds()).as("nothing arrives while the link is down").doesNotContainAnyElementsOf(ids);

			// then, once the link is back, the console reconnects by itself and shows each incident once, in order
			network.up();
			browser.waitForLive();
			browser.waitUntil(() -> rowIds().containsAll(ids), Duration.ofSeconds(20), "the incidents of the outage");
			browser.screenshot("network-back");
			List<String> onBoard = rowIds().stream().filter(ids::contains).toList();
			List<String> newestFirst = new ArrayList<>(ids);
			Collections.reverse(newestFirst);
			assertThat(onBoard).containsExactlyElementsOf(newestFirst);
			assertThat(rowIds()).doesNotHaveDuplicates();
			List<Long> handed = dispatched();
			assertThat(handed).isSorted().doesNotHaveDuplicates();
			assertThat(handed.stream().filter(seqs::contains).toList()).containsExactlyElementsOf(seqs);
			assertThat(((Number) browser.script("return window.__hub.connections")).intValue())
				.as("a new WebSocket connection").isGreaterThan(connections);
			assertThat(browser.script("return window.__pageMark")).isEqualTo("no reload");
		}
	}

}
