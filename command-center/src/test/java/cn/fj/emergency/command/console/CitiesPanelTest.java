package cn.fj.emergency.command.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import tools.jackson.databind.JsonNode;

/**
 * The cities panel in a real Chromium: a city platform connecting over RSocket shows as connected (and as not
 * connected once it has closed), and an order whose deadline passes unanswered shows as overdue.
 */
class CitiesPanelTest {

	static Hub hub;

	static Browser browser;

	@BeforeAll
	static void start() {
		Map<String, Object> settings = Hub.freshHubSettings();
		settings.put("hub.orders.overdue-check-interval", "500ms");
		hub = Hub.start(settings);
		Browser.createOfficer(hub, "cities.officer", "cities-officer-password", null, "DUTY_OFFICER");
		browser = Browser.start(CitiesPanelTest.class);
		browser.open(hub, "/console/");
		browser.signIn("cities.officer", "cities-officer-password");
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

	static WebElement awaitCss(String css, Duration timeout) {
		return browser.await(timeout, css)
			.until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
	}

	@Test
	@SuppressWarnings("try") // Quanzhou's platform is connected for the try block's length: that is what is shown
	void aConnectedPlatformAndAnOverdueOrder() {
		go("#/cities");
		awaitCss("[data-testid=cities-row][data-city='350500'][data-connected=false]", Duration.ofSeconds(10));
		assertThat(browser.driver().findElements(By.cssSelector("[data-testid=cities-row]"))).hasSize(10);

		try (HubClient quanzhou = hub.city("350500")) {
			// the panel reads presence every 5 s
			awaitCss("[data-testid=cities-row][data-city='350500'][data-connected=true]", Duration.ofSeconds(12));
			assertThat(browser.driver().findElements(By.cssSelector("[data-testid=cities-row][data-connected=true]")))
				.hasSize(1);

			String commander = hub.officerToken(null, "COMMANDER");
			String deadline = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(2).truncatedTo(ChronoUnit.MILLIS).toString();
			JsonNode order = hub.postJson("/api/orders", commander, Map.of("orderRef", "cities-overdue-1", "text",
					"Report the reservoir levels", "targetCities", List.of("350500"), "deadline", deadline), 200);
			String orderId = order.get("id").asString();
			awaitCss("[data-testid=cities-overdue-order][data-order-id='" + orderId
					+ "'] [data-testid=cities-overdue-target][data-city='350500']", Duration.ofSeconds(10));
			browser.screenshot("cities-panel");
		}
		// closed: the hub drops its presence, the panel shows it at its next read
		awaitCss("[data-testid=cities-row][data-city='350500'][data-connected=false]", Duration.ofSeconds(12));
	}

}
