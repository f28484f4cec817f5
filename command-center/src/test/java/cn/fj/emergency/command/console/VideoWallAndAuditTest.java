package cn.fj.emergency.command.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;
import tools.jackson.databind.JsonNode;

/**
 * The video wall and the audit view in a real Chromium, signed in as one officer who is both duty officer and
 * administrator: a dispatched source appears live and plays through a grant, a consultation shows who joins, a
 * withdrawal removes the tile; the audit trail lists the sign-in and verifies intact.
 */
class VideoWallAndAuditTest {

	static final String USER = "wall.officer";

	static Hub hub;

	static Browser browser;

	@BeforeAll
	static void start() {
		hub = Hub.start(Hub.freshHubSettings());
		Browser.createOfficer(hub, USER, "wall-officer-password", null, "DUTY_OFFICER", "ADMIN");
		browser = Browser.start(VideoWallAndAuditTest.class);
		browser.open(hub, "/console/");
		browser.signIn(USER, "wall-officer-password");
	}

	/** Navigates inside the signed-in console. */
	static void go(String hash) {
		browser.script("location.hash = arguments[0];", hash);
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
		return browser.await(Browser.TIMEOUT, css)
			.until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
	}

	static void awaitGone(String css) {
		browser.await(Browser.TIMEOUT, "gone: " + css)
			.until(d -> d.findElements(By.cssSelector(css)).isEmpty());
	}

	@Test
	void dispatchedVideoAndConsultationLiveThenTheAuditTrail() {
		String officer = hub.dutyOfficerToken();
		String incidentId = hub.postJson("/api/incidents", officer, Reports.xiamen("wall-1"), 200).get("incidentId").asString();
		String sourceId = hub.postJson("/api/video/sources", officer, Map.of("kind", "FLOOD_CAMERA", "name",
				"Hubin Road underpass", "cityCode", "350200", "latitude", 24.45, "longitude", 118.08, "streamUrl",
				"https://cams.xm.example/hubin/live.m3u8"), 201).get("id").asString();

		go("#/video");
		browser.waitFor("video-wall");
		browser.waitFor("video-none");

		JsonNode dispatch = hub.postJson("/api/video/dispatches", officer, Map.of("sourceId", sourceId, "incidentId",
				incidentId, "targets", Map.of("officers", List.of(USER)), "note", "Watch the underpass"), 201);
		String tile = "[data-testid=video-tile][data-dispatch-id='" + dispatch.get("id").asString() + "']";
		awaitCss(tile);
		assertThat(awaitCss(tile + " [data-testid=video-tile-name]").getText()).isEqualTo("Hubin Road underpass");
		awaitCss(tile + " [data-testid=video-play]").click();
		assertThat(awaitCss(tile + " [data-testid=video-link]").getDomAttribute("href")).startsWith("/api/video/play/");

		JsonNode session = hub.postJson("/api/video/consultations", officer, Map.of("incidentId", incidentId, "title",
				"Hubin Road flooding", "cities", List.of("350200"), "officers", List.of(USER)), 201);
		String card = "[data-testid=video-session][data-session-id='" + session.get("id").asString() + "']";
		awaitCss(card);
		try (HubClient xiamen = hub.city("350200")) {
			xiamen.request("consultations.join", Map.of("sessionId", session.get("id").asString())).block(Duration.ofSeconds(10));
			browser.await(Browser.TIMEOUT, "Xiamen present")
				.until(d -> awaitCss(card + " [data-testid=video-session-present]").getText().contains("city:350200"));
			awaitCss(card + " [data-testid=video-session-join]").click();
			browser.await(Browser.TIMEOUT, "the officer present")
				.until(d -> awaitCss(card + " [data-testid=video-session-present]").getText().contains("officer:" + USER));
			browser.screenshot("video-wall");
		}

		hub.postJson("/api/video/dispatches/" + dispatch.get("id").asString() + "/withdraw", officer, Map.of(), 200);
		awaitGone(tile);

		go("#/audit");
		awaitCss("[data-testid=audit-intact][data-intact=true]");
		awaitCss("[data-testid=audit-row][data-action='officer.sign-in']");
		int rows = browser.driver().findElements(By.cssSelector("[data-testid=audit-row]")).size();
		int records = hub.getJson("/api/admin/audit/verification", hub.adminToken()).get("records").asInt();
		assertThat(rows).isPositive().isLessThanOrEqualTo(records);
		browser.screenshot("audit");
	}

}
