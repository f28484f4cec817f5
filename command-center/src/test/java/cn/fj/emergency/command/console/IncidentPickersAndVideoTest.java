package cn.fj.emergency.command.console;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.BulkReports;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.Reports;

/**
 * The incident detail's pickers in a real Chromium, and video from the console: a duty officer assigns an incident
 * by choosing a commander from the officers' directory (no username typed), merges a duplicate by choosing the
 * suspected original from a list (no id pasted) and confirming, dispatches a video source to a console group and
 * opens a consultation; signed in as the group's member, another officer finds the tile on the video wall and
 * the consultation listed, though sixty newer incidents exist.
 */
class IncidentPickersAndVideoTest {

	static final String DUTY = "pick.duty";

	static final String COMMANDER = "pick.commander";

	static final String WALL = "pick.wall";

	static final String PASSWORD = "pick-officer-password";

	static Hub hub;

	static Browser browser;

	static String token;

	static String original;

	static String duplicate;

	static String otherNearby;

	static String drillNearby;

	@BeforeAll
	static void start() {
		Map<String, Object> settings = Hub.freshHubSettings();
		settings.put("hub.incidents.duplicates.enabled", "true");
		hub = Hub.start(settings);
		officer(DUTY, "Duty Li", null, "DUTY_OFFICER");
		officer(COMMANDER, "Commander Zhao", null, "COMMANDER");
		officer(WALL, "Wall Chen", "350200", "DUTY_OFFICER");
		officer("pick.fuzhou", "Fuzhou Wu", "350100", "DUTY_OFFICER");
		officer("pick.gone", "Gone Sun", null, "DUTY_OFFICER");
		hub.postJson("/api/admin/officers/pick.gone/disable", hub.adminToken(), Map.of(), 200);
		token = hub.signIn(DUTY, PASSWORD);

		Map<String, Object> first = Reports.report("pick-original", "350203");
		first.put("title", "Flooded underpass at Hubin Road");
		original = hub.postJson("/api/incidents", token, first, 200).get("incidentId").asString();
		Map<String, Object> again = Reports.report("pick-duplicate", "350203");
		again.put("title", "Hubin Road underpass under water");
		duplicate = hub.postJson("/api/incidents", token, again, 200).get("incidentId").asString();
		Map<String, Object> other = Reports.report("pick-other", "350203");
		other.put("category", "22");
		other.put("title", "Collision on Lianqian Road");
		other.put("latitude", 24.50);
		other.put("longitude", 118.12);
		otherNearby = hub.postJson("/api/incidents", token, other, 200).get("incidentId").asString();
		Map<String, Object> drill = Reports.report("pick-drill", "350203");
		drill.put("exercise", true);
		drill.put("title", "Drill: underpass");
		drillNearby = hub.postJson("/api/incidents", token, drill, 200).get("incidentId").asString();
		// sixty newer incidents elsewhere: the original is not among the 50 newest
		List<Map<String, Object>> newer = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			Map<String, Object> report = Reports.report("pick-newer-" + i, "350206");
			report.put("category", "31");
			report.put("latitude", 24.51 + i * 0.001);
			report.put("longitude", 118.15);
			newer.add(report);
		}
		BulkReports.report(hub, token, newer);

		hub.postJson("/api/video/sources", token, Map.of("kind", "FLOOD_CAMERA", "name", "Hubin Road underpass camera",
				"cityCode", "350200", "countyCode", "350203", "latitude", 24.48, "longitude", 118.09, "streamUrl",
				"https://cams.xm.example/hubin/live.m3u8"), 201);
		hub.http()
			.put()
			.uri("/api/video/groups/flood-desk")
			.headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("members", List.of(WALL), "description", "Flood desk"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();

		browser = Browser.start(IncidentPickersAndVideoTest.class);
		browser.open(hub, "/console/");
		browser.script("localStorage.setItem('hub.console.lang', 'en'); sessionStorage.clear()");
		browser.open(hub, "/console/#/incidents/" + duplicate);
		browser.signIn(DUTY, PASSWORD);
		browser.waitForLive();
	}

	static void officer(String username, String displayName, String city, String... roles) {
		Map<String, Object> request = new HashMap<>();
		request.put("username", username);
		request.put("password", PASSWORD);
		request.put("displayName", displayName);
		request.put("roles", Set.of(roles));
		request.put("cityCode", city);
		hub.postJson("/api/admin/officers", hub.adminToken(), request, 201);
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

	static List<WebElement> css(String selector) {
		return browser.driver().findElements(By.cssSelector(selector));
	}

	@Test
	void assignFromTheDirectoryMergeFromAListAndDispatchVideoToAnotherOfficersWall() {
		// the assignee picker: the enabled duty officers and commanders who may act in Xiamen, by name and role
		browser.waitUntil(() -> browser.findAll("incident-assignee-option").size() == 3, "three officers to choose from");
		List<String> options = browser.findAll("incident-assignee-option").stream().map(WebElement::getText).toList();
		assertThat(options).containsExactly("Commander Zhao (pick.commander) · Commander · province",
				"Duty Li (pick.duty) · Duty officer · province", "Wall Chen (pick.wall) · Duty officer · Xiamen");
		new Select(browser.find("incident-assignee-select")).selectByValue(COMMANDER);
		browser.find("incident-assign-submit").click();
		browser.waitUntil(() -> COMMANDER.equals(browser.find("incident-assignee").getText()), "assigned to the commander");
		assertThat(hub.getJson("/api/incidents/" + duplicate, token).get("assignee").asString()).isEqualTo(COMMANDER);
		assertThat(browser.find("incident-status").getText()).isEqualTo("Reported");

		// the merge picker: the suspected original first, the other open real incident of the county after; no drill
		browser.find("incident-merge-find").click();
		browser.waitUntil(() -> browser.findAll("incident-merge-candidate").size() == 2, "two candidates");
		List<WebElement> candidates = browser.findAll("incident-merge-candidate");
		assertThat(candidates.stream().map(c -> c.getDomAttribute("data-incident-id")))
			.containsExactly(original, otherNearby);
		assertThat(candidates.get(0).getDomAttribute("data-suspected")).isEqualTo("true");
		assertThat(candidates.get(1).getDomAttribute("data-suspected")).isEqualTo("false");
		assertThat(candidates.get(0).getText()).contains("Flooded underpass at Hubin Road", "Siming", "Reported", "0.0 km",
				"suspected duplicate");
		assertThat(candidates.get(1).getText()).contains("Collision on Lianqian Road", "km");
		browser.screenshot("merge-picker");
		candidates.get(0).click();
		assertThat(browser.waitFor("incident-merge-question").getText())
			.contains("Hubin Road underpass under water", "Flooded underpass at Hubin Road");
		// nothing is merged before the confirmation
		assertThat(hub.getJson("/api/incidents/" + duplicate, token).get("status").asString()).isEqualTo("REPORTED");
		browser.find("incident-merge-reason").sendKeys("same underpass");
		browser.find("incident-merge-confirm").click();
		browser.waitUntil(() -> "MERGED".equals(browser.find("incident-status").getDomAttribute("data-status")), "merged");
		JsonNode merged = hub.getJson("/api/incidents/" + duplicate, token);
		assertThat(merged.get("mergedInto").asString()).isEqualTo(original);
		assertThat(browser.find("incident-status").getText()).isEqualTo("Merged");

		// video from the console: the original's camera to the flood desk, and a consultation with the wall officer
		browser.script("location.hash = arguments[0];", "#/incidents/" + original);
		browser.waitUntil(() -> css("[data-testid=incident-dispatch-group][value=flood-desk]").size() == 1, "the groups");
		browser.waitUntil(() -> new Select(browser.find("incident-dispatch-source")).getFirstSelectedOption().getText()
			.startsWith("Hubin Road underpass camera"), "the source");
		css("[data-testid=incident-dispatch-group][value=flood-desk]").get(0).click();
		browser.find("incident-dispatch-note").sendKeys("Watch the water level");
		browser.find("incident-dispatch-submit").click();
		browser.waitUntil(() -> !browser.findAll("incident-dispatch").isEmpty(), "the dispatch listed on the incident");
		JsonNode dispatches = hub.getJson("/api/video/dispatches?incidentId=" + original, token);
		assertThat(dispatches.size()).isEqualTo(1);
		String dispatchId = dispatches.get(0).get("id").asString();
		assertThat(dispatches.get(0).get("targets").get("groups").get(0).asString()).isEqualTo("flood-desk");

		WebElement title = browser.find("incident-consult-title");
		title.clear();
		title.sendKeys("Hubin Road flooding");
		browser.waitUntil(() -> css("[data-testid=incident-consult-officer][value='" + WALL + "']").size() == 1, "officers");
		css("[data-testid=incident-consult-officer][value='" + WALL + "']").get(0).click();
		assertThat(css("[data-testid=incident-consult-city][value='350200']").get(0).isSelected()).isTrue();
		browser.find("incident-consult-submit").click();
		browser.waitUntil(() -> browser.findAll("incident-consultation").size() == 1, "the consultation on the incident");
		JsonNode sessions = hub.getJson("/api/video/consultations?incidentId=" + original, token);
		assertThat(sessions.size()).isEqualTo(1);
		String sessionId = sessions.get(0).get("id").asString();
		browser.screenshot("incident-video-tools");

		// another officer, of the flood desk: the tile on the wall, the consultation listed (sixty incidents newer)
		browser.find("shell-signout").click();
		browser.open(hub, "/console/#/video");
		browser.signIn(WALL, PASSWORD);
		browser.waitForLive();
		browser.waitUntil(() -> css("[data-testid=video-tile][data-dispatch-id='" + dispatchId + "']").size() == 1,
				"the dispatched tile on the other officer's wall");
		assertThat(css("[data-testid=video-tile][data-dispatch-id='" + dispatchId + "']").get(0).getDomAttribute("data-for-me"))
			.isEqualTo("true");
		browser.waitUntil(() -> css("[data-testid=video-session][data-session-id='" + sessionId + "']").size() == 1,
				"the consultation on the wall");
		browser.screenshot("video-wall-other-officer");

		// over HTTP: the open consultations list; the directory's filters, and nothing of credentials
		String wall = hub.signIn(WALL, PASSWORD);
		assertThat(hub.getJson("/api/video/consultations", wall).valueStream().map(s -> s.get("id").asString()))
			.containsExactly(sessionId);
		hub.postJson("/api/video/consultations/" + sessionId + "/close", token, Map.of(), 200);
		assertThat(hub.getJson("/api/video/consultations", token).size()).isZero();
		JsonNode commanders = hub.getJson("/api/officers?role=COMMANDER", token);
		assertThat(commanders.valueStream().map(o -> o.get("username").asString())).containsExactly(COMMANDER);
		JsonNode fuzhou = hub.getJson("/api/officers?city=350100", token);
		assertThat(fuzhou.valueStream().map(o -> o.get("username").asString()))
			.containsExactly(COMMANDER, DUTY, "pick.fuzhou");
		assertThat(fuzhou.get(0).propertyNames()).containsExactlyInAnyOrder("username", "displayName", "roles", "cityCode");
		// a city-scoped officer lists its own city's (and the province's) officers only
		assertThat(hub.getJson("/api/officers", wall).valueStream().map(o -> o.get("username").asString()))
			.containsExactly(COMMANDER, DUTY, WALL);
		assertThat(hub.http().get().uri("/api/officers?role=ADMIN").headers(h -> h.setBearerAuth(token)).exchange()
			.expectStatus().isBadRequest().expectBody(JsonNode.class).returnResult().getResponseBody().get("field").asString())
			.isEqualTo("role");
	}

}
