package cn.fj.emergency.command.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import cn.fj.emergency.command.support.Hub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18.7 in a real Chromium, on every screen of the navigation (and the details of incidents and warnings) of a
 * hub holding something of every kind ({@link ConsoleSeed}), in both languages: the text's contrast with its
 * background is at WCAG AA (4.5:1, 3:1 for large text), computed from the page's own computed colours; every
 * input, select and textarea has an accessible name; everything that reacts to a click is a control the keyboard
 * reaches; the board's rows open by Enter. And the wall mode: no navigation chrome, boards that rotate by themselves,
 * type that grows with the display, the stream live.
 */
class ConsoleAccessibilityTest {

	/**
	 * The visible text elements whose contrast is below AA: for each element with text of its own, its colour over
	 * the first background colour found on it or its ancestors (blended while translucent). Disabled controls and
	 * what is faded out on purpose (opacity below 1) are exempt, as WCAG exempts inactive components.
	 */
	static final String CONTRAST = """
			const parse = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return [0, 0, 0, 0];
			  const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
			const blend = (top, below) => { const a = top[3]; return [0, 1, 2].map(i => top[i] * a + below[i] * (1 - a)).concat(1); };
			const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
			  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
			function background(node) {
			  const layers = [];
			  for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
			    const c = parse(getComputedStyle(n).backgroundColor);
			    if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
			  }
			  let bg = [255, 255, 255, 1];
			  for (const layer of layers.reverse()) bg = blend(layer, bg);
			  return bg;
			}
			const faded = node => { for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
			  if (Number(getComputedStyle(n).opacity) < 1) return true; } return false; };
			const bad = [];
			for (const node of document.body.querySelectorAll('*')) {
			  if (node.closest('svg, canvas, .leaflet-tile-pane, [aria-hidden=true]')) continue;
			  const own = [...node.childNodes].filter(c => c.nodeType === 3 && c.textContent.trim()).map(c => c.textContent.trim()).join(' ');
			  if (!own) continue;
			  const r = node.getBoundingClientRect();
			  const style = getComputedStyle(node);
			  if (!r.width || !r.height || style.visibility === 'hidden' || node.closest('[hidden]')) continue;
			  if (node.disabled || node.closest('button[disabled], option') || faded(node)) continue;
			  const bg = background(node);
			  const fg = blend(parse(style.color), bg);
			  const a = lum(fg), b = lum(bg);
			  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
			  const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
			  const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
			  if (ratio < need) bad.push(ratio.toFixed(2) + ' < ' + need + ': «' + own.slice(0, 40) + '» ' + style.color
			    + ' on rgb(' + bg.slice(0, 3).map(Math.round).join(',') + ') <' + node.tagName.toLowerCase()
			    + (node.className && typeof node.className === 'string' ? '.' + node.className.split(' ').join('.') : '') + '>');
			}
			return bad;
			""";

	/** Every visible input, select and textarea with no accessible name (label, aria-label(ledby) or title). */
	static final String LABELS = """
			const unnamed = [];
			for (const node of document.querySelectorAll('input, select, textarea')) {
			  if (node.type === 'hidden') continue;
			  const r = node.getBoundingClientRect();
			  if (!r.width || !r.height || node.closest('[hidden]')) continue;
			  const labelled = (node.getAttribute('aria-label') || '').trim()
			    || (node.getAttribute('aria-labelledby') || '').split(' ').some(id => { const l = document.getElementById(id); return l && l.textContent.trim(); })
			    || [...(node.labels || [])].some(l => l.textContent.trim())
			    || (node.title || '').trim();
			  if (!labelled) unnamed.push('<' + node.tagName.toLowerCase() + ' data-testid=' + node.dataset.testid + ' type=' + node.type + '>');
			}
			return unnamed;
			""";

	/**
	 * What shows a pointer (so reacts to a click) but is neither a control nor reachable by Tab, nor inside one:
	 * a click handler on a plain element that the keyboard cannot reach.
	 */
	static final String KEYBOARD = """
			const out = [];
			const focusable = n => n.matches('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])');
			for (const node of document.body.querySelectorAll('*')) {
			  if (getComputedStyle(node).cursor !== 'pointer') continue;
			  const r = node.getBoundingClientRect();
			  if (!r.width || !r.height || node.closest('svg, .leaflet-container')) continue;
			  let n = node, ok = false;
			  for (; n && n.nodeType === 1; n = n.parentElement) if (focusable(n)) { ok = true; break; }
			  if (!ok && !(node.parentElement && getComputedStyle(node.parentElement).cursor === 'pointer'))
			    out.push('<' + node.tagName.toLowerCase() + ' data-testid=' + node.dataset.testid + '> «' + node.textContent.trim().slice(0, 40) + '»');
			}
			return out;
			""";

	static Hub hub;

	static Browser browser;

	static ConsoleSeed seed;

	static ConsoleSeed.Started started;

	@BeforeAll
	static void start() {
		started = ConsoleSeed.Started.start(ConsoleAccessibilityTest.class);
		hub = started.hub();
		seed = started.seed();
		browser = started.browser();
	}

	@AfterAll
	static void stop() {
		if (started != null) {
			started.close();
		}
	}

	@SuppressWarnings("unchecked")
	static List<String> run(String script) {
		return (List<String>) browser.script(script);
	}

	@Test
	void everyScreenHasAaContrastLabelledFieldsAndKeyboardReachableActions() {
		List<String> problems = new ArrayList<>();
		for (String lang : List.of("zh-CN", "en")) {
			if (lang.equals("zh-CN")) {
				ConsoleSeed.signIn(browser, hub, lang);
			}
			else {
				new org.openqa.selenium.support.ui.Select(browser.find("lang-switch")).selectByValue(lang);
				browser.waitForLive();
			}
			// the sign-in page was checked by signing in; the shell itself on every screen
			for (String route : seed.routes(browser)) {
				if (route.equals("wall")) {
					continue; // below, on its own
				}
				ConsoleSeed.visit(browser, route);
				run(CONTRAST).forEach(p -> problems.add(lang + " #/" + route + " contrast " + p));
				run(LABELS).forEach(p -> problems.add(lang + " #/" + route + " unlabelled " + p));
				run(KEYBOARD).forEach(p -> problems.add(lang + " #/" + route + " not by keyboard " + p));
				if (route.equals("warnings") && !browser.findAll("warnings-new").isEmpty()) {
					browser.find("warnings-new").click();
					browser.waitFor("warnings-compose");
					run(CONTRAST).forEach(p -> problems.add(lang + " composer contrast " + p));
					run(LABELS).forEach(p -> problems.add(lang + " composer unlabelled " + p));
				}
			}
		}
		assertThat(problems).as("accessibility problems").isEmpty();
	}

	@Test
	void theBoardIsWorkedByKeyboard() {
		ConsoleSeed.signIn(browser, hub, "en");
		ConsoleSeed.visit(browser, "board");
		WebElement row = browser.driver()
			.findElement(By.cssSelector("[data-testid='board-row'][data-incident-id='" + seed.gradeOneIncident + "']"));
		// Tab from the last filter reaches the first row (the level I: triage order), which shows its focus
		assertThat(row.getDomAttribute("tabindex")).isEqualTo("0");
		browser.script("arguments[0].focus();", browser.find("board-real-only"));
		new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
		assertThat(browser.script("return document.activeElement.dataset.incidentId;")).isEqualTo(seed.gradeOneIncident);
		String outline = (String) browser.script("return getComputedStyle(document.activeElement).outlineStyle;");
		browser.screenshot("board-row-focused");
		// and Enter opens it
		new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
		browser.waitUntil(() -> browser.driver().getCurrentUrl().endsWith("#/incidents/" + seed.gradeOneIncident),
				"Enter opens the incident");
		assertThat(outline).as("a visible focus outline").isNotEqualTo("none");
	}

	@Test
	void wallModeHasNoNavigationScalesAndRotatesItsBoards() {
		ConsoleSeed.signIn(browser, hub, "zh-CN");
		browser.script("location.hash = '#/wall/5/situation,incidents,warnings';");
		browser.waitFor("wall");
		assertThat(browser.find("nav").isDisplayed()).as("no navigation chrome").isFalse();
		assertThat(browser.find("shell-signout").isDisplayed()).isFalse();
		assertThat(browser.find("wall-board").getDomAttribute("data-board")).isEqualTo("situation");
		browser.waitUntil(() -> "1".equals(browser.find("wall-level-I").getDomAttribute("data-count")), "the level I count");
		assertThat(browser.find("wall-in-force").getDomAttribute("data-count")).as("the Cancel is not in force").isEqualTo("1");
		assertThat(browser.find("wall-status").getDomAttribute("data-status")).isEqualTo("live");
		double small = fontSize();
		browser.screenshot("wall-situation");

		// the boards rotate by themselves, and the incidents board puts the real level I first
		browser.waitUntil(() -> "incidents".equals(browser.find("wall-board").getDomAttribute("data-board")),
				Duration.ofSeconds(12), "the incidents board");
		browser.waitUntil(() -> !browser.findAll("wall-incident").isEmpty(), "the incidents");
		assertThat(browser.findAll("wall-incident").get(0).getDomAttribute("data-incident-id")).isEqualTo(seed.gradeOneIncident);
		assertThat(browser.find("wall-board").getText()).doesNotContain("null").doesNotContain("undefined");
		browser.screenshot("wall-incidents");
		browser.waitUntil(() -> "warnings".equals(browser.find("wall-board").getDomAttribute("data-board")),
				Duration.ofSeconds(12), "the warnings board");
		browser.waitUntil(() -> browser.findAll("wall-warning").size() == 1, "the one warning in force");
		browser.screenshot("wall-warnings");

		// a larger display, larger type
		Dimension before = browser.driver().manage().window().getSize();
		browser.driver().manage().window().setSize(new Dimension(2560, 1440));
		browser.waitUntil(() -> fontSize() > small * 1.3, "the type to grow with the display");
		browser.screenshot("wall-large");
		browser.driver().manage().window().setSize(before);

		// leaving it brings the chrome back
		browser.script("location.hash = '#/board';");
		browser.waitFor("screen-board");
		assertThat(browser.find("nav").isDisplayed()).isTrue();
	}

	static double fontSize() {
		return ((Number) browser.script("return parseFloat(getComputedStyle(document.body).fontSize);")).doubleValue();
	}

}
