package cn.fj.emergency.command.console;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real Chromium: officer A composes a yellow warning for Siming (zh-CN and en), previews the hub's CAP document
 * and submits it; A is offered no approval and the hub refuses A's approval; officer B signs in, approves and
 * publishes it; the warning is in the public Atom feed; and the webhook delivery shows as acknowledged in the
 * warning's delivery table, live.
 */
class WarningComposeApproveTest {

	static Hub hub;

	static Browser browser;

	static HttpServer webhook;

	static final AtomicInteger hooks = new AtomicInteger();

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
		String admin = hub.adminToken();
		Browser.createOfficer(hub, "officer.a", "officer-password", null, "DUTY_OFFICER");
		Browser.createOfficer(hub, "officer.b", "officer-password", null, "DUTY_OFFICER");
		hub.postJson("/api/admin/channels/subscriptions", admin,
				Map.of("channel", "WEBHOOK", "name", "Siming broadcast", "address",
						"http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook", "secret",
						"a-shared-secret-of-the-webhook", "areas", List.of("350203")),
				201);
		browser = Browser.start(WarningComposeApproveTest.class);
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

	@Test
	void composedByOneApprovedByAnotherPublishedAndDelivered() throws Exception {
		// officer A composes in the browser, in zh-CN and en, for Siming district of Xiamen
		browser.open(hub, "/console/");
		browser.script("localStorage.setItem('hub.console.lang', 'en')");
		browser.open(hub, "/console/#/warnings");
		browser.signIn("officer.a", "officer-password");
		browser.waitForLive();
		OpsSteps.click(browser, "warnings-new");
		browser.waitFor("warnings-compose");
		new Select(browser.find("warnings-compose-status")).selectByValue("Actual");
		new Select(browser.find("warnings-compose-colour")).selectByValue("yellow");
		OpsSteps.type(browser, "warnings-compose-zh-CN-event", "暴雨");
		OpsSteps.type(browser, "warnings-compose-zh-CN-headline", "思明区暴雨黄色预警");
		OpsSteps.type(browser, "warnings-compose-zh-CN-description", "未来6小时思明区有暴雨");
		OpsSteps.type(browser, "warnings-compose-zh-CN-instruction", "注意防范城市内涝");
		OpsSteps.type(browser, "warnings-compose-en-event", "Rainstorm");
		OpsSteps.type(browser, "warnings-compose-en-headline", "Siming rainstorm yellow warning");
		OpsSteps.type(browser, "warnings-compose-en-description", "Heavy rain in Siming within 6 hours");
		OpsSteps.type(browser, "warnings-compose-en-instruction", "Beware of urban flooding");
		new Select(browser.find("warnings-area-city")).selectByValue("350200");
		new Select(browser.find("warnings-area-county")).selectByValue("350203");
		OpsSteps.click(browser, "warnings-area-add");
		assertThat(browser.find("warnings-area-codes").getText()).contains("350203");
		browser.screenshot("1-compose");

		// the preview is the hub's own CAP document, with both languages
		OpsSteps.click(browser, "warnings-compose-save");
		String cap = browser.waitForText("warnings-preview-cap", "<language>en</language>").getText();
		assertThat(cap).contains("<language>zh-CN</language>", "<headline>Siming rainstorm yellow warning</headline>",
				"<value>350203</value>", "<value>yellow</value>");
		assertThat(browser.find("warnings-preview-summary").getText()).contains("Moderate");
		browser.script("arguments[0].scrollIntoView()", browser.find("warnings-preview"));
		browser.screenshot("2-preview");

		// submitted, A is offered no approval, and the hub refuses A's approval anyway
		OpsSteps.click(browser, "warnings-compose-submit");
		WebElement detail = OpsSteps.waitForAttribute(browser, "warnings-detail", "data-state", "SUBMITTED");
		String identifier = detail.getAttribute("data-identifier");
		assertThat(browser.driver().findElements(By.cssSelector("[data-testid='warnings-approve']"))).isEmpty();
		assertThat(browser.find("warnings-review-refused").isDisplayed()).isTrue();
		String tokenA = hub.signIn("officer.a", "officer-password");
		JsonNode refusal = hub.postJson("/api/warnings/" + identifier + "/approve", tokenA, Map.of(), 403);
		assertThat(refusal.get("code").asString()).isEqualTo("WARNING_SELF_APPROVAL");
		browser.screenshot("3-submitted-author-cannot-approve");

		// officer B signs in, approves with a comment and publishes
		OpsSteps.signOut(browser);
		browser.open(hub, "/console/#/warnings/" + identifier);
		browser.signIn("officer.b", "officer-password");
		browser.waitForLive();
		OpsSteps.waitForAttribute(browser, "warnings-detail", "data-state", "SUBMITTED");
		// a rejection without a comment is the hub's to refuse, and its code is shown
		OpsSteps.click(browser, "warnings-reject");
		browser.waitUntil(() -> browser.findAll("toast").stream()
			.anyMatch(t -> "WARNING_COMMENT_REQUIRED".equals(t.getDomAttribute("data-code"))
					&& t.getText().startsWith("A rejection needs a comment")),
				"the WARNING_COMMENT_REQUIRED toast, in the officer's words");
		assertThat(browser.find("warnings-detail").getAttribute("data-state")).isEqualTo("SUBMITTED");
		OpsSteps.type(browser, "warnings-review-comment", "核对无误 checked");
		OpsSteps.click(browser, "warnings-approve");
		OpsSteps.waitForAttribute(browser, "warnings-detail", "data-state", "APPROVED");
		String confirmation = OpsSteps.publishConfirmed(browser);
		assertThat(confirmation).contains("Siming", "Webhook", "Siming broadcast");
		OpsSteps.waitForAttribute(browser, "warnings-detail", "data-state", "PUBLISHED");

		// the webhook's delivery reaches ACKNOWLEDGED in the delivery table without reload
		OpsSteps.waitForCss(browser, "[data-testid='warnings-delivery-row'][data-channel='WEBHOOK'][data-state='ACKNOWLEDGED']",
				null, Duration.ofSeconds(20));
		assertThat(hooks.get()).isEqualTo(1);
		assertThat(browser.find("warnings-delivery-summary").getText()).contains("Webhook", "Acknowledged 1");
		browser.screenshot("4-published-delivered");

		// and it is in the public Atom feed
		HttpResponse<String> feed = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.httpPort() + "/api/public/warnings.atom"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(feed.body()).contains(identifier).containsAnyOf("思明区暴雨黄色预警", "Siming rainstorm yellow warning");
		browser.driver().get("http://127.0.0.1:" + hub.httpPort() + "/api/public/warnings.atom");
		browser.screenshot("5-public-feed");
	}


}
