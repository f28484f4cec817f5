package cn.fj.emergency.command.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import reactor.core.publisher.Flux;

import cn.fj.emergency.command.incident.IncidentReport;
import cn.fj.emergency.command.incident.ReportingIncident;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Role;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.Reports;

/**
 * The board at volume in a real Chromium: 10,000 open incidents, the one that matters (a real level IV in Xiang'an,
 * the oldest of all) far beyond the first page of 200 in every order but "oldest first". The hub orders and
 * searches them all: a search by its title or its county's name finds it, "oldest first" leads with it, and an
 * incident reported while a search is shown joins the rows only when it matches.
 */
class BoardTriageAtVolumeTest {

	static final String USER = "triage.officer";

	static final String PASSWORD = "triage-officer-password";

	static final int BULK = 9_999;

	static Hub hub;

	static Browser browser;

	static String officer;

	static String needle;

	@BeforeAll
	static void aBusyDay() {
		hub = Hub.start(Hub.freshHubSettings());
		Browser.createOfficer(hub, USER, PASSWORD, null, "DUTY_OFFICER");
		officer = hub.signIn(USER, PASSWORD);
		Map<String, Object> report = Reports.report("triage-needle", "350213");
		report.put("level", "IV");
		report.put("title", "Retaining wall collapsed at Wuyuan Bay");
		needle = hub.postJson("/api/incidents", officer, report, 200).get("incidentId").asString();

		ReportingIncident reporting = hub.context().getBean(ReportingIncident.class);
		HubPrincipal me = new HubPrincipal(USER, HubPrincipal.Kind.OFFICER, Set.of(Role.DUTY_OFFICER), null, null,
				Instant.now().plus(1, ChronoUnit.HOURS));
		String occurred = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(30).withNano(0).toString();
		List<IncidentReport> bulk = new ArrayList<>();
		for (int i = 0; i < BULK; i++) {
			bulk.add(new IncidentReport("triage-" + i, "11", "III", "Waterlogging " + i, null, 24.45, 118.08,
					i % 2 == 0 ? "350203" : "350206", occurred, i % 3 != 0, null));
		}
		List<String> ids = Flux.fromIterable(bulk)
			.flatMapSequential(r -> reporting.report(me, r), 256)
			.map(receipt -> receipt.incidentId().toString())
			.collectList()
			.block(Duration.ofSeconds(300));
		assertThat(ids).hasSize(BULK);

		browser = Browser.start(BoardTriageAtVolumeTest.class);
		browser.open(hub, "/console/");
		browser.script("localStorage.setItem('hub.console.lang', 'en'); sessionStorage.clear()");
		browser.open(hub, "/console/#/board");
		browser.signIn(USER, PASSWORD);
		browser.waitForLive();
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

	static List<String> rows() {
		return browser.findAll("board-row").stream().map(r -> r.getDomAttribute("data-incident-id")).toList();
	}

	static void search(String text) {
		browser.find("board-search").clear();
		browser.find("board-search").sendKeys(text);
	}

	@Test
	void theHubOrdersAndSearchesEveryOpenIncidentNotTheFirstPage() {
		// by level, real only, open only: a page of level IIIs, the level IV needle beyond it
		browser.waitUntil(() -> rows().size() == 200, "the first page of 200");
		assertThat(browser.find("board-open-only").isSelected()).isTrue();
		assertThat(browser.find("board-real-only").isSelected()).isTrue();
		assertThat(rows()).doesNotContain(needle);
		assertThat(browser.findAll("board-row").stream().map(r -> r.getDomAttribute("data-level"))).containsOnly("III");
		assertThat(browser.find("board-more").isDisplayed()).isTrue();

		// the search runs on the hub: by title, by the county's name, by the start of the id
		search("wuyuan bay");
		browser.waitUntil(() -> rows().equals(List.of(needle)), "the search by title finds the needle only");
		assertThat(browser.find("board-more").isDisplayed()).isFalse();
		browser.screenshot("board-search-title");
		search("Xiang'an");
		browser.waitUntil(() -> rows().equals(List.of(needle)), "the search by county name finds the needle");
		assertThat(browser.findAll("board-county").get(0).getText()).isEqualTo("Xiang'an");
		search(needle.substring(0, 18));
		browser.waitUntil(() -> rows().equals(List.of(needle)), "the search by id finds the needle");

		// an incident reported while the search is shown: one that matches joins the rows, one that does not, not
		search("wuyuan");
		browser.waitUntil(() -> rows().equals(List.of(needle)), "the search by a word");
		Map<String, Object> matching = Reports.report("triage-live-match", "350213");
		matching.put("level", "II");
		matching.put("title", "Wuyuan Bay seawall overtopped");
		String live = hub.postJson("/api/incidents", officer, matching, 200).get("incidentId").asString();
		hub.postJson("/api/incidents", officer, Reports.report("triage-live-other", "350203"), 200);
		browser.waitUntil(() -> rows().equals(List.of(live, needle)), "the matching new level II first, the needle after");

		// the orders are the hub's: oldest first leads with the needle; newest first with the newest
		search("");
		browser.find("board-search").sendKeys(" ");
		browser.waitUntil(() -> rows().size() == 200, "all again");
		new Select(browser.find("board-sort")).selectByValue("oldest");
		browser.waitUntil(() -> !rows().isEmpty() && rows().get(0).equals(needle), "oldest first: the needle first");
		browser.screenshot("board-oldest-first");
		new Select(browser.find("board-sort")).selectByValue("newest");
		browser.waitUntil(() -> !rows().isEmpty() && !rows().contains(needle) && rows().get(0).compareTo(live) > 0,
				"newest first: the last report first");
		new Select(browser.find("board-sort")).selectByValue("triage");
		browser.waitUntil(() -> !rows().isEmpty() && rows().get(0).equals(live), "by level: the level II first");

		// "load more" appends the next page in the hub's order
		browser.find("board-more").click();
		browser.waitUntil(() -> rows().size() == 400, "two pages");
		List<String> shown = rows();
		assertThat(shown.subList(1, shown.size())).isSorted().doesNotHaveDuplicates();
	}

}
