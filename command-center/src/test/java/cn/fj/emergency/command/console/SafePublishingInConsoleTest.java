package cn.fj.emergency.command.console;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.WarningContents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Safe publishing in a real Chromium on a real hub (issue 18.5, docs/web-console.md#warnings-screen): publishing asks
 * for confirmation showing the areas, the channels with their receiver estimates and, in a warning block, the county
 * no subscription covers; Escape cancels and nothing is published; confirmed, it is published and its deliveries are
 * named by subscription. A warning no subscription covers says so and asks to "publish anyway". A draft typed and
 * not saved comes back after a reload and after signing in again, and goes once saved on the hub.
 */
class SafePublishingInConsoleTest {

	static Hub hub;

	static Browser browser;

	static HttpServer webhook;

	static final AtomicInteger hooks = new AtomicInteger();

	static final String DRAFT_KEY = "hub.console.warningDraft.officer.a";

	@BeforeAll
	static void start() throws IOException {
		webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		webhook.createContext("/hook", exchange -> {
			exchange.getRequestBody().readAllBytes();
			hooks.incrementAndGet();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		webhook.start();
		Map<String, Object> settings = new HashMap<>(Hub.freshHubSettings());
		settings.put("hub.channels.worker.poll-interval", "200ms");
		hub = Hub.start(settings);
		Browser.createOfficer(hub, "officer.a", "officer-password", null, "DUTY_OFFICER");
		Browser.createOfficer(hub, "officer.b", "officer-password", null, "DUTY_OFFICER");
		// Siming's broadcaster, declaring its audience; nobody subscribes Youxi (Sanming)
		hub.postJson("/api/admin/channels/subscriptions", hub.adminToken(),
				Map.of("channel", "WEBHOOK", "name", "Siming broadcast", "address",
						"http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook", "secret",
						"a-shared-secret-of-the-webhook", "areas", List.of("350203"), "receivers", 120000),
				201);
		browser = Browser.start(SafePublishingInConsoleTest.class);
		browser.open(hub, "/console/");
		browser.script("localStorage.setItem('hub.console.lang', 'en')");
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.close();
		}
		if (hub != null) {
			hub.close();
		}
		if (webhook != null) {
			webhook.stop(0);
		}
	}

	static void signInAt(String path) {
		browser.open(hub, "/console/");
		browser.waitUntil(() -> !browser.findAll("shell-user").isEmpty() || !browser.findAll("signin-form").isEmpty(),
				"the console or its sign-in");
		if (!browser.findAll("shell-user").isEmpty()) {
			OpsSteps.signOut(browser);
		}
		browser.open(hub, path);
		browser.signIn("officer.a", "officer-password");
		browser.waitForLive();
	}

	/** An Actual yellow warning for the counties, composed by A and approved by B over HTTP. */
	static String approved(List<String> counties) {
		String a = hub.signIn("officer.a", "officer-password");
		String b = hub.signIn("officer.b", "officer-password");
		String id = hub.postJson("/api/warnings", a, WarningContents.actual("yellow", counties), 201)
			.get("identifier").asString();
		hub.postJson("/api/warnings/" + id + "/submit", a, Map.of(), 200);
		hub.postJson("/api/warnings/" + id + "/approve", b, Map.of(), 200);
		return id;
	}

	static WebElement readyConfirmation() {
		browser.waitUntil(() -> {
			browser.waitFor("warnings-publish").click();
			return true;
		}, "a click on warnings-publish");
		return OpsSteps.waitForAttribute(browser, "warnings-confirm", "data-ready", "true");
	}

	@Test
	void publishingAsksForConfirmationWithChannelsEstimatesAndTheUncoveredArea() {
		String id = approved(List.of("350203", "350426"));
		signInAt("/console/#/warnings/" + id);
		OpsSteps.waitForAttribute(browser, "warnings-detail", "data-state", "APPROVED");

		// the confirmation: areas by name, the channel with its estimate, the county nobody covers in a warning block
		WebElement dialog = readyConfirmation();
		assertThat(browser.find("warnings-confirm-areas").getText()).contains("Siming", "Youxi");
		assertThat(browser.find("warnings-confirm-audience").getDomAttribute("data-audience")).isEqualTo("REAL");
		WebElement hook = dialog.findElement(By.cssSelector("[data-testid='warnings-confirm-channel'][data-channel='WEBHOOK']"));
		assertThat(hook.getDomAttribute("data-receivers")).isEqualTo("120000");
		assertThat(hook.getText()).contains("Webhook", "about 120,000", "Siming broadcast");
		assertThat(dialog.findElements(By.cssSelector("[data-testid='warnings-confirm-channel'][data-channel='ATOM']"))).hasSize(1);
		WebElement uncovered = browser.find("warnings-confirm-uncovered");
		assertThat(uncovered.getDomAttribute("data-codes")).isEqualTo("350426");
		assertThat(uncovered.getText()).contains("Youxi").doesNotContain("Siming");
		assertThat(browser.find("warnings-confirm-publish").getText()).isEqualTo("Publish");
		// keyboard: the focus starts on Cancel (the safe answer), Escape cancels, nothing is published
		assertThat(browser.script("return document.activeElement.dataset.testid;")).isEqualTo("warnings-confirm-cancel");
		browser.screenshot("1-confirm-uncovered-area");
		new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
		browser.waitUntil(() -> browser.findAll("warnings-confirm").isEmpty(), "the confirmation closed by Escape");
		assertThat(hub.getJson("/api/warnings/" + id, hub.signIn("officer.a", "officer-password")).get("state").asString())
			.isEqualTo("APPROVED");
		assertThat(browser.find("warnings-detail").getDomAttribute("data-state")).isEqualTo("APPROVED");

		// confirmed: published, delivered, the delivery named by its subscription
		readyConfirmation();
		browser.find("warnings-confirm-publish").click();
		OpsSteps.waitForAttribute(browser, "warnings-detail", "data-state", "PUBLISHED");
		WebElement row = OpsSteps.waitForCss(browser,
				"[data-testid='warnings-delivery-row'][data-channel='WEBHOOK'][data-state='ACKNOWLEDGED']", null,
				Duration.ofSeconds(20));
		assertThat(row.findElement(By.cssSelector("[data-testid='warnings-delivery-recipient']")).getText())
			.isEqualTo("Siming broadcast");
		assertThat(row.getText()).contains("Acknowledged").doesNotContain("ACKNOWLEDGED");
		assertThat(hooks.get()).isEqualTo(1);
		browser.screenshot("2-published-deliveries-by-name");
	}

	@Test
	void aWarningNoSubscriptionCoversSaysSoBeforeItGoesOut() {
		String id = approved(List.of("350426"));
		signInAt("/console/#/warnings/" + id);
		OpsSteps.waitForAttribute(browser, "warnings-detail", "data-state", "APPROVED");
		WebElement dialog = readyConfirmation();
		WebElement uncovered = browser.find("warnings-confirm-uncovered");
		assertThat(uncovered.getDomAttribute("data-nothing")).isEqualTo("true");
		assertThat(uncovered.getText()).contains("no subscription covers any area");
		assertThat(dialog.findElements(By.cssSelector("[data-testid='warnings-confirm-channel'][data-channel='WEBHOOK']"))).isEmpty();
		assertThat(browser.find("warnings-confirm-publish").getText()).isEqualTo("Publish anyway");
		browser.screenshot("3-confirm-nothing-covered");
		// Tab from Cancel reaches Publish anyway; Cancel by keyboard (Enter on the focused Cancel)
		new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
		browser.waitUntil(() -> browser.findAll("warnings-confirm").isEmpty(), "the confirmation cancelled");
		assertThat(browser.find("warnings-detail").getDomAttribute("data-state")).isEqualTo("APPROVED");
	}

	@Test
	void aDraftTypedThenReloadedOrSignedInAgainIsRestoredUntilSavedOnTheHub() {
		browser.open(hub, "/console/");
		browser.script("localStorage.removeItem(arguments[0])", DRAFT_KEY);
		signInAt("/console/#/warnings");
		OpsSteps.click(browser, "warnings-new");
		browser.waitFor("warnings-compose");
		new Select(browser.find("warnings-compose-colour")).selectByValue("orange");
		OpsSteps.type(browser, "warnings-compose-zh-CN-headline", "思明区台风橙色预警");
		OpsSteps.type(browser, "warnings-compose-en-headline", "Siming typhoon orange warning");
		OpsSteps.type(browser, "warnings-compose-en-description", "Typhoon landfall expected tonight");
		OpsSteps.type(browser, "warnings-compose-zh-CN-event", "台风");
		OpsSteps.type(browser, "warnings-compose-zh-CN-description", "今夜台风登陆");
		OpsSteps.type(browser, "warnings-compose-en-event", "Typhoon");
		new Select(browser.find("warnings-area-city")).selectByValue("350200");
		new Select(browser.find("warnings-area-county")).selectByValue("350203");
		OpsSteps.click(browser, "warnings-area-add");
		browser.waitUntil(() -> {
			Object stored = browser.script("return localStorage.getItem(arguments[0])", DRAFT_KEY);
			return stored != null && stored.toString().contains("Typhoon landfall expected tonight")
					&& stored.toString().contains("350203");
		}, "the draft autosaved");
		assertThat(browser.find("warnings-draft-autosaved").getText()).startsWith("Autosaved on this computer");

		// a reload: the compose form comes back with what was typed
		browser.driver().navigate().refresh();
		browser.waitForLive();
		browser.waitFor("warnings-draft-restored");
		assertRestored();
		browser.screenshot("4-draft-restored-after-reload");

		// signed out and in again: still there
		OpsSteps.signOut(browser);
		browser.signIn("officer.a", "officer-password");
		browser.waitForLive();
		browser.waitFor("warnings-draft-restored");
		assertRestored();

		// saved on the hub: the local copy goes, and a reload opens no restored form
		OpsSteps.click(browser, "warnings-compose-save");
		browser.waitForText("warnings-preview-cap", "Siming typhoon orange warning");
		browser.waitUntil(() -> browser.script("return localStorage.getItem(arguments[0])", DRAFT_KEY) == null,
				"the local copy removed once saved on the hub");
		browser.driver().navigate().refresh();
		browser.waitForLive();
		browser.waitFor("warnings-list");
		assertThat(browser.findAll("warnings-draft-restored")).isEmpty();
		assertThat(browser.findAll("warnings-compose")).isEmpty();
	}

	static void assertRestored() {
		assertThat(browser.find("warnings-compose-en-headline").getDomProperty("value")).isEqualTo("Siming typhoon orange warning");
		assertThat(browser.find("warnings-compose-en-description").getDomProperty("value"))
			.isEqualTo("Typhoon landfall expected tonight");
		assertThat(browser.find("warnings-compose-zh-CN-headline").getDomProperty("value")).isEqualTo("思明区台风橙色预警");
		assertThat(new Select(browser.find("warnings-compose-colour")).getFirstSelectedOption().getDomAttribute("value"))
			.isEqualTo("orange");
		assertThat(browser.findAll("warnings-area-code")).extracting(e -> e.getDomAttribute("data-code")).containsExactly("350203");
	}

}
