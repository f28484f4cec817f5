package cn.fj.emergency.command.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;
import tools.jackson.databind.JsonNode;

/**
 * The orders screen in a real Chromium against a real hub (issue 18.3): a commander, in Chinese, issues an order to two
 * cities through the compose form (the confirmation shows both targets and the deadline); the tracker shows both
 * targets unacknowledged; Xiamen's platform acknowledges over the city link (RSocket) and each state appears in the
 * tracker, in Chinese, without reload; the list shows the progress; opened from an incident, a reused order ref is
 * refused in words, and an order whose answer is lost is issued again with the same ref, once; an order whose
 * deadline passes unanswered shows overdue in the tracker and the list, and its alarm opens the tracker; a duty
 * officer sees the orders but no compose form.
 */
class OrderTrackerTest {

	static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

	static final Duration WAIT = Duration.ofSeconds(15);

	static final Pattern TRACKER_ROUTE = Pattern.compile(".*#/orders/([0-9a-f-]{36})$");

	/** The hub's acknowledgement states and the list filter's PENDING: none may show as such in zh-CN. */
	static final List<String> ENUM_NAMES = List.of("NONE", "PENDING", "RECEIVED", "ACCEPTED", "COMPLETED", "REJECTED");

	static Hub hub;

	static Browser browser;

	@BeforeAll
	static void start() {
		Map<String, Object> settings = Hub.freshHubSettings();
		settings.put("hub.orders.overdue-check-interval", "500ms");
		hub = Hub.start(settings);
		Browser.createOfficer(hub, "orders.commander", "orders-commander-password", null, "COMMANDER");
		Browser.createOfficer(hub, "orders.officer", "orders-officer-password", null, "DUTY_OFFICER");
		browser = Browser.start(OrderTrackerTest.class);
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

	static void signIn(String lang, String username, String password) {
		browser.open(hub, "/console/");
		browser.script("localStorage.setItem('hub.console.lang', arguments[0])", lang);
		browser.driver().navigate().refresh();
		browser.signIn(username, password);
		browser.waitForLive();
	}

	static void go(String hash) {
		browser.script("location.hash = arguments[0];", hash);
	}

	static WebElement awaitCss(String css) {
		return awaitCss(css, WAIT);
	}

	static WebElement awaitCss(String css, Duration timeout) {
		return browser.await(timeout, css)
			.until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
	}

	static String target(String city) {
		return "[data-testid=orders-target][data-city='" + city + "']";
	}

	static String stateText(String city) {
		return browser.driver().findElement(By.cssSelector(target(city) + " [data-testid=orders-target-state]")).getText();
	}

	static Map<String, Object> ack(String orderId, String state, String ackId) {
		Map<String, Object> ack = new HashMap<>();
		ack.put("orderId", orderId);
		ack.put("state", state);
		ack.put("ackId", ackId);
		return ack;
	}

	/** Waits for the tracker's route after issuing; answers the order id. */
	static String trackerRoute() {
		browser.waitUntil(() -> TRACKER_ROUTE.matcher(browser.driver().getCurrentUrl()).matches(), "the tracker's route");
		var m = TRACKER_ROUTE.matcher(browser.driver().getCurrentUrl());
		assertThat(m.matches()).isTrue();
		return m.group(1);
	}

	/** Opens the banner's list of further alarms if it is closed; answers false (nothing found yet). */
	static boolean expandAlarms() {
		List<WebElement> more = browser.findAll("alarm-more");
		if (!more.isEmpty() && "false".equals(more.get(0).getDomAttribute("aria-expanded"))) {
			more.get(0).click();
		}
		return false;
	}

	static void type(String testid, String text) {
		WebElement input = browser.waitFor(testid);
		input.clear();
		input.sendKeys(text);
	}

	@Test
	void aCommanderIssuesAnOrderAndSeesACitysAcknowledgementArriveLive() {
		signIn("zh-CN", "orders.commander", "orders-commander-password");

		// ---- the compose form, with a suggested ref
		go("#/orders");
		browser.waitFor("orders-list");
		browser.waitFor("orders-new").click();
		browser.waitFor("orders-compose");
		browser.waitUntil(() -> !browser.find("orders-compose-ref").getDomProperty("value").isEmpty(), "a suggested order ref");
		String ref = browser.find("orders-compose-ref").getDomProperty("value");
		String today = LocalDateTime.now(BEIJING).format(DateTimeFormatter.BASIC_ISO_DATE);
		assertThat(ref).isEqualTo("CMD-" + today + "-001");

		type("orders-compose-text", "Open the shelters in the coastal townships");
		browser.find("orders-compose-city-350200").click();
		browser.find("orders-compose-city-350500").click();
		LocalDateTime deadlineLocal = LocalDateTime.now(BEIJING).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
		type("orders-compose-deadline", deadlineLocal.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
		String deadlineUtc = deadlineLocal.atOffset(BEIJING).toInstant().toString();

		// ---- the confirmation shows the targets and the deadline; only its issue button issues
		browser.find("orders-compose-submit").click();
		WebElement confirm = browser.waitFor("orders-confirm");
		assertThat(confirm.isDisplayed()).isTrue();
		assertThat(browser.findAll("orders-confirm-target").stream().map(e -> e.getDomAttribute("data-city")))
			.containsExactly("350200", "350500");
		assertThat(browser.findAll("orders-confirm-target").stream().map(WebElement::getText)).containsExactly("厦门市", "泉州市");
		assertThat(Instant.parse(confirm.getDomAttribute("data-deadline-utc")).toString()).isEqualTo(deadlineUtc);
		assertThat(browser.find("orders-confirm-deadline").getText())
			.contains(deadlineLocal.format(DateTimeFormatter.ofPattern("HH:mm")));
		assertThat(browser.find("orders-confirm-ref").getText()).isEqualTo(ref);
		browser.screenshot("1-confirmation");
		browser.find("orders-confirm-issue").click();

		// ---- the tracker: both targets not yet acknowledged
		String orderId = trackerRoute();
		awaitCss(target("350200") + "[data-state=NONE]");
		awaitCss(target("350500") + "[data-state=NONE]");
		assertThat(browser.findAll("orders-target")).hasSize(2);
		assertThat(stateText("350200")).isEqualTo("未回执");
		JsonNode stored = hub.getJson("/api/orders/" + orderId, hub.dutyOfficerToken());
		assertThat(stored.get("ref").asString()).isEqualTo(ref);
		assertThat(stored.get("issuedBy").asString()).isEqualTo("orders.commander");
		assertThat(stored.get("targetCities").toString()).isEqualTo("[\"350200\",\"350500\"]");
		assertThat(OffsetDateTime.parse(stored.get("deadline").asString()).toInstant().toString()).isEqualTo(deadlineUtc);
		assertThat(browser.find("orders-tracker-countdown").getDomAttribute("data-passed")).isEqualTo("false");

		// ---- Xiamen's platform acknowledges over the city link: each state appears without reload
		browser.script("window.__orderTrackerNoReload = true;");
		try (HubClient xiamen = hub.city("350200")) {
			xiamen.request("orders.ack", ack(orderId, "RECEIVED", "xm-received")).block(WAIT);
			awaitCss(target("350200") + "[data-state=RECEIVED]");
			assertThat(stateText("350200")).isEqualTo("已接收");
			assertThat(browser.driver().findElement(By.cssSelector(target("350200") + " [data-testid=orders-target-who]")).getText())
				.isEqualTo("platform-350200");
			xiamen.request("orders.ack", ack(orderId, "ACCEPTED", "xm-accepted")).block(WAIT);
			awaitCss(target("350200") + "[data-state=ACCEPTED]");
		}
		assertThat(stateText("350200")).isEqualTo("已受领");
		assertThat(browser.driver().findElements(By.cssSelector(target("350200") + " [data-testid=orders-history-entry]")))
			.extracting(e -> e.getDomAttribute("data-state"))
			.containsExactly("RECEIVED", "ACCEPTED");
		assertThat(browser.find("orders-tracker-summary").getDomAttribute("data-acknowledged"))
			.isEqualTo("1");
		assertThat(browser.driver().findElement(By.cssSelector(target("350500"))).getDomAttribute("data-state")).isEqualTo("NONE");
		assertThat(browser.script("return window.__orderTrackerNoReload === true;")).isEqualTo(true);
		assertThat(ENUM_NAMES).allSatisfy(name -> assertThat(browser.find("orders-tracker").getText()).doesNotContain(name));
		browser.screenshot("2-tracker-live");

		// ---- the list: its progress
		go("#/orders");
		WebElement progress = awaitCss("[data-testid=orders-row][data-order-id='" + orderId + "'] [data-testid=orders-progress]");
		assertThat(progress.getDomAttribute("data-acknowledged")).isEqualTo("1");
		assertThat(progress.getDomAttribute("data-targets")).isEqualTo("2");
		assertThat(progress.getText()).isEqualTo("1/2 已回执");

		// ---- from an incident: the same ref for another order is refused in words; another ref issues it
		String cityToken = hub.cityPlatformToken("350200").get("token").asString();
		String incidentId = hub.postJson("/api/incidents", cityToken, Reports.xiamen("orders-incident-1"), 200)
			.get("incidentId")
			.asString();
		// reached from the board's row, as an officer would (the intake stores the report asynchronously)
		go("#/board");
		awaitCss("[data-testid=board-row][data-incident-id='" + incidentId + "']").click();
		browser.waitForText("incident-title", "Waterlogging orders-incident-1");
		browser.waitFor("incident-issue-order").click();
		browser.waitFor("orders-compose");
		assertThat(browser.find("orders-compose-incident").getDomProperty("value")).isEqualTo(incidentId);
		browser.waitUntil(() -> browser.find("orders-compose-incident-info").getText().contains("Waterlogging orders-incident-1"),
				"the incident's title in the form");
		browser.waitUntil(() -> browser.find("orders-compose-ref").getDomProperty("value").equals("CMD-" + today + "-002"),
				"the next suggested ref");
		type("orders-compose-ref", ref);
		type("orders-compose-text", "Pump out the underpass");
		browser.find("orders-compose-city-350200").click();
		browser.find("orders-compose-submit").click();
		browser.waitFor("orders-confirm");
		browser.find("orders-confirm-issue").click();
		WebElement error = browser.waitFor("orders-compose-error");
		browser.waitUntil(error::isDisplayed, "the refusal");
		assertThat(error.getDomAttribute("data-code")).isEqualTo("ORDER_REF_REUSED");
		assertThat(error.getText()).isEqualTo("该指令编号已用于另一条内容不同的指令；请换一个编号");
		browser.screenshot("3-ref-reused");
		browser.find("orders-compose-ref-again").click();
		browser.waitUntil(() -> browser.find("orders-compose-ref").getDomProperty("value").equals("CMD-" + today + "-002"),
				"another suggested ref");
		// the hub issues it but its answer is lost on the way: the form keeps the ref and says a retry is safe
		browser.script("""
				const original = window.fetch;
				window.__lostOrderAnswers = 0;
				window.fetch = async (path, init) => {
				  const response = await original(path, init);
				  if (String(path) === '/api/orders' && init && init.method === 'POST' && window.__lostOrderAnswers === 0) {
				    window.__lostOrderAnswers++;
				    throw new TypeError('connection reset (the test loses the answer)');
				  }
				  return response;
				};""");
		browser.find("orders-compose-submit").click();
		browser.waitFor("orders-confirm");
		browser.find("orders-confirm-issue").click();
		browser.waitUntil(() -> "NETWORK_ERROR".equals(browser.find("orders-compose-error").getDomAttribute("data-code")),
				"the lost answer");
		assertThat(browser.find("orders-compose-error").getText()).contains("可直接重试").doesNotContain("NETWORK_ERROR");
		assertThat(browser.find("orders-compose-ref").getDomProperty("value")).isEqualTo("CMD-" + today + "-002");
		assertThat(hub.getJson("/api/orders?incident=" + incidentId, hub.dutyOfficerToken()).get("orders")).hasSize(1);
		// issued again: the hub answers with the first answer, nothing is issued twice
		browser.find("orders-compose-submit").click();
		browser.waitFor("orders-confirm");
		browser.find("orders-confirm-issue").click();
		String incidentOrder = trackerRoute();
		JsonNode incidentOrders = hub.getJson("/api/orders?incident=" + incidentId, hub.dutyOfficerToken()).get("orders");
		assertThat(incidentOrders).hasSize(1);
		assertThat(incidentOrders.get(0).get("id").asString()).isEqualTo(incidentOrder);
		assertThat(incidentOrder).isNotEqualTo(orderId);
		assertThat(awaitCss("[data-testid=orders-tracker-incident]").getText()).isEqualTo(incidentId);
		assertThat(hub.getJson("/api/orders/" + incidentOrder, hub.dutyOfficerToken()).get("incidentId").asString())
			.isEqualTo(incidentId);

		// ---- an order whose deadline passes unanswered: overdue in the tracker, the list and the alarm
		String commander = hub.officerToken(null, "COMMANDER");
		String soon = OffsetDateTime.now(BEIJING).plusSeconds(3).truncatedTo(ChronoUnit.MILLIS).toString();
		String lateId = hub.postJson("/api/orders", commander, Map.of("orderRef", "tracker-overdue-1", "text",
				"Report the reservoir levels", "targetCities", List.of("350100"), "deadline", soon), 200)
			.get("id")
			.asString();
		go("#/orders/" + lateId);
		awaitCss(target("350100") + "[data-state=NONE]");
		assertThat(browser.find("orders-tracker").getDomAttribute("data-order-id")).isEqualTo(lateId);
		awaitCss(target("350100") + "[data-overdue=true]", Duration.ofSeconds(20));
		assertThat(browser.find("orders-target-overdue").isDisplayed()).isTrue();
		assertThat(browser.find("orders-tracker-countdown").getDomAttribute("data-passed")).isEqualTo("true");
		assertThat(browser.find("orders-tracker-countdown").getText()).startsWith("已过时限");
		browser.screenshot("4-overdue-tracker");

		go("#/board");
		// Xiamen's platform going offline above raises an alarm too: the overdue one may be in the banner's list
		String overdueLink = "[data-kind=ORDER_OVERDUE][data-alarm-id] [data-testid=alarm-open]";
		browser.waitUntil(() -> !browser.driver().findElements(By.cssSelector(overdueLink)).isEmpty() || expandAlarms(),
				Duration.ofSeconds(40), "the overdue order's alarm");
		browser.driver().findElement(By.cssSelector(overdueLink)).click();
		browser.waitUntil(() -> browser.driver().getCurrentUrl().endsWith("#/orders/" + lateId), "the alarm's link to the tracker");
		awaitCss(target("350100") + "[data-overdue=true]");

		go("#/orders");
		awaitCss("[data-testid=orders-row][data-order-id='" + lateId + "'][data-overdue=true] [data-testid=orders-overdue]");
		new Select(browser.waitFor("orders-filter-overdue")).selectByValue("true");
		browser.waitUntil(() -> browser.findAll("orders-row").size() == 1
				&& lateId.equals(browser.findAll("orders-row").get(0).getDomAttribute("data-order-id")), "only the overdue order listed");
		browser.screenshot("5-overdue-list");

		// ---- a duty officer follows orders but has no compose form
		OpsSteps.signOut(browser);
		signIn("en", "orders.officer", "orders-officer-password");
		go("#/orders");
		awaitCss("[data-testid=orders-row][data-order-id='" + orderId + "']");
		assertThat(browser.findAll("orders-new")).isEmpty();
		go("#/orders/new");
		browser.waitFor("orders-compose-refused");
		assertThat(browser.findAll("orders-compose")).isEmpty();
		go("#/orders/" + orderId);
		awaitCss(target("350200") + "[data-state=ACCEPTED]");
		assertThat(stateText("350200")).isEqualTo("accepted");
		assertThat(stateText("350500")).isEqualTo("not acknowledged");
		browser.screenshot("6-duty-officer-tracker");
	}

}
