package cn.fj.emergency.command.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import cn.fj.emergency.command.incident.IncidentReport;
import cn.fj.emergency.command.incident.ReportingIncident;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Role;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.Reports;

/**
 * The board left open through a burst, in a real Chromium: newest first, 250 open real level III incidents and one
 * level I (the oldest), then 300 more reported at once while the board is shown. The board redraws only the rows the
 * events touch (a row drawn before the burst is the same element after it), keeps the hub's order, and stays bounded
 * to the page read plus one page of live additions (400 rows) without dropping the level I; "load more" brings back
 * the rows that left, in their place, each once.
 */
class BoardBoundedLiveTest {

	static final String USER = "bounded.officer";

	static final String PASSWORD = "bounded-officer-password";

	static Hub hub;

	static Browser browser;

	static String officer;

	static ReportingIncident reporting;

	static HubPrincipal me;

	@BeforeAll
	static void start() {
		hub = Hub.start(Hub.freshHubSettings());
		Browser.createOfficer(hub, USER, PASSWORD, null, "DUTY_OFFICER");
		officer = hub.signIn(USER, PASSWORD);
		reporting = hub.context().getBean(ReportingIncident.class);
		me = new HubPrincipal(USER, HubPrincipal.Kind.OFFICER, Set.of(Role.DUTY_OFFICER), null, null,
				Instant.now().plus(1, ChronoUnit.HOURS));
		browser = Browser.start(BoardBoundedLiveTest.class);
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

	static List<String> report(String prefix, int count) {
		String occurred = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(20).withNano(0).toString();
		List<IncidentReport> bulk = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			bulk.add(new IncidentReport(prefix + i, "11", "III", "Waterlogging " + prefix + i, null, 24.45, 118.08,
					i % 2 == 0 ? "350203" : "350206", occurred, false, null));
		}
		List<String> ids = Flux.fromIterable(bulk)
			.flatMapSequential(r -> reporting.report(me, r), 64)
			.map(receipt -> receipt.incidentId().toString())
			.collectList()
			.block(Duration.ofSeconds(120));
		assertThat(ids).hasSize(count);
		return ids;
	}

	@SuppressWarnings("unchecked")
	static List<String> rowIds() {
		return (List<String>) browser.script(
				"return Array.from(document.querySelectorAll(\"[data-testid='board-row']\"), r => r.dataset.incidentId)");
	}

	@Test
	void aBurstTouchesOnlyItsRowsAndTheBoardStaysBounded() {
		Map<String, Object> grave = Reports.report("bounded-level-one", "350203");
		grave.put("level", "I");
		grave.put("title", "Dam breach upstream of Tingxi");
		String levelOne = hub.postJson("/api/incidents", officer, grave, 200).get("incidentId").asString();
		List<String> earlier = report("bounded-early-", 250);
		// ids are time-ordered: newest first is the ids' reverse order
		List<String> newest = earlier.stream().sorted(Comparator.reverseOrder()).toList();

		browser.open(hub, "/console/");
		browser.script("localStorage.setItem('hub.console.lang', 'en'); sessionStorage.clear();"
				+ " sessionStorage.setItem('hub.console.boardSort', 'newest')");
		browser.open(hub, "/console/#/board");
		browser.signIn(USER, PASSWORD);
		browser.waitForLive();
		// the newest page of 200 and, from the picture, the open level I beyond it
		browser.waitUntil(() -> rowIds().size() == 201, "the first page and the level I");
		assertThat(rowIds()).contains(levelOne).containsAll(newest.subList(0, 200)).isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(browser.find("board-more").isDisplayed()).isTrue();

		// a row drawn before the burst, and one the burst changes: marked on the element, not in the DOM
		String kept = newest.get(10);
		String changed = newest.get(20);
		browser.script("for (const id of arguments) document.querySelector(`[data-testid='board-row'][data-incident-id='${id}']`)"
				+ ".__drawnBefore = true;", kept, changed);

		List<String> burst = report("bounded-burst-", 300);
		hub.postJson("/api/incidents/" + changed + "/status", officer, Map.of("status", "VERIFIED"), 200);
		browser.waitUntil(() -> rowIds().containsAll(burst), Duration.ofSeconds(30), "every report of the burst on the board");
		browser.waitUntil(() -> "VERIFIED".equals(browser.script(
				"return document.querySelector(`[data-testid='board-row'][data-incident-id='${arguments[0]}']`).dataset.status",
				changed)), "the status change");
		browser.screenshot("after-burst");

		List<String> shown = rowIds();
		assertThat(shown).as("bounded: the page read and a page of live additions").hasSize(400)
			.doesNotHaveDuplicates().isSortedAccordingTo(Comparator.reverseOrder()).contains(levelOne);
		assertThat(shown.subList(0, 300)).as("the burst on top, newest first").containsExactlyInAnyOrderElementsOf(burst);
		assertThat(browser.script("return document.querySelector(`[data-testid='board-row'][data-incident-id='${arguments[0]}']`)"
				+ ".__drawnBefore === true", kept)).as("a row no event touched is not drawn again").isEqualTo(true);
		assertThat(browser.script("return document.querySelector(`[data-testid='board-row'][data-incident-id='${arguments[0]}']`)"
				+ ".__drawnBefore === true", changed)).as("the changed row is drawn anew").isEqualTo(false);
		assertThat(browser.find("board-more").isDisplayed()).isTrue();

		// the rows that left come back with "load more", in their place, each once: now every open incident
		browser.find("board-more").click();
		browser.waitUntil(() -> rowIds().size() == 551, "every open incident after load more");
		List<String> all = rowIds();
		assertThat(all).doesNotHaveDuplicates().isSortedAccordingTo(Comparator.reverseOrder())
			.containsAll(earlier).containsAll(burst).contains(levelOne);
		assertThat(browser.find("board-more").isDisplayed()).isFalse();
		browser.screenshot("after-load-more");
	}

}
