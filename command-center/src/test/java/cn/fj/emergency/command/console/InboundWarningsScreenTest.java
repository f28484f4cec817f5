package cn.fj.emergency.command.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;

/**
 * The departments' inbound warnings screen in a real Chromium, in zh-CN: the provincial meteorological observatory
 * pushes a typhoon alert, then its Update, then a Cancel (over HTTP with its DEPARTMENT service token, as a
 * department does); the screen shows them live as one chain under the alert, marked cancelled and not in force,
 * with every CAP value in Chinese; the feed configured (which cannot be read) shows as failed; the alert's detail
 * shows its original CAP document, and "make a draft" opens the hub's own draft on the warnings screen.
 */
class InboundWarningsScreenTest {

	static final String SENDER = "fjqxt@cma.gov.cn";

	/** CAP's date-time: seconds always, an offset (never Z). */
	static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	static final MediaType CAP = MediaType.parseMediaType("application/cap+xml");

	/** CAP values and states as the hub and CAP spell them: none may show in a zh-CN screen. */
	static final Pattern ENGLISH = Pattern.compile(
			"\\b(Alert|Update|Cancel|Actual|Exercise|Met|Severe|Moderate|Extreme|Minor|Expected|Immediate|Likely|Observed"
					+ "|Possible|ACTIVE|SUPERSEDED|CANCELLED|OK|FAILED)\\b");

	static Hub hub;

	static Browser browser;

	static String department;

	@BeforeAll
	static void start() {
		Map<String, Object> settings = Hub.freshHubSettings();
		settings.put("hub.inbound.senders.met-bureau", SENDER);
		// a feed nobody serves: its first poll (at start-up) fails, which the screen shows
		settings.put("hub.feeds.sources[0].url", "http://127.0.0.1:9/feeds/quakes.atom");
		settings.put("hub.feeds.sources[0].interval", "1m");
		settings.put("hub.feeds.timeout", "1s");
		hub = Hub.start(settings);
		JsonNode issued = hub.http().post().uri("/api/admin/service-tokens").headers(h -> h.setBearerAuth(hub.adminToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("subject", "met-bureau", "roles", Set.of("DEPARTMENT"), "description", "Fujian meteorology"))
			.exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
		department = issued.get("token").asString();
		Browser.createOfficer(hub, "inbound.officer", "inbound-officer-password", null, "DUTY_OFFICER");
		browser = Browser.start(InboundWarningsScreenTest.class);
		browser.signInTo(hub, "zh-CN", "inbound.officer", "inbound-officer-password");
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
		return browser.await(Duration.ofSeconds(15), css)
			.until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
	}

	static String cap(String identifier, String sent, String msgType, String severity, String references) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
				  <identifier>%s</identifier>
				  <sender>%s</sender>
				  <sent>%s</sent>
				  <status>Actual</status>
				  <msgType>%s</msgType>
				  <scope>Public</scope>
				  %s
				  <info>
				    <language>zh-CN</language>
				    <category>Met</category>
				    <event>台风</event>
				    <urgency>Expected</urgency>
				    <severity>%s</severity>
				    <certainty>Likely</certainty>
				    <expires>%s</expires>
				    <senderName>福建省气象台</senderName>
				    <headline>福建省气象台发布台风预警 %s</headline>
				    <description>第8号台风预计明天上午在厦门沿海登陆。</description>
				    <area>
				      <areaDesc>厦门市思明区、湖里区</areaDesc>
				      <geocode><valueName>GB/T 2260</valueName><value>350203</value></geocode>
				      <geocode><valueName>GB/T 2260</valueName><value>350206</value></geocode>
				    </area>
				  </info>
				</alert>
				""".formatted(identifier, SENDER, sent, msgType,
				references == null ? "" : "<references>" + references + "</references>", severity,
				CAP_TIME.format(OffsetDateTime.parse(sent).plusHours(12)), identifier);
	}

	static long push(String xml) {
		JsonNode answer = hub.http().post().uri("/api/inbound-warnings").headers(h -> h.setBearerAuth(department))
			.contentType(CAP).bodyValue(xml.getBytes(StandardCharsets.UTF_8)).exchange()
			.expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
		return answer.get("alerts").get(0).get("warning").get("id").asLong();
	}

	/** The rendered text of the first element matching css, read in one script (the screen re-renders as it reads). */
	static String text(String css) {
		Object text = browser.script("const e = document.querySelector(arguments[0]); return e ? e.innerText : null;", css);
		return text == null ? "" : text.toString();
	}

	static String chainText() {
		return text("[data-testid=inbound-chains]");
	}

	@Test
	void aChainPushedLiveEndsCancelledAndMakesADraft() {
		browser.script("location.hash = '#/inbound'");
		awaitCss("[data-testid=inbound-empty]");
		// the feed's first poll failed: its health says so
		awaitCss("[data-testid=inbound-feed][data-outcome=FAILED]");

		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
		String alertSent = CAP_TIME.format(now.minusMinutes(30));
		String updateSent = CAP_TIME.format(now.minusMinutes(20));
		String cancelSent = CAP_TIME.format(now.minusMinutes(5));
		long alertId = push(cap("FJQX-TY-0801", alertSent, "Alert", "Moderate", null));
		awaitCss("[data-testid=inbound-chain][data-root-id='" + alertId + "'][data-standing=inForce]");
		awaitCss("[data-testid=inbound-row][data-inbound-id='" + alertId + "'] [data-testid=inbound-severity][data-value=Moderate]");

		long updateId = push(cap("FJQX-TY-0801-U1", updateSent, "Update", "Severe",
				SENDER + ",FJQX-TY-0801," + alertSent));
		awaitCss("[data-testid=inbound-chain][data-root-id='" + alertId + "'][data-size='2'][data-standing=inForce]");
		awaitCss("[data-testid=inbound-row][data-inbound-id='" + alertId + "'][data-standing=superseded]");
		browser.screenshot("inbound-updated-zh");

		long cancelId = push(cap("FJQX-TY-0801-C1", cancelSent, "Cancel", "Severe",
				SENDER + ",FJQX-TY-0801," + alertSent + " " + SENDER + ",FJQX-TY-0801-U1," + updateSent));
		String chain = "[data-testid=inbound-chain][data-root-id='" + alertId + "'][data-size='3'][data-standing=cancelled]";
		awaitCss(chain);
		// every original document read: the areas by name on every row
		browser.waitUntil(() -> chainText().split("思明区", -1).length == 4, "the areas by name");

		// one chain, in the order sent, nothing of it in force
		assertThat(browser.findAll("inbound-chain")).hasSize(1);
		@SuppressWarnings("unchecked")
		List<Object> order = (List<Object>) browser.script("return Array.from(document.querySelectorAll(arguments[0]))"
				+ ".map(r => r.getAttribute('data-inbound-id'))", chain + " [data-testid=inbound-row]");
		assertThat(order).containsExactly(Long.toString(alertId), Long.toString(updateId), Long.toString(cancelId));
		assertThat(browser.driver().findElements(By.cssSelector(chain + " [data-testid=inbound-row][data-standing=inForce]")))
			.isEmpty();
		assertThat(text(chain + " [data-testid=inbound-chain-standing]")).isEqualTo("已解除");
		String text = chainText();
		assertThat(text).contains("首发", "更新", "解除", "气象", "较重", "严重", "预期", "很可能", "福建省气象台", "湖里区");
		assertThat(ENGLISH.matcher(text).results().map(m -> m.group()).toList()).as("English CAP values in zh-CN")
			.isEmpty();
		String feeds = text("[data-testid=inbound-feeds]");
		assertThat(feeds).contains("失败");
		assertThat(ENGLISH.matcher(feeds).results().map(m -> m.group()).toList()).isEmpty();

		// an exercise of the same department is hidden by the "actual only" switch (on by default), shown without it
		String exercise = cap("FJQX-DRILL-01", CAP_TIME.format(now.minusMinutes(2)), "Alert", "Moderate", null)
			.replace("<status>Actual</status>", "<status>Exercise</status>");
		long exerciseId = push(exercise);
		browser.waitUntil(() -> text("[data-testid=inbound-count]").contains("1 条演练或测试预警链未显示"),
				"the exercise counted as hidden");
		assertThat(browser.findAll("inbound-chain")).hasSize(1);
		browser.find("inbound-real-only").click();
		awaitCss("[data-testid=inbound-row][data-inbound-id='" + exerciseId + "'][data-exercise=true]");
		assertThat(browser.findAll("inbound-chain")).hasSize(2);
		browser.find("inbound-real-only").click();
		browser.waitUntil(() -> browser.findAll("inbound-chain").size() == 1, "the exercise hidden again");

		// the alert's detail: its values in Chinese, its original document, and the Update that ended it
		browser.waitUntil(() -> {
			awaitCss("[data-testid=inbound-row][data-inbound-id='" + alertId + "']").click();
			return true;
		}, "a click on the alert's row");
		awaitCss("[data-testid=inbound-detail][data-inbound-id='" + alertId + "']");
		browser.waitUntil(() -> text("[data-testid=inbound-detail-cap]").contains("<identifier>FJQX-TY-0801</identifier>"),
				"the original CAP document");
		assertThat(text("[data-testid=inbound-detail-msg-type]")).isEqualTo("首发");
		assertThat(text("[data-testid=inbound-detail-severity]")).isEqualTo("较重");
		assertThat(text("[data-testid=inbound-detail-ended-by]")).contains("FJQX-TY-0801-U1");
		browser.screenshot("inbound-cancelled-chain-zh");

		// "make a draft": the hub's own draft, opened on the warnings screen
		browser.waitUntil(() -> {
			browser.find("inbound-draft").click();
			return true;
		}, "a click on make a draft");
		browser.waitUntil(() -> browser.driver().getCurrentUrl().contains("#/warnings/"), "the warnings screen's draft");
		String identifier = java.net.URLDecoder.decode(
				browser.driver().getCurrentUrl().replaceFirst(".*#/warnings/", ""), StandardCharsets.UTF_8);
		awaitCss("[data-testid=warnings-detail][data-identifier='" + identifier + "']");
		JsonNode draft = hub.getJson("/api/warnings/" + identifier, hub.dutyOfficerToken());
		assertThat(draft.get("state").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("msgType").asString()).isEqualTo("Alert");
		assertThat(draft.toString()).contains("台风");
		browser.screenshot("inbound-draft-on-warnings");
	}

}
