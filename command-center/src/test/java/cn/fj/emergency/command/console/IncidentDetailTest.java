package cn.fj.emergency.command.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.Reports;
import cn.fj.emergency.command.support.Supplies;
import tools.jackson.databind.JsonNode;

/**
 * The incident detail in a real Chromium: the timeline, a status change made over HTTP appearing live, one made in
 * the page, an order issued for the incident with a city's acknowledgements, a situation report, and a supply
 * request for the incident with stock reserved for it, all appearing live; and supply requests made before the
 * detail was opened, read by incident when it opens and kept live from then on.
 */
class IncidentDetailTest {

	static Hub hub;

	static Browser browser;

	@BeforeAll
	static void start() {
		hub = Hub.start(Hub.freshHubSettings());
		Browser.createOfficer(hub, "detail.officer", "detail-officer-password", null, "DUTY_OFFICER");
		browser = Browser.start(IncidentDetailTest.class);
		browser.open(hub, "/console/");
		browser.signIn("detail.officer", "detail-officer-password");
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

	@Test
	void timelineStatusOrdersAndAcknowledgementsLive() {
		String cityToken = hub.cityPlatformToken("350200").get("token").asString();
		JsonNode receipt = hub.postJson("/api/incidents", cityToken, Reports.xiamen("detail-1"), 200);
		String id = receipt.get("incidentId").asString();

		// reached from the board's row
		go("#/board");
		// the board re-renders its rows as the page and the live events come in: click the row as it is then
		browser.await(Browser.TIMEOUT, "the board's row clicked").until(d -> {
			awaitCss("[data-testid=board-row][data-incident-id='" + id + "']").click();
			return true;
		});
		browser.waitUntil(() -> browser.driver().getCurrentUrl().endsWith("#/incidents/" + id), "the detail's route");
		awaitCss("[data-testid=incident-timeline-entry][data-type='incident.reported']");
		assertThat(browser.waitFor("incident-status").getDomAttribute("data-status")).isEqualTo("REPORTED");
		assertThat(browser.waitFor("incident-title").getText()).contains("Waterlogging detail-1");

		// a change made elsewhere, over HTTP, appears without reload
		hub.postJson("/api/incidents/" + id + "/status", hub.dutyOfficerToken(), Map.of("status", "VERIFIED"), 200);
		awaitCss("[data-testid=incident-status][data-status=VERIFIED]");
		awaitCss("[data-testid=incident-timeline-entry][data-type='incident.status-changed']");

		// a change made here
		new Select(browser.waitFor("incident-status-select")).selectByValue("RESPONDING");
		browser.waitFor("incident-status-submit").click();
		awaitCss("[data-testid=incident-status][data-status=RESPONDING]");
		assertThat(hub.getJson("/api/incidents/" + id, hub.dutyOfficerToken()).get("status").asString())
			.isEqualTo("RESPONDING");
		assertThat(browser.driver().findElements(By.cssSelector("[data-testid=incident-timeline-entry]"))).hasSize(3);

		// an order for the incident, then the city's acknowledgements
		String commander = hub.officerToken(null, "COMMANDER");
		String deadline = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(2).withNano(0).toString();
		JsonNode order = hub.postJson("/api/orders", commander, Map.of("orderRef", "detail-order-1", "text",
				"Open the shelters on Hubin Road", "incidentId", id, "targetCities", List.of("350200"), "deadline",
				deadline), 200);
		String orderId = order.get("id").asString();
		awaitCss("[data-testid=incident-order][data-order-id='" + orderId + "'] [data-testid=incident-order-target][data-city='350200'][data-state=NONE]");
		hub.postJson("/api/orders/" + orderId + "/acknowledgements", cityToken,
				Map.of("state", "RECEIVED", "ackId", "detail-ack-1"), 200);
		hub.postJson("/api/orders/" + orderId + "/acknowledgements", cityToken,
				Map.of("state", "ACCEPTED", "ackId", "detail-ack-2"), 200);
		awaitCss("[data-testid=incident-order-target][data-city='350200'][data-state=ACCEPTED]");

		// the city's situation report and a supply request for the incident, with stock committed to it
		hub.postJson("/api/incidents/" + id + "/sitreps", cityToken, Map.of("sitrepId", "detail-sr-1", "kind",
				"CASUALTY_AND_ILLNESS_SUMMARY", "reportedAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0).toString(),
				"casualtyAndIllnessSummary", Map.of("dead", 0, "injured", 2, "missing", 0, "ill", 0, "trapped", 1, "rescued",
						1, "evacuated", 40, "sheltered", 30)), 200);
		awaitCss("[data-testid=incident-sitrep][data-kind=CASUALTY_AND_ILLNESS_SUMMARY]");
		String officer = hub.dutyOfficerToken();
		hub.postJson("/api/supplies/movements", officer, Supplies.movement("detail-m-1", "350000-01", "TENT-12", "RECEIPT", 50), 200);
		JsonNode request = hub.postJson("/api/supplies/requests", cityToken, Map.of("requestId", "detail-req-1", "incidentId", id,
				"lines", List.of(Map.of("itemCode", "TENT-12", "quantity", 20))), 200);
		String requestId = request.get("request").get("id").asString();
		awaitCss("[data-testid=incident-supply-request][data-request-id='" + requestId + "']");
		hub.postJson("/api/supplies/requests/" + requestId + "/commitments", officer, Map.of("commitId", "detail-c-1", "lines",
				List.of(Map.of("lineNo", 1, "depotCode", "350000-01", "quantity", 20))), 200);
		awaitCss("[data-testid=incident-supply-request] [data-testid=incident-commitment][data-status=RESERVED]");
		browser.screenshot("incident-detail");
	}

	@Test
	void supplyRequestsMadeBeforeTheDetailOpensAreShownAndKeptLive() {
		String cityToken = hub.cityPlatformToken("350200").get("token").asString();
		String officer = hub.dutyOfficerToken();
		String id = hub.postJson("/api/incidents", cityToken, Reports.xiamen("detail-before-1"), 200).get("incidentId").asString();
		String otherIncident = hub.postJson("/api/incidents", cityToken, Reports.xiamen("detail-before-2"), 200)
			.get("incidentId")
			.asString();
		hub.postJson("/api/supplies/movements", officer, Supplies.movement("detail-m-2", "350200-01", "WATER-5L", "RECEIPT", 300), 200);
		// before the detail is opened: a request for the incident with stock committed to it, one for another incident
		String requestId = hub.postJson("/api/supplies/requests", cityToken, Map.of("requestId", "detail-before-req-1",
				"incidentId", id, "lines", List.of(Map.of("itemCode", "WATER-5L", "quantity", 250))), 200)
			.get("request").get("id").asString();
		JsonNode committed = hub.postJson("/api/supplies/requests/" + requestId + "/commitments", officer, Map.of("commitId",
				"detail-before-c-1", "lines", List.of(Map.of("lineNo", 1, "depotCode", "350200-01", "quantity", 200))), 200);
		String commitmentId = committed.get("commitments").get(0).get("id").asString();
		String otherRequestId = hub.postJson("/api/supplies/requests", cityToken, Map.of("requestId", "detail-before-req-2",
				"incidentId", otherIncident, "lines", List.of(Map.of("itemCode", "WATER-5L", "quantity", 5))), 200)
			.get("request").get("id").asString();

		go("#/incidents/" + id);
		String shown = "[data-testid=incident-supply-request][data-request-id='" + requestId + "']";
		awaitCss(shown + " [data-testid=incident-commitment][data-status=RESERVED][data-depot='350200-01']");
		assertThat(awaitCss(shown + " [data-testid=incident-supply-need][data-line='1']").getDomAttribute("data-remaining"))
			.isEqualTo("50");
		assertThat(browser.driver().findElements(By.cssSelector("[data-testid=incident-supply-request]"))).hasSize(1);
		assertThat(browser.driver().findElements(By.cssSelector("[data-request-id='" + otherRequestId + "']"))).isEmpty();

		// and it stays live: a step of its commitment and a further commitment appear without reload
		hub.postJson("/api/supplies/commitments/" + commitmentId + "/requisition", officer, Map.of(), 200);
		awaitCss(shown + " [data-testid=incident-commitment][data-status=SHIPMENT_REQUESTED]");
		hub.postJson("/api/supplies/requests/" + requestId + "/commitments", officer, Map.of("commitId", "detail-before-c-2",
				"lines", List.of(Map.of("lineNo", 1, "depotCode", "350200-01", "quantity", 50))), 200);
		awaitCss(shown + "[data-met=true] [data-testid=incident-supply-need][data-remaining='0']");
		assertThat(browser.driver().findElements(By.cssSelector(shown + " [data-testid=incident-commitment]"))).hasSize(2);
		browser.script("arguments[0].scrollIntoView();", browser.waitFor("incident-supplies"));
		browser.screenshot("incident-detail-supplies-before-opening");
	}

}
