package cn.fj.emergency.command.console;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Supplies;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real Chromium, the supplies view of Xiamen's depot follows stock movements made outside the browser (by the
 * city platform over HTTP and over the city link), a threshold crossing, and a request committed and requisitioned
 * in the browser, without reload.
 */
class SuppliesLiveTest {

	static final String DEPOT = "350200-01";

	static final String ITEM = "TENT-12";

	static Hub hub;

	static Browser browser;

	static String cityToken;

	static String officerToken;

	@BeforeAll
	static void start() {
		hub = Hub.start(Hub.freshHubSettings());
		Browser.createOfficer(hub, "supplies.officer", "officer-password", null, "DUTY_OFFICER");
		officerToken = hub.signIn("supplies.officer", "officer-password");
		cityToken = hub.cityPlatformToken("350200").get("token").asString();
		browser = Browser.start(SuppliesLiveTest.class);
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

	@Test
	void stockMovementsFromOutsideShowLive() {
		browser.open(hub, "/console/");
		browser.script("localStorage.setItem('hub.console.lang', 'en')");
		browser.open(hub, "/console/#/supplies/" + DEPOT);
		browser.signIn("supplies.officer", "officer-password");
		browser.waitForLive();
		OpsSteps.waitForAttribute(browser, "supplies-stock-title", "data-depot-code", DEPOT);
		browser.waitFor("supplies-stock-empty");
		String row = "[data-testid='supplies-stock-row'][data-item-code='" + ITEM + "']";

		// a receipt reported by Xiamen's platform over HTTP appears without reload
		Supplies.post(hub, "/api/supplies/movements", cityToken, Supplies.movement("xm-live-1", DEPOT, ITEM, "RECEIPT", 120));
		OpsSteps.waitForCss(browser, row + " [data-testid='supplies-stock-onhand']", "120", Duration.ofSeconds(5));
		browser.screenshot("1-receipt-over-http");

		// an issue reported over the city link (RSocket) too
		try (HubClient xiamen = hub.city("350200")) {
			JsonNode receipt = xiamen.request("stock.movements", Supplies.movement("xm-live-2", DEPOT, ITEM, "ISSUE", 20))
				.block(Duration.ofSeconds(10));
			assertThat(receipt.get("onHand").asLong()).isEqualTo(100);
		}
		OpsSteps.waitForCss(browser, row + " [data-testid='supplies-stock-available']", "100", Duration.ofSeconds(5));
		assertThat(browser.driver().findElement(org.openqa.selenium.By.cssSelector(row + " [data-testid='supplies-stock-onhand']"))
			.getText()).isEqualTo("100");
		assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("[data-testid='supplies-movement-row']")))
			.hasSizeGreaterThanOrEqualTo(2);

		// a threshold above what is available makes the item low, shown live with an alert
		Supplies.send(hub, org.springframework.http.HttpMethod.PUT,
				"/api/supplies/depots/" + DEPOT + "/stock/" + ITEM + "/threshold", officerToken, Map.of("threshold", 150))
			.expectStatus()
			.isOk();
		OpsSteps.waitForCss(browser, row + "[data-low='true']", null, Duration.ofSeconds(5));
		browser.waitFor("supplies-low-alert");
		browser.screenshot("2-issue-over-rsocket-and-low");

		// a request from the city, committed from the depot and requisitioned in the browser
		JsonNode request = Supplies.post(hub, "/api/supplies/requests", cityToken,
				Map.of("requestId", "xm-live-req-1", "lines", List.of(Map.of("itemCode", ITEM, "quantity", 30))));
		String requestId = request.get("request").get("id").asString();
		OpsSteps.type(browser, "supplies-request-lookup", requestId);
		OpsSteps.click(browser, "supplies-request-open");
		OpsSteps.waitForAttribute(browser, "supplies-request", "data-request-id", requestId);
		new Select(browser.find("supplies-commit-depot")).selectByValue(DEPOT);
		OpsSteps.click(browser, "supplies-commit-submit");
		OpsSteps.waitForCss(browser, "[data-testid='supplies-commitment-row'][data-status='RESERVED']", null, Duration.ofSeconds(5));
		OpsSteps.waitForCss(browser, row + " [data-testid='supplies-stock-reserved']", "30", Duration.ofSeconds(5));
		OpsSteps.click(browser, "supplies-step-requisition");
		OpsSteps.waitForCss(browser, "[data-testid='supplies-commitment-row'][data-status='SHIPMENT_REQUESTED']", null,
				Duration.ofSeconds(5));

		// a step taken by someone else (over HTTP) shows live too
		String commitmentId = hub.getJson("/api/supplies/requests/" + requestId, officerToken)
			.get("commitments").get(0).get("id").asString();
		Supplies.post(hub, "/api/supplies/commitments/" + commitmentId + "/ship", officerToken, Map.of());
		OpsSteps.waitForCss(browser, "[data-testid='supplies-commitment-row'][data-status='IN_TRANSIT']", null, Duration.ofSeconds(5));
		browser.screenshot("3-request-committed-and-shipped");
	}

}
