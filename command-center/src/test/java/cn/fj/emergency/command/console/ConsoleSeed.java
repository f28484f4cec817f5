package cn.fj.emergency.command.console;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.Reports;
import cn.fj.emergency.command.support.Supplies;
import cn.fj.emergency.command.support.WarningContents;

/**
 * A hub holding something of every kind the console shows, for the language and access tests: incidents of every
 * status and of several categories and levels (a real level I one raising an alarm, a drill), an order with
 * acknowledgements of every state, a situation report, stock, a supply request with a commitment, warnings in force,
 * a cancelled one (its Cancel published), a draft and one waiting for review; and an officer who sees every screen.
 */
final class ConsoleSeed {

	static final String USERNAME = "quan.neng";

	static final String PASSWORD = "all-screens-password";

	/** Routes the tests open beyond the navigation: the wall, incident details and warning details. */
	final List<String> extraRoutes = new ArrayList<>();

	String gradeOneIncident;

	private ConsoleSeed() {
	}

	static ConsoleSeed seed(Hub hub) {
		ConsoleSeed seed = new ConsoleSeed();
		Browser.createOfficer(hub, USERNAME, PASSWORD, null, "DUTY_OFFICER", "COMMANDER", "ADMIN");
		String xiamen = hub.cityPlatformToken("350200").get("token").asString();
		String fuzhou = hub.cityPlatformToken("350100").get("token").asString();
		String officer = hub.dutyOfficerToken();
		String reviewer = hub.dutyOfficerToken();
		String commander = hub.officerToken(null, "COMMANDER");

		String[][] incidents = { { "11", "I", "九龙江北溪水位超警戒" }, { "12", "II", "台风登陆前沿海大风" },
				{ "22", "III", "厦门大桥多车追尾" }, { "31", "IV", "学校聚集性发热病例" }, { "14", "III", "山体滑坡阻断县道" },
				{ "25", "IV", "河道油污" }, { "44", "IV", "工地欠薪聚集" }, { "17", "III", "林地火情" } };
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < incidents.length; i++) {
			Map<String, Object> report = Reports.xiamen("lang-" + i);
			report.put("category", incidents[i][0]);
			report.put("level", incidents[i][1]);
			report.put("title", incidents[i][2]);
			report.put("description", "现场情况正在核实");
			ids.add(hub.postJson("/api/incidents", xiamen, report, 200).get("incidentId").asString());
		}
		Map<String, Object> drill = Reports.fuzhou("lang-drill");
		drill.put("exercise", true);
		drill.put("title", "演练：城区内涝");
		hub.postJson("/api/incidents", fuzhou, drill, 200);
		seed.gradeOneIncident = ids.get(0);
		// statuses: VERIFIED, RESPONDING, CONTAINED, CLOSED, DISMISSED, MERGED (and REPORTED left)
		status(hub, officer, ids.get(0), "VERIFIED", "RESPONDING");
		status(hub, officer, ids.get(1), "VERIFIED");
		status(hub, officer, ids.get(2), "VERIFIED", "RESPONDING", "CONTAINED");
		status(hub, officer, ids.get(3), "VERIFIED", "RESPONDING", "CONTAINED", "CLOSED");
		hub.postJson("/api/incidents/" + ids.get(4) + "/status", officer, Map.of("status", "DISMISSED", "reason", "误报"), 200);
		hub.postJson("/api/incidents/" + ids.get(5) + "/status", officer,
				Map.of("status", "MERGED", "mergedInto", ids.get(2), "reason", "同一事件"), 200);

		// an order for the level I incident, to two cities, with every acknowledgement state
		String deadline = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(2).withNano(0).toString();
		String orderId = hub.postJson("/api/orders", commander, Map.of("orderRef", "lang-order-1", "text", "开放滨湖路避险点",
				"incidentId", ids.get(0), "targetCities", List.of("350200", "350100"), "deadline", deadline), 200)
			.get("id")
			.asString();
		ack(hub, xiamen, orderId, "RECEIVED", "x1", null);
		ack(hub, xiamen, orderId, "ACCEPTED", "x2", null);
		ack(hub, xiamen, orderId, "COMPLETED", "x3", null);
		ack(hub, fuzhou, orderId, "RECEIVED", "f1", null);
		ack(hub, fuzhou, orderId, "REJECTED", "f2", "力量不足");

		// a situation report, stock, a supply request with a commitment
		hub.postJson("/api/incidents/" + ids.get(0) + "/sitreps", xiamen, Map.of("sitrepId", "lang-sr-1", "kind",
				"CASUALTY_AND_ILLNESS_SUMMARY", "reportedAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0).toString(),
				"casualtyAndIllnessSummary", Map.of("dead", 0, "injured", 2, "missing", 0, "ill", 0, "trapped", 1, "rescued", 1,
						"evacuated", 40, "sheltered", 30)), 200);
		hub.postJson("/api/supplies/movements", officer, Supplies.movement("lang-m-1", "350000-01", "TENT-12", "RECEIPT", 50), 200);
		String requestId = hub.postJson("/api/supplies/requests", xiamen, Map.of("requestId", "lang-req-1", "incidentId",
				ids.get(0), "lines", List.of(Map.of("itemCode", "TENT-12", "quantity", 20))), 200)
			.get("request")
			.get("id")
			.asString();
		hub.postJson("/api/supplies/requests/" + requestId + "/commitments", officer, Map.of("commitId", "lang-c-1", "lines",
				List.of(Map.of("lineNo", 1, "depotCode", "350000-01", "quantity", 20))), 200);

		// warnings: one in force, one cancelled (its Cancel published), a draft, one submitted
		String inForce = WarningContents.published(hub, officer, reviewer, WarningContents.actual("yellow", List.of("350203")));
		String ended = WarningContents.published(hub, officer, reviewer, WarningContents.actual("blue", List.of("350102")));
		String cancel = hub.postJson("/api/warnings/" + ended + "/cancel", officer, Map.of(), 201).get("identifier").asString();
		hub.postJson("/api/warnings/" + cancel + "/submit", officer, Map.of(), 200);
		hub.postJson("/api/warnings/" + cancel + "/approve", reviewer, Map.of("comment", "核对无误"), 200);
		hub.postJson("/api/warnings/" + cancel + "/publish", officer, Map.of(), 200);
		String draft = hub.postJson("/api/warnings", officer, WarningContents.actual("orange", List.of("350203")), 201)
			.get("identifier")
			.asString();
		String submitted = hub.postJson("/api/warnings", officer, WarningContents.actual("yellow", List.of("350206")), 201)
			.get("identifier")
			.asString();
		hub.postJson("/api/warnings/" + submitted + "/submit", officer, Map.of(), 200);

		seed.extraRoutes.add("wall");
		seed.extraRoutes.add("incidents/" + ids.get(0));
		seed.extraRoutes.add("incidents/" + ids.get(5));
		for (String identifier : List.of(inForce, ended, cancel, draft, submitted)) {
			seed.extraRoutes.add("warnings/" + identifier);
		}
		return seed;
	}

	/**
	 * A fresh hub, seeded, and a browser for {@code testClass}: what the language and access tests start from. Closing
	 * it closes the browser, then the hub (even if the browser fails to close).
	 */
	record Started(Hub hub, ConsoleSeed seed, Browser browser) implements AutoCloseable {

		static Started start(Class<?> testClass) {
			Hub hub = Hub.start(Hub.freshHubSettings());
			try {
				ConsoleSeed seed = ConsoleSeed.seed(hub);
				return new Started(hub, seed, Browser.start(testClass));
			}
			catch (RuntimeException | Error ex) {
				hub.close();
				throw ex;
			}
		}

		@Override
		public void close() {
			try {
				this.browser.close();
			}
			finally {
				this.hub.close();
			}
		}

	}

	/** Signs the all-screens officer in, in {@code lang}, and waits for the live stream. */
	static void signIn(Browser browser, Hub hub, String lang) {
		browser.open(hub, "/console/");
		if (!browser.findAll("shell-signout").isEmpty()) {
			browser.find("shell-signout").click();
			browser.waitFor("signin-username");
		}
		browser.script("localStorage.setItem('hub.console.lang', arguments[0])", lang);
		browser.driver().navigate().refresh();
		browser.signIn(ConsoleSeed.USERNAME, ConsoleSeed.PASSWORD);
		browser.waitForLive();
	}

	/** The routes of the navigation (as the shell offers them to this officer), then the seeded details. */
	List<String> routes(Browser browser) {
		List<String> routes = new ArrayList<>();
		browser.driver()
			.findElements(By.cssSelector("[data-testid='nav'] a[data-screen]"))
			.forEach(a -> routes.add(a.getDomAttribute("data-screen")));
		routes.addAll(this.extraRoutes);
		return routes;
	}

	/** Opens the route and waits until its screen is there and its text has stopped changing (its reads are done). */
	static void visit(Browser browser, String route) {
		browser.script("location.hash = '#/' + arguments[0];", route);
		String id = route.split("/")[0];
		browser.waitUntil(() -> !browser.driver().findElements(By.cssSelector("[data-testid='screen-" + id + "']")).isEmpty(),
				"the screen " + id);
		String[] last = { "" };
		int[] same = { 0 };
		browser.waitUntil(() -> {
			// (a countdown, marked data-ticking, changes every second by design: its text is left out)
			String now = (String) browser.script("let text = document.body.innerText;"
					+ " for (const n of document.querySelectorAll('[data-ticking]')) text = text.replace(n.innerText, '');"
					+ " return text;");
			same[0] = now.equals(last[0]) ? same[0] + 1 : 0;
			last[0] = now;
			if (same[0] < 3) {
				sleep(400);
				return false;
			}
			return true;
		}, Duration.ofSeconds(30), "the text of " + route + " to settle");
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void status(Hub hub, String token, String id, String... steps) {
		for (String step : steps) {
			hub.postJson("/api/incidents/" + id + "/status", token, Map.of("status", step), 200);
		}
	}

	private static void ack(Hub hub, String token, String orderId, String state, String ackId, String reason) {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("state", state);
		body.put("ackId", "lang-" + ackId);
		if (reason != null) {
			body.put("reason", reason);
		}
		hub.postJson("/api/orders/" + orderId + "/acknowledgements", token, body, 200);
	}

}
