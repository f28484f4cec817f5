package cn.fj.emergency.command.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.incident.IncidentReport;
import cn.fj.emergency.command.incident.ReportingIncident;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Role;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.Reports;

/**
 * A typhoon-day hub in a real Chromium: 2,000 open incidents of which 1,990 are drills, the one real level I
 * incident the oldest of all. It is on the map and at the top of the board; the counters are those of the whole
 * hub (by level, status, city, drills apart); drills are hidden by the default "real only" switch and drawn and
 * listed distinctly without it; a cancelled warning does not colour the map, one in force does; the video wall
 * lists every active dispatch, however old its incident.
 */
class TruthfulPictureAtVolumeTest {

	static final String USER = "picture.officer";

	static final String PASSWORD = "picture-officer-password";

	static final int DRILLS = 1990;

	static final int DRILLS_LEVEL_II = 10;

	static final String LONG_TITLE = "Dyke breach at Yundang Lake, three villages cut off, evacuation of 4,000 residents"
			+ " under way along the western shore road and the Hubin South underpass closed to all traffic";

	static Hub hub;

	static Browser browser;

	static String levelOne;

	static List<String> activeDispatches = new ArrayList<>();

	static String withdrawnDispatch;

	static String cancelledArea = "350203";

	static String inForceArea = "350102";

	static String inForceWarning;

	@BeforeAll
	static void typhoonDay() {
		hub = Hub.start(Hub.freshHubSettings());
		Browser.createOfficer(hub, USER, PASSWORD, null, "DUTY_OFFICER");
		String officer = hub.signIn(USER, PASSWORD);

		// the one real level I incident, the oldest open incident of all
		Map<String, Object> grave = Reports.xiamen("typhoon-real-I");
		grave.put("level", "I");
		grave.put("title", LONG_TITLE);
		levelOne = hub.postJson("/api/incidents", officer, grave, 200).get("incidentId").asString();
		// an older real incident with a video dispatch, and 1,990 drills and 9 more real ones after it, written through
		// the intake in bulk (its batches), not one HTTP request each
		String oldReal = hub.postJson("/api/incidents", officer, Reports.xiamen("typhoon-real-old"), 200)
			.get("incidentId").asString();
		ReportingIncident reporting = hub.context().getBean(ReportingIncident.class);
		HubPrincipal me = new HubPrincipal(USER, HubPrincipal.Kind.OFFICER, Set.of(Role.DUTY_OFFICER), null, null,
				Instant.now().plus(1, ChronoUnit.HOURS));
		String occurred = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(30).withNano(0).toString();
		List<IncidentReport> bulk = new ArrayList<>();
		for (int i = 0; i < DRILLS; i++) {
			String level = i < DRILLS_LEVEL_II ? "II" : i % 2 == 0 ? "III" : "IV";
			bulk.add(new IncidentReport("typhoon-drill-" + i, "11", level, "Drill: waterlogging " + i, null, 24.45, 118.08,
					i % 3 == 0 ? "350206" : "350203", occurred, true, null));
		}
		for (int i = 0; i < 8; i++) {
			bulk.add(new IncidentReport("typhoon-real-" + i, "11", i % 2 == 0 ? "III" : "IV", "Waterlogging " + i, null,
					24.45, 118.08, "350203", occurred, false, null));
		}
		long bulkStart = System.nanoTime();
		List<String> drillIds = Flux.fromIterable(bulk)
			.flatMapSequential(r -> reporting.report(me, r), 256)
			.map(receipt -> receipt.incidentId().toString())
			.collectList()
			.block(Duration.ofSeconds(90));
		assertThat(drillIds).hasSize(DRILLS + 8);
		System.out.println("Bulk intake of " + drillIds.size() + " reports: " + (System.nanoTime() - bulkStart) / 1_000_000 + " ms");

		// video: two active dispatches on old incidents (older than the 50 newest), one withdrawn
		String sourceId = hub.postJson("/api/video/sources", officer, Map.of("kind", "FLOOD_CAMERA", "name",
				"Yundang Lake dyke", "cityCode", "350200", "latitude", 24.48, "longitude", 118.09, "streamUrl",
				"https://cams.xm.example/yundang/live.m3u8"), 201).get("id").asString();
		for (String incident : List.of(levelOne, oldReal, drillIds.get(0))) {
			activeDispatches.add(hub.postJson("/api/video/dispatches", officer, Map.of("sourceId", sourceId, "incidentId",
					incident, "targets", Map.of("officers", List.of(USER))), 201).get("id").asString());
		}
		withdrawnDispatch = activeDispatches.remove(2);
		hub.postJson("/api/video/dispatches/" + withdrawnDispatch + "/withdraw", officer, Map.of(), 200);

		// warnings: one for Siming published and then cancelled (its all-clear published), one for Gulou in force
		String reviewer = hub.dutyOfficerToken();
		String cancelled = publish(officer, reviewer, cancelledArea, "yellow");
		String cancel = hub.postJson("/api/warnings/" + cancelled + "/cancel", officer, Map.of(), 201).get("identifier")
			.asString();
		hub.postJson("/api/warnings/" + cancel + "/submit", officer, Map.of(), 200);
		hub.postJson("/api/warnings/" + cancel + "/approve", reviewer, Map.of("comment", "all clear"), 200);
		hub.postJson("/api/warnings/" + cancel + "/publish", officer, Map.of(), 200);
		inForceWarning = publish(officer, reviewer, inForceArea, "blue");

		browser = Browser.start(TruthfulPictureAtVolumeTest.class);
		browser.open(hub, "/console/");
		browser.script("localStorage.setItem('hub.console.lang', 'en'); sessionStorage.clear()");
		browser.open(hub, "/console/#/board");
		browser.signIn(USER, PASSWORD);
		browser.waitForLive();
	}

	static String publish(String author, String reviewer, String county, String colour) {
		Map<String, Object> content = new HashMap<>();
		content.put("status", "Actual");
		content.put("colour", colour);
		content.put("category", "Met");
		content.put("urgency", "Expected");
		content.put("certainty", "Likely");
		content.put("expires", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(6).withNano(0).toString());
		content.put("texts", List.of(
				Map.of("language", "zh-CN", "event", "暴雨", "headline", "暴雨预警", "description", "未来6小时有暴雨"),
				Map.of("language", "en", "event", "Rainstorm", "headline", "Rainstorm warning", "description",
						"Heavy rain within 6 hours")));
		content.put("areas", List.of(Map.of("description", "county " + county, "codes", List.of(county))));
		String id = hub.postJson("/api/warnings", author, content, 201).get("identifier").asString();
		hub.postJson("/api/warnings/" + id + "/submit", author, Map.of(), 200);
		hub.postJson("/api/warnings/" + id + "/approve", reviewer, Map.of("comment", "checked"), 200);
		hub.postJson("/api/warnings/" + id + "/publish", author, Map.of(), 200);
		return id;
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

	static void go(String hash) {
		browser.script("location.hash = arguments[0];", hash);
	}

	static List<String> rows(String attribute) {
		return browser.findAll("board-row").stream().map(r -> r.getDomAttribute(attribute)).toList();
	}

	static String counter(String testid) {
		return browser.find(testid).getDomAttribute("data-count");
	}

	@Test
	void theRealLevelOneLeadsTheBoardAndTheMapCancelledWarningsDoNotColourAndTheWallHasEveryDispatch() {
		// the board: real only by default, the level I first, the counters of the whole hub
		browser.waitFor("board-counters");
		browser.waitUntil(() -> !rows("data-incident-id").isEmpty() && levelOne.equals(rows("data-incident-id").get(0)),
				"the real level I incident at the top of the board");
		assertThat(browser.find("board-real-only").isSelected()).isTrue();
		assertThat(browser.find("board-open-only").isSelected()).isTrue();
		assertThat(rows("data-exercise")).doesNotContain("true").hasSize(10);
		browser.waitUntil(() -> "1".equals(counter("board-counter-level-I")), "the level I counter");
		assertThat(counter("board-counter-open")).isEqualTo("10");
		assertThat(counter("board-counter-level-II")).isEqualTo("0");
		assertThat(counter("board-counter-drills")).isEqualTo(String.valueOf(DRILLS));
		assertThat(counter("board-counter-status-REPORTED")).isEqualTo("10");
		assertThat(counter("board-counter-city-350200")).isEqualTo("10");
		// names, not codes
		WebElement first = browser.findAll("board-row").get(0);
		assertThat(first.findElement(Browser.byTestId("board-county")).getText()).isEqualTo("Siming");
		assertThat(first.findElement(Browser.byTestId("board-category")).getText()).isEqualTo("Flood and drought");
		assertThat(first.findElement(Browser.byTestId("board-status")).getText()).isEqualTo("Reported");
		assertThat(first.findElement(Browser.byTestId("board-source")).getText()).isEqualTo("Duty officer");
		assertThat(first.findElement(Browser.byTestId("board-elapsed")).getText()).endsWith("min");
		// the long title is cut with an ellipsis inside its cell; the page does not grow sideways
		Boolean clipped = (Boolean) browser.script("const t = arguments[0]; return t.scrollWidth > t.clientWidth"
				+ " && getComputedStyle(t).textOverflow === 'ellipsis';", first.findElement(Browser.byTestId("board-title")));
		assertThat(clipped).isTrue();
		assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth;")).isTrue();
		browser.screenshot("board-real-only");

		// drills shown on request: listed distinctly, the real level I still first (level I before the drills' IIs)
		browser.find("board-real-only").click();
		browser.waitUntil(() -> rows("data-exercise").contains("true"), "drills listed");
		assertThat(rows("data-incident-id").get(0)).isEqualTo(levelOne);
		assertThat(rows("data-level").subList(1, 1 + DRILLS_LEVEL_II)).containsOnly("II");
		assertThat(browser.findAll("board-drill")).isNotEmpty();
		assertThat(counter("board-counter-open")).isEqualTo(String.valueOf(DRILLS + 10));
		browser.screenshot("board-with-drills");
		// search by title
		browser.find("board-search").sendKeys("Yundang");
		browser.waitUntil(() -> rows("data-incident-id").equals(List.of(levelOne)), "the search finds the level I only");
		browser.find("board-search").clear();
		browser.find("board-real-only").click();
		browser.waitUntil(() -> !rows("data-exercise").contains("true"), "real only again");

		// the map: the level I marker; the rest aggregated per county; only the warning in force coloured
		go("#/map");
		WebElement canvas = browser.waitFor("map-canvas");
		browser.waitUntil(() -> "true".equals(canvas.getDomAttribute("data-map-ready")), Duration.ofSeconds(30), "the map");
		browser.waitUntil(() -> Boolean.TRUE.equals(browser.script(
				"return arguments[0].hubMap.layer('incidents').map(i => i.id).join() === arguments[1];", canvas, levelOne)),
				"only the real level I is a marker (real only)");
		browser.waitUntil(() -> "10".equals(browser.find("map-count-incidents").getText()), "10 open real incidents");
		assertThat(browser.script("return arguments[0].hubMap.layer('aggregates').map(a => a.id + ':' + a.text).join();",
				canvas)).isEqualTo("350203:9");
		browser.waitUntil(() -> "1".equals(browser.find("map-count-warnings").getText()), "one warning in force");
		assertThat(browser.script("return arguments[0].hubMap.layer('warnings').map(a => a.areaCode).join();", canvas))
			.as("the cancelled warning's county is not coloured").isEqualTo(inForceArea);
		browser.screenshot("map-real-only");
		// zoomed in on Xiamen (mouse wheel), Siming's circle gives way to its incidents one by one
		@SuppressWarnings("unchecked")
		List<Number> at = (List<Number>) browser.script("const m = arguments[0].hubMap; const p = m.pixelOf(24.46, 118.1);"
				+ " return [p[0] - arguments[0].clientWidth / 2, p[1] - arguments[0].clientHeight / 2];", canvas);
		for (int i = 0; i < 16; i++) {
			new org.openqa.selenium.interactions.Actions(browser.driver())
				.scrollFromOrigin(org.openqa.selenium.interactions.WheelInput.ScrollOrigin.fromElement(canvas,
						at.get(0).intValue(), at.get(1).intValue()), 0, -200)
				.perform();
		}
		browser.waitUntil(() -> Boolean.TRUE.equals(browser.script("const m = arguments[0].hubMap; return m.zoom() >= 3"
				+ " && m.layer('detail').length === 9 && !m.layer('aggregates').some(a => a.id === '350203');", canvas)),
				Duration.ofSeconds(20), "Siming's nine real level III/IV incidents drawn one by one");
		browser.screenshot("map-zoomed-in");
		// with drills: their level II markers drawn distinctly, the aggregates count them
		browser.find("map-real-only").click();
		browser.waitUntil(() -> Long.valueOf(1 + DRILLS_LEVEL_II).equals(browser.script(
				"return arguments[0].hubMap.layer('incidents').length;", canvas)), "drill markers");
		assertThat(browser.script("return arguments[0].hubMap.layer('incidents').filter(i => i.id !== arguments[1])"
				+ ".every(i => i.shape === 'diamond' && i.colour !== arguments[2]);", canvas, levelOne,
				browser.script("return arguments[0].hubMap.layer('incidents').find(i => i.id === arguments[1]).colour;",
						canvas, levelOne)))
			.isEqualTo(true);
		browser.screenshot("map-with-drills");
		browser.find("map-real-only").click();

		// the video wall: every active dispatch, though 2,000 incidents are newer than theirs; not the withdrawn one
		go("#/video");
		browser.waitFor("video-wall");
		browser.waitUntil(() -> browser.driver().findElements(By.cssSelector("[data-testid=video-tile]")).size() == 2,
				"two tiles");
		List<String> tiles = browser.findAll("video-tile").stream().map(t -> t.getDomAttribute("data-dispatch-id")).toList();
		assertThat(tiles).containsExactlyInAnyOrderElementsOf(activeDispatches).doesNotContain(withdrawnDispatch);
		browser.screenshot("video-wall");

		// the warnings screen's "in force" view: the blue one only (not the cancelled one, nor its all-clear)
		go("#/warnings");
		new org.openqa.selenium.support.ui.Select(browser.waitFor("warnings-state-filter")).selectByValue("IN_FORCE");
		browser.waitUntil(() -> browser.findAll("warnings-row").stream().map(r -> r.getDomAttribute("data-identifier"))
			.toList().equals(List.of(inForceWarning)), "only the warning in force listed");
		browser.screenshot("warnings-in-force");

		// over HTTP: the wall's list, and the warnings in force
		String officer = hub.signIn(USER, PASSWORD);
		JsonNode active = hub.getJson("/api/video/dispatches", officer);
		assertThat(active.valueStream().map(d -> d.get("id").asString())).containsExactlyElementsOf(activeDispatches);
		// a city-scoped officer to whom nothing was dispatched has none on his wall
		assertThat(hub.getJson("/api/video/dispatches", hub.officerToken("350200", "DUTY_OFFICER")).size()).isZero();
		JsonNode inForce = hub.getJson("/api/warnings?inForce=true", officer);
		assertThat(inForce.valueStream().flatMap(w -> w.get("countyCodes").valueStream().map(JsonNode::asString)))
			.containsExactly(inForceArea);
	}

}
