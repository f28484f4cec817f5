package cn.fj.emergency.command.console;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rest of a warning's life in a real Chromium, beyond compose → approve → publish: officer A composes (one county
 * picked by clicking the map, another by code) and submits; commander B rejects with a comment; A sees it, revises
 * and resubmits; B approves; A publishes; A drafts an Update (orange, new text), B approves and publishes it and the
 * original shows UPDATED; A cancels the Update, B approves and publishes the Cancel and the Update shows CANCELLED;
 * the public Atom feed then lists neither. And a webhook delivery that ended FAILED (connection refused) is
 * republished from the screen once the endpoint is up: ACKNOWLEDGED live, one request, the ledger's message id.
 */
class WarningLifecycleInConsoleTest {

	static Hub hub;

	static Browser browser;

	static int hookPort;

	static HttpServer webhook;

	static final List<String> hookMessageIds = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void start() throws IOException {
		// a port with nothing listening: the webhook's attempts are refused until the endpoint comes up
		try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			hookPort = probe.getLocalPort();
		}
		Map<String, Object> settings = new HashMap<>(Hub.freshHubSettings());
		settings.put("hub.channels.worker.poll-interval", "200ms");
		settings.put("hub.channels.retry.max-attempts", "2");
		settings.put("hub.channels.retry.first", "200ms");
		settings.put("hub.channels.retry.cap", "200ms");
		hub = Hub.start(settings);
		Browser.createOfficer(hub, "officer.a", "officer-password", null, "DUTY_OFFICER");
		Browser.createOfficer(hub, "commander.b", "commander-password", null, "COMMANDER");
		// only Ningde's Jiaocheng district: the lifecycle's warnings (Youxi, Siming) get no deliveries; a recipient
		// for exercises, as the republished warning is one
		hub.postJson("/api/admin/channels/subscriptions", hub.adminToken(),
				Map.of("channel", "WEBHOOK", "name", "Jiaocheng broadcast", "address",
						"http://127.0.0.1:" + hookPort + "/hook", "secret", "a-shared-secret-of-the-webhook", "areas",
						List.of("350902"), "exercises", true),
				201);
		browser = Browser.start(WarningLifecycleInConsoleTest.class);
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

	/** Signs out whoever is signed in, opens the path and signs in; records every toast (window.toastLog) from then on. */
	static void as(String username, String password, String path) {
		// (the page may be another one, e.g. the Atom feed, and the console keeps its session across loads)
		browser.open(hub, "/console/");
		browser.waitUntil(() -> !browser.findAll("shell-user").isEmpty() || !browser.findAll("signin-form").isEmpty(),
				"the console or its sign-in");
		if (!browser.findAll("shell-user").isEmpty()) {
			OpsSteps.signOut(browser);
		}
		browser.open(hub, path);
		browser.signIn(username, password);
		browser.waitForLive();
		// (a new hash on the same page is no reload: one observer per page)
		browser.script("window.toastLog = []; if (!window.toastObserver) { window.toastObserver = new MutationObserver(ms =>"
				+ " ms.forEach(m => m.addedNodes.forEach(n => {"
				+ " if (n.dataset && n.dataset.testid === 'toast') window.toastLog.push(n.textContent); })));"
				+ " window.toastObserver.observe(document.getElementById('toasts'), {childList: true}); }");
	}

	@SuppressWarnings("unchecked")
	static List<String> toasts() {
		return (List<String>) browser.script("return window.toastLog.slice();");
	}

	static long toastsStartingWith(String prefix) {
		return toasts().stream().filter(t -> t.startsWith(prefix)).count();
	}

	static void waitForToast(String prefix) {
		browser.waitUntil(() -> toastsStartingWith(prefix) > 0, "a toast " + prefix);
	}

	static WebElement detailIn(String state) {
		return OpsSteps.waitForAttribute(browser, "warnings-detail", "data-state", state);
	}

	/** Waits until the detail's summary shows all the texts (it is re-rendered on every event of the warning). */
	static void waitForSummary(String... texts) {
		browser.waitUntil(() -> {
			String summary = browser.find("warnings-summary").getText();
			return java.util.Arrays.stream(texts).allMatch(summary::contains);
		}, "the summary showing " + String.join(", ", texts));
	}

	/** Clicks the element; when the screen re-rendered it in between (an event), clicks its successor. */
	static void click(String testid) {
		browser.waitUntil(() -> {
			browser.waitFor(testid).click();
			return true;
		}, "a click on " + testid);
	}

	static void openRow(String identifier) {
		String row = "[data-testid='warnings-row'][data-identifier='" + identifier + "']";
		browser.waitUntil(() -> {
			browser.driver().findElement(By.cssSelector(row)).click();
			return true;
		}, "a click on the row of " + identifier);
		OpsSteps.waitForAttribute(browser, "warnings-detail", "data-identifier", identifier);
	}

	static String feed() throws Exception {
		HttpResponse<String> feed = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.httpPort() + "/api/public/warnings.atom"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(feed.statusCode()).isEqualTo(200);
		return feed.body();
	}

	static void fillTexts(String zhHeadline, String enHeadline) {
		OpsSteps.type(browser, "warnings-compose-zh-CN-event", "暴雨");
		OpsSteps.type(browser, "warnings-compose-zh-CN-headline", zhHeadline);
		OpsSteps.type(browser, "warnings-compose-zh-CN-description", "未来6小时有暴雨");
		OpsSteps.type(browser, "warnings-compose-en-event", "Rainstorm");
		OpsSteps.type(browser, "warnings-compose-en-headline", enHeadline);
		OpsSteps.type(browser, "warnings-compose-en-description", "Heavy rain within 6 hours");
	}

	@Test
	void rejectedRevisedPublishedUpdatedAndCancelled() throws Exception {
		// officer A composes: Youxi by a click on the map, Siming by code
		as("officer.a", "officer-password", "/console/#/warnings");
		click("warnings-new");
		browser.waitFor("warnings-compose");
		new Select(browser.find("warnings-compose-colour")).selectByValue("yellow");
		fillTexts("暴雨黄色预警", "Rainstorm yellow warning");
		WebElement mapBox = browser.waitFor("warnings-map");
		browser.waitUntil(() -> "true".equals(mapBox.getDomAttribute("data-map-ready")), Duration.ofSeconds(20), "the map");
		browser.script("arguments[0].scrollIntoView({block: 'center'})", mapBox);
		@SuppressWarnings("unchecked")
		List<Number> xy = (List<Number>) browser.script("return arguments[0].hubMap.pixelOf(26.17, 118.19);", mapBox);
		WebElement canvas = mapBox.findElement(By.tagName("canvas"));
		int x = (int) Math.round(xy.get(0).doubleValue() - canvas.getSize().getWidth() / 2.0);
		int y = (int) Math.round(xy.get(1).doubleValue() - canvas.getSize().getHeight() / 2.0);
		new Actions(browser.driver()).moveToElement(canvas, x, y).click().perform();
		OpsSteps.waitForCss(browser, "[data-testid='warnings-area-code'][data-code='350426']", null, Browser.TIMEOUT);
		new Select(browser.find("warnings-area-city")).selectByValue("350200");
		new Select(browser.find("warnings-area-county")).selectByValue("350203");
		click("warnings-area-add");
		assertThat(browser.findAll("warnings-area-code")).extracting(e -> e.getAttribute("data-code"))
			.containsExactly("350426", "350203");
		browser.screenshot("01-compose-map-pick");

		// saved once, then submitted unchanged: one "Draft saved", not two
		click("warnings-compose-save");
		browser.waitForText("warnings-preview-cap", "<value>350426</value>");
		click("warnings-compose-submit");
		String original = detailIn("SUBMITTED").getAttribute("data-identifier");
		waitForToast("Submitted");
		assertThat(toastsStartingWith("Draft saved")).as("toasts %s", toasts()).isEqualTo(1);
		JsonNode submitted = hub.getJson("/api/warnings/" + original, hub.dutyOfficerToken());
		assertThat(submitted.get("countyCodes").toString()).contains("350426", "350203");
		browser.screenshot("02-submitted");

		// commander B rejects with a comment
		as("commander.b", "commander-password", "/console/#/warnings/" + original);
		detailIn("SUBMITTED");
		OpsSteps.type(browser, "warnings-review-comment", "Add the instruction 请补充防御指引");
		click("warnings-reject");
		detailIn("REJECTED");
		browser.screenshot("03-rejected-by-b");

		// A sees the rejection and its comment, revises (the comment in sight), resubmits: one save
		as("officer.a", "officer-password", "/console/#/warnings/" + original);
		detailIn("REJECTED");
		browser.waitUntil(() -> {
			String reviews = browser.find("warnings-reviews").getText();
			return reviews.contains("commander.b") && reviews.contains("rejected") && reviews.contains("Add the instruction 请补充防御指引");
		}, "the rejection and its comment in the reviews");
		browser.screenshot("04-a-sees-rejection");
		click("warnings-edit");
		assertThat(browser.waitFor("warnings-compose-rejection").getText()).contains("Add the instruction 请补充防御指引");
		assertThat(browser.find("warnings-compose-en-headline").getAttribute("value")).isEqualTo("Rainstorm yellow warning");
		assertThat(browser.findAll("warnings-area-code")).extracting(e -> e.getAttribute("data-code"))
			.containsExactlyInAnyOrder("350426", "350203");
		OpsSteps.type(browser, "warnings-compose-zh-CN-instruction", "注意防范城市内涝");
		OpsSteps.type(browser, "warnings-compose-en-instruction", "Beware of urban flooding");
		browser.screenshot("05-revise");
		click("warnings-compose-submit");
		OpsSteps.waitForAttribute(browser, "warnings-detail", "data-identifier", original);
		detailIn("SUBMITTED");
		waitForToast("Submitted");
		assertThat(toastsStartingWith("Draft saved")).as("toasts %s", toasts()).isEqualTo(1);
		browser.waitForText("warnings-cap", "<instruction>Beware of urban flooding</instruction>");

		// B approves, A publishes: in the public feed
		as("commander.b", "commander-password", "/console/#/warnings/" + original);
		detailIn("SUBMITTED");
		click("warnings-approve");
		detailIn("APPROVED");
		as("officer.a", "officer-password", "/console/#/warnings/" + original);
		OpsSteps.publishConfirmed(browser);
		detailIn("PUBLISHED");
		browser.screenshot("06-published");
		assertThat(feed()).contains(original);

		// A drafts an Update: orange, new text; it is a new warning with msgType Update
		click("warnings-update");
		browser.waitFor("warnings-compose");
		new Select(browser.find("warnings-compose-colour")).selectByValue("orange");
		fillTexts("暴雨橙色预警", "Rainstorm orange warning");
		browser.screenshot("07-update-compose");
		click("warnings-compose-submit");
		WebElement updateDetail = detailIn("SUBMITTED");
		String update = updateDetail.getAttribute("data-identifier");
		assertThat(update).isNotEqualTo(original);
		waitForSummary("Update", original, "Orange");
		assertThat(toastsStartingWith("Draft saved")).as("toasts %s", toasts()).isEqualTo(1);
		browser.screenshot("08-update-submitted");

		// commander B approves and publishes it: the original shows UPDATED, ended by the update
		as("commander.b", "commander-password", "/console/#/warnings/" + update);
		detailIn("SUBMITTED");
		click("warnings-approve");
		detailIn("APPROVED");
		OpsSteps.publishConfirmed(browser);
		detailIn("PUBLISHED");
		OpsSteps.waitForCss(browser, "[data-testid='warnings-row'][data-identifier='" + original + "'][data-state='UPDATED']",
				null, Browser.TIMEOUT);
		openRow(original);
		detailIn("UPDATED");
		waitForSummary("Ended by", update);
		browser.screenshot("09-original-updated");
		// the chain is navigable: ended by → the update, which replaces the original
		click("warnings-detail-ended-by");
		OpsSteps.waitForAttribute(browser, "warnings-detail", "data-identifier", update);
		assertThat(browser.waitFor("warnings-detail-replaces").getAttribute("data-identifier")).isEqualTo(original);
		String between = feed();
		assertThat(between).contains(update).doesNotContain(original);

		// A cancels the update (a Cancel draft), B approves and publishes it: the update shows CANCELLED
		as("officer.a", "officer-password", "/console/#/warnings/" + update);
		detailIn("PUBLISHED");
		click("warnings-cancel");
		new WebDriverWait(browser.driver(), Browser.TIMEOUT).until(ExpectedConditions.alertIsPresent()).accept();
		browser.waitUntil(() -> {
			WebElement d = browser.find("warnings-detail");
			return !update.equals(d.getAttribute("data-identifier")) && "DRAFT".equals(d.getAttribute("data-state"));
		}, "the Cancel draft");
		String cancel = browser.find("warnings-detail").getAttribute("data-identifier");
		waitForSummary("Cancel", update);
		browser.screenshot("10-cancel-draft");
		click("warnings-submit");
		detailIn("SUBMITTED");
		as("commander.b", "commander-password", "/console/#/warnings/" + cancel);
		detailIn("SUBMITTED");
		click("warnings-approve");
		detailIn("APPROVED");
		OpsSteps.publishConfirmed(browser);
		detailIn("PUBLISHED");
		OpsSteps.waitForCss(browser, "[data-testid='warnings-row'][data-identifier='" + update + "'][data-state='CANCELLED']",
				null, Browser.TIMEOUT);
		openRow(update);
		detailIn("CANCELLED");
		waitForSummary("Ended by", cancel);
		browser.screenshot("11-update-cancelled");

		// the public feed lists neither
		String end = feed();
		assertThat(end).doesNotContain(original).doesNotContain(update).doesNotContain(cancel);
		browser.driver().get("http://127.0.0.1:" + hub.httpPort() + "/api/public/warnings.atom");
		browser.screenshot("12-public-feed-empty");
	}

	@Test
	void aFailedWebhookDeliveryIsRepublishedFromTheScreen() throws Exception {
		// a yellow warning for Jiaocheng, composed and published over HTTP; its webhook is refused twice: FAILED
		String a = hub.signIn("officer.a", "officer-password");
		String b = hub.signIn("commander.b", "commander-password");
		Map<String, Object> content = Map.of("status", "Exercise", "colour", "yellow", "expires",
				OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(6).withNano(0).toString(), "texts",
				List.of(Map.of("language", "zh-CN", "event", "大风", "headline", "蕉城区大风黄色预警", "description", "有大风"),
						Map.of("language", "en", "event", "Gale", "headline", "Jiaocheng gale yellow warning",
								"description", "Gales")),
				"areas", List.of(Map.of("description", "宁德市蕉城区 Jiaocheng", "codes", List.of("350902"))));
		String id = hub.postJson("/api/warnings", a, content, 201).get("identifier").asString();
		hub.postJson("/api/warnings/" + id + "/submit", a, Map.of(), 200);
		hub.postJson("/api/warnings/" + id + "/approve", b, Map.of(), 200);
		hub.postJson("/api/warnings/" + id + "/publish", a, Map.of(), 200);

		as("officer.a", "officer-password", "/console/#/warnings/" + id);
		detailIn("PUBLISHED");
		String failedRow = "[data-testid='warnings-delivery-row'][data-channel='WEBHOOK'][data-state='FAILED']";
		OpsSteps.waitForCss(browser, failedRow, null, Duration.ofSeconds(20));
		browser.waitUntil(() -> {
			String text = browser.driver().findElement(By.cssSelector(failedRow)).getText();
			// in the officer's words; the sender's technical text stays as the cell's tooltip
			WebElement error = browser.driver().findElement(By.cssSelector(failedRow + " [data-testid='warnings-delivery-error']"));
			return text.contains("refused the connection") && text.contains(" 2 ")
					&& error.getDomAttribute("data-error").contains("Connect") && text.contains("Jiaocheng broadcast");
		}, "the FAILED row with its 2 attempts, the refused connection and the subscription's name");
		String messageId = browser.driver().findElement(By.cssSelector(failedRow)).getAttribute("data-message-id");
		assertThat(messageId).isNotBlank();
		browser.screenshot("21-delivery-failed");

		// the endpoint comes up; the officer republishes; the row turns ACKNOWLEDGED without reload
		webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", hookPort), 0);
		webhook.createContext("/hook", exchange -> {
			exchange.getRequestBody().readAllBytes();
			hookMessageIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Message-Id")));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		webhook.start();
		browser.script("window.marker = 'no reload';");
		click("warnings-republish");
		waitForToast("1 reset");
		OpsSteps.waitForCss(browser,
				"[data-testid='warnings-delivery-row'][data-channel='WEBHOOK'][data-state='ACKNOWLEDGED']", null,
				Duration.ofSeconds(15));
		browser.waitUntil(() -> messageId.equals(browser.driver()
			.findElement(By.cssSelector("[data-testid='warnings-delivery-row'][data-channel='WEBHOOK']"))
			.getAttribute("data-message-id")), "the same message id after the republish");
		assertThat(browser.script("return window.marker;")).isEqualTo("no reload");
		assertThat(browser.findAll("warnings-republish")).isEmpty();
		browser.screenshot("22-republished-acknowledged");
		Thread.sleep(1000); // nothing more is sent
		assertThat(hookMessageIds).containsExactly(messageId);
	}

}
