package cn.fj.emergency.command.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import cn.fj.emergency.alerting.approval.WarningState;
import cn.fj.emergency.alerting.cap.CapValue;
import cn.fj.emergency.alerting.cap.Category;
import cn.fj.emergency.alerting.cap.Certainty;
import cn.fj.emergency.alerting.cap.MessageType;
import cn.fj.emergency.alerting.cap.ResponseType;
import cn.fj.emergency.alerting.cap.Scope;
import cn.fj.emergency.alerting.cap.Severity;
import cn.fj.emergency.alerting.cap.Status;
import cn.fj.emergency.alerting.cap.Urgency;
import cn.fj.emergency.alerting.channel.Channel;
import cn.fj.emergency.alerting.channel.DeliveryState;
import cn.fj.emergency.alerting.feed.InboundState;
import cn.fj.emergency.command.alarm.AlarmKind;
import cn.fj.emergency.command.drill.Drill;
import cn.fj.emergency.command.incident.IncidentStatus;
import cn.fj.emergency.command.order.AcknowledgementState;
import cn.fj.emergency.command.security.AuditRecord;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Role;
import cn.fj.emergency.command.sitrep.SitrepKind;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.uplink.ForwardKind;
import cn.fj.emergency.command.uplink.ForwardState;
import cn.fj.emergency.command.video.SourceKind;
import cn.fj.emergency.command.video.VideoDispatch;
import cn.fj.emergency.resources.depot.DepotLevel;
import cn.fj.emergency.resources.depot.ItemCategory;
import cn.fj.emergency.resources.reservation.CommitmentStatus;
import cn.fj.emergency.resources.stock.MovementType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18.7 in a real Chromium: an officer who sees every screen signs in in zh-CN, on a hub holding incidents of
 * every status, several categories and levels, a drill, an order with every acknowledgement state, a situation
 * report, stock and a commitment, warnings in force, cancelled, drafted and submitted, and an alarm. Every screen of
 * the navigation (whatever screens are added later) and the details of incidents and warnings are visited, and
 * their rendered text (the body's text, every {@code title} and {@code aria-label}, the tab title) must hold no name
 * of the hub's enumerated values: the names come from the hub's own enums (and the CAP values of alerting's
 * {@link CapValue} enums), so a value added later is covered too. A document shown verbatim (the CAP XML of a
 * warning, marked {@code translate="no"}) is a format, not text, and is left out; its readable summary is scanned.
 *
 * <p>
 * Left out on purpose: incident levels (Roman numerals, shown as such in both languages) and video stream
 * protocols (RTSP, HLS, WebRTC: technical names, the same in Chinese).
 */
class ZhCnShowsNoEnumNamesTest {

	/** The enums whose values an officer reads (docs/web-console.md#language). */
	static final List<Class<? extends Enum<?>>> ENUMS = List.of(IncidentStatus.class, AcknowledgementState.class,
			SitrepKind.class, AlarmKind.class, Role.class, HubPrincipal.Kind.class, AuditRecord.Outcome.class,
			Drill.State.class, VideoDispatch.Status.class, SourceKind.class, ForwardState.class, ForwardKind.class,
			WarningState.class, InboundState.class, DeliveryState.class, Channel.class, Status.class, MessageType.class,
			Scope.class, Category.class, Urgency.class, Severity.class, Certainty.class, ResponseType.class,
			CommitmentStatus.class, ItemCategory.class, DepotLevel.class, MovementType.class);

	/**
	 * Collects the text an officer reads on the page and answers the words of it that are enum names: the body's
	 * text (options of selects included), every title and aria-label, the tab title. Words are cut at white space and
	 * punctuation, but not at {@code - _ . / :} nor digits, so that codes such as {@code TENT-12} or
	 * {@code officer.sign-in} are not read as the names inside them.
	 */
	static final String SCAN = """
			const words = new Set(arguments[0]);
			// a document shown verbatim (the CAP XML, marked translate="no") is a format, not text to translate
			const verbatim = [...document.querySelectorAll('[translate=no]')];
			const display = verbatim.map(n => n.style.display);
			verbatim.forEach(n => { n.style.display = 'none'; });
			const texts = [document.body.innerText, document.title];
			verbatim.forEach((n, i) => { n.style.display = display[i]; });
			for (const node of document.querySelectorAll('[title], [aria-label]')) {
			  if (node.closest('[translate=no]')) continue;
			  if (node.title) texts.push(node.title);
			  if (node.getAttribute('aria-label')) texts.push(node.getAttribute('aria-label'));
			}
			const found = [];
			for (const text of texts) {
			  for (let token of String(text || '').split(/[^A-Za-z0-9_.\\-\\/:]+/)) {
			    token = token.replace(/[.:]+$/, '');
			    if (words.has(token)) {
			      const at = text.indexOf(token);
			      found.push(token + ' in «' + text.slice(Math.max(0, at - 30), at + token.length + 30).replace(/\\s+/g, ' ') + '»');
			    }
			  }
			}
			return found;
			""";

	static Hub hub;

	static Browser browser;

	static ConsoleSeed seed;

	static ConsoleSeed.Started started;

	@BeforeAll
	static void start() {
		started = ConsoleSeed.Started.start(ZhCnShowsNoEnumNamesTest.class);
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

	/** Every name of every enum, and the CAP spelling of those that have one. */
	static Set<String> enumNames() {
		Set<String> names = new TreeSet<>();
		for (Class<? extends Enum<?>> type : ENUMS) {
			for (Enum<?> value : type.getEnumConstants()) {
				names.add(value.name());
				if (value instanceof CapValue cap) {
					names.add(cap.cap());
				}
			}
		}
		return names;
	}

	@Test
	void theEnumNamesAreTheHubsOwn() {
		Set<String> names = enumNames();
		// the list is read from the enums, not written here: a few known values prove it is the right list
		assertThat(names).contains("REPORTED", "ACCEPTED", "CASUALTY_AND_ILLNESS_SUMMARY", "Actual", "Cancel", "ALL_CLEAR",
				"AllClear", "IN_TRANSIT", "FAILED", "SUPERSEDED", "PLATFORM_OFFLINE");
	}

	@Test
	void aZhCnRunShowsNoEnglishStatusOrCapValueOnAnyScreen() {
		ConsoleSeed.signIn(browser, hub, "zh-CN");
		List<String> words = List.copyOf(enumNames());
		List<String> routes = seed.routes(browser);
		assertThat(routes).as("the navigation and the wall").contains("board", "map", "warnings", "supplies", "audit", "officers", "wall");
		// the alarm of the real level I incident is on every screen
		browser.waitUntil(() -> browser.find("alarm-banner").isDisplayed(), "the alarm banner");

		List<String> problems = new ArrayList<>();
		for (String route : routes) {
			ConsoleSeed.visit(browser, route);
			@SuppressWarnings("unchecked")
			List<String> found = (List<String>) browser.script(SCAN, words);
			found.forEach(f -> problems.add("#/" + route + ": " + f));
			browser.screenshot("zh-" + route.replaceAll("[^A-Za-z0-9_-]", "-"));
			if (route.equals("warnings") && !browser.findAll("warnings-new").isEmpty()) {
				// the composer's selects (CAP category, urgency, certainty, response types) as well
				browser.find("warnings-new").click();
				browser.waitFor("warnings-compose");
				@SuppressWarnings("unchecked")
				List<String> compose = (List<String>) browser.script(SCAN, words);
				compose.forEach(f -> problems.add("#/warnings (composer): " + f));
				browser.screenshot("zh-warnings-compose");
			}
		}
		assertThat(problems).as("enum names in the zh-CN console").isEmpty();
		// and the scan can fail: the warning in force, in English, shows CAP values the scan looks for
		new Select(browser.find("lang-switch")).selectByValue("en");
		ConsoleSeed.visit(browser, seed.extraRoutes.get(3));
		@SuppressWarnings("unchecked")
		List<String> english = (List<String>) browser.script(SCAN, words);
		assertThat(english).as("the English warning detail names CAP values the scan knows").isNotEmpty();
	}

}
