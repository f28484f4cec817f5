package cn.fj.emergency.command.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.openqa.selenium.support.ui.Select;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import cn.fj.emergency.command.console.Browser;
import cn.fj.emergency.command.drill.client.ConsoleClient;
import cn.fj.emergency.command.incident.IncidentReport;
import cn.fj.emergency.command.incident.ReportingIncident;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Role;
import cn.fj.emergency.command.stream.persistence.EventStore;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.Pause;

/**
 * The web console in a real Chromium (Debian's, headless, through {@link Browser}) on a hub holding
 * {@code bench.console.incidents} open incidents (10,000; mostly drills, levels mixed, every county): the first paint
 * of the board and of the map, cold and warm cache, from navigation start (the page's {@code performance.now()}) to
 * the board's first rows, its counters and the map's markers and county aggregates, with the JS heap and the bytes
 * transferred; then the time a report a city platform sends over the city link (RSocket TCP) at a steady rate takes
 * to appear as a row of the board. A script the browser evaluates in every new document before the console's own
 * ({@code Page.addScriptToEvaluateOnNewDocument}, which the Content Security Policy does not apply to) marks each
 * moment with a MutationObserver, and the frame after it with {@code requestAnimationFrame}.
 */
final class ConsoleBench {

	static final String USER = "bench.console.officer";

	static final String ECHARTS = "/webjars/echarts/4.1.0/dist/echarts.min.js";

	static final String PASSWORD = "bench-console-password";

	/**
	 * In every new document: {@code __bench.marks} (ms since navigation start) when the first board row, the board's
	 * counters and the map's incidents and aggregates are in the DOM (key) and after the frame that follows (key +
	 * "Frame": a task queued from that frame's requestAnimationFrame runs after its paint); {@code __bench.seen} and
	 * {@code __bench.frame}: each board row's first appearance by incident id, in epoch milliseconds
	 * ({@code performance.timeOrigin + performance.now()}).
	 */
	static final String MARKS = """
			(() => {
			  const b = window.__bench = { marks: {}, seen: {}, frame: {}, long: [] };
			  // the page's long tasks (over 50 ms: the main thread unavailable), [start, duration] in ms
			  try {
			    new PerformanceObserver(list => { for (const e of list.getEntries()) b.long.push([e.startTime, e.duration]); })
			      .observe({ type: 'longtask', buffered: true });
			  } catch (e) { /* no long task timing in this browser */ }
			  const epoch = () => performance.timeOrigin + performance.now();
			  let unframed = [];
			  const mark = k => {
			    if (k in b.marks) return;
			    b.marks[k] = performance.now();
			    requestAnimationFrame(() => setTimeout(() => { b.marks[k + 'Frame'] = performance.now(); }, 0));
			  };
			  const check = () => {
			    if (!('rows' in b.marks) && document.querySelector("[data-testid='board-row']")) mark('rows');
			    if (!('counters' in b.marks) && document.querySelector("[data-testid='board-counter-open']")) mark('counters');
			    const c = document.querySelector("[data-testid='map-canvas'][data-map-ready='true']");
			    if (!('map' in b.marks) && c && Number(c.getAttribute('data-layer-incidents')) > 0
			        && Number(c.getAttribute('data-layer-aggregates')) > 0) mark('map');
			  };
			  const observer = new MutationObserver(mutations => {
			    const now = epoch();
			    for (const m of mutations) for (const n of m.addedNodes) {
			      if (n.nodeType === 1 && n.dataset.testid === 'board-row' && !(n.dataset.incidentId in b.seen)) {
			        b.seen[n.dataset.incidentId] = now;
			        if (unframed.push(n.dataset.incidentId) === 1) requestAnimationFrame(() => setTimeout(() => {
			          const at = epoch();
			          for (const id of unframed) b.frame[id] = at;
			          unframed = [];
			        }, 0));
			      }
			    }
			    check();
			  });
			  observer.observe(document, { childList: true, subtree: true, attributes: true,
			    attributeFilter: ['data-map-ready', 'data-layer-incidents', 'data-layer-aggregates'] });
			})();
			""";

	/** What the page spent and received on one load: bytes of every resource and of each API call. */
	static final String TRANSFERS = """
			const all = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
			const sum = (list, k) => list.reduce((n, e) => n + (e[k] || 0), 0);
			const api = all.filter(e => e.name.includes('/api/'));
			const picture = api.filter(e => e.name.includes('/api/incidents/picture'));
			const fcp = performance.getEntriesByName('first-contentful-paint')[0];
			return { transfer: sum(all, 'transferSize'), decoded: sum(all, 'decodedBodySize'), requests: all.length,
			  apiTransfer: sum(api, 'transferSize'), apiDecoded: sum(api, 'decodedBodySize'), apiRequests: api.length,
			  pictureTransfer: sum(picture, 'transferSize'), pictureDecoded: sum(picture, 'decodedBodySize'),
			  pictureMs: picture.length ? picture[0].responseEnd - picture[0].startTime : -1,
			  fcp: fcp ? fcp.startTime : -1, marks: window.__bench.marks,
			  rows: document.querySelectorAll("[data-testid='board-row']").length };
			""";

	/** One load of a screen. */
	record Paint(String screen, boolean cold, Map<String, Double> marks, double fcp, long transfer, long decoded,
			long requests, long apiTransfer, long apiDecoded, long apiRequests, long pictureTransfer, long pictureDecoded,
			double pictureMs, long heapUsed, long heapAfterGc, long rows) {
	}

	/** The events of one rate: milliseconds from submission and from acknowledgement to the row, per event. */
	record Events(int rate, long sent, long acknowledged, long refused, long shown, double[] fromSubmission,
			double[] fromReceipt, double[] toFrame, double[] toStream, double clockOffset, double clockUncertainty,
			long rowsAfter, Map<String, Double> pageSeconds) {
	}

	record Result(Instant started, String loadBefore, String loadAfter, long minutes, int open, int real, int drills,
			Map<String, Integer> levels, double bulkSeconds, String browser, Map<String, String> cacheControl,
			List<Paint> loads, List<Events> events, @Nullable String failure) {
	}

	private final BenchConfig config;

	ConsoleBench(BenchConfig config) {
		this.config = config;
	}

	/** A hub of its own (durable PostgreSQL, as every figure), filled, and one browser: both figures. */
	Result run() {
		Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String loadBefore = Machine.load();
		long t0 = System.nanoTime();
		List<Paint> loads = new ArrayList<>();
		List<Events> events = new ArrayList<>();
		Map<String, Integer> levels = new LinkedHashMap<>();
		int total = this.config.consoleIncidents();
		int real = Math.min(total, this.config.consoleReal());
		double bulkSeconds;
		String failure = null;
		String version = "unknown";
		Map<String, String> cacheControl = new LinkedHashMap<>();
		try (Hub hub = Hub.start(Hub.freshHubSettings())) {
			Browser.createOfficer(hub, USER, PASSWORD, null, "DUTY_OFFICER");
			long bulk = System.nanoTime();
			fill(hub, total, real, levels);
			bulkSeconds = (System.nanoTime() - bulk) / 1e9;
			System.out.printf("console: %d open incidents (%d real) written in %.1f s%n", total, real, bulkSeconds);
			for (String path : List.of("/console/", "/console/js/main.js", ECHARTS, "/api/incidents/picture")) {
				String token = path.startsWith("/api/") ? hub.signIn(USER, PASSWORD) : null;
				List<String> values = hub.http().get().uri(path).headers(h -> {
					if (token != null) {
						h.setBearerAuth(token);
					}
				}).exchange().returnResult(byte[].class).getResponseHeaders().get("Cache-Control");
				cacheControl.put(path, values == null ? "(none)" : String.join(", ", values));
			}
			try (Browser browser = Browser.start(ConsoleBench.class)) {
				version = "Chromium " + browser.driver().getCapabilities().getBrowserVersion();
				try {
					browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", MARKS));
					browser.open(hub, "/console/");
					browser.script("localStorage.setItem('hub.console.lang', 'en'); sessionStorage.clear()");
					browser.open(hub, "/console/#/board");
					browser.signIn(USER, PASSWORD);
					browser.waitForLive();
					for (int i = 0; i < this.config.consoleRepeats(); i++) {
						for (String screen : List.of("board", "map")) {
							loads.add(load(browser, hub, screen, true));
							loads.add(load(browser, hub, screen, false));
						}
					}
					browser.screenshot("map-" + total);
					loads.add(load(browser, hub, "board", false));
					browser.screenshot("board-" + total);
					// the reports are level III: by level (the default), past the first page they are behind "load more";
					// newest first, each is a new first row, the most the board has to redraw
					new Select(browser.find("board-sort")).selectByValue("newest");
					browser.waitUntil(() -> browser.findAll("board-row").size() >= 200, "the board newest first");
					browser.waitForLive();
					// once: enabling it again would start its counters anew
					browser.driver().executeCdpCommand("Performance.enable", Map.of());
					ConsoleClient jvm = ConsoleClient.connect(URI.create("http://127.0.0.1:" + hub.httpPort()), hub.signIn(USER, PASSWORD))
						.block(Duration.ofSeconds(60));
					try (jvm; CityReports cities = CityReports.connect(hub, 4, "console-" + System.currentTimeMillis())) {
						// a console of the drill player's in this JVM beside the browser: when the event leaves the hub
						Map<String, Double> streamed = new ConcurrentHashMap<>();
						long head = hub.context().getBean(EventStore.class).head().block(Duration.ofSeconds(10));
						Disposable stream = jvm.follow(head, List.of("incidents"), List.of(), LatencyBench.MAX_RESUMES, () -> {
						}).subscribe(event -> {
							if ("incident.reported".equals(event.path("type").asString(""))) {
								streamed.putIfAbsent(event.path("data").path("reportId").asString(""), epochMillis());
							}
						}, error -> System.err.println("console bench's JVM stream failed: " + error));
						try {
							for (int rate : this.config.consoleRates()) {
								events.add(events(browser, cities, rate, streamed));
							}
						}
						finally {
							stream.dispose();
						}
					}
					browser.screenshot("board-after-events");
				}
				catch (RuntimeException | AssertionError ex) {
					ex.printStackTrace();
					try {
						browser.screenshot("failure");
						System.err.println(String.join("\n", browser.consoleLog()));
					}
					catch (RuntimeException screenshotFailed) {
						System.err.println("no screenshot of the failure: " + screenshotFailed);
					}
					failure = ex.toString();
				}
			}
		}
		long minutes = (System.nanoTime() - t0) / 60_000_000_000L;
		return new Result(started, loadBefore, Machine.load(), minutes, total, real, total - real, levels, bulkSeconds,
				version, cacheControl, loads, events, failure);
	}

	/**
	 * {@code total} open incidents through the intake in bulk (its batches), as an officer reports them: {@code real}
	 * real ones (two level I, a tenth of the rest level II, the others III and IV), the rest drills (1 % level I, 4 %
	 * level II, the others III and IV), spread over every county of the province at its seat.
	 */
	private static void fill(Hub hub, int total, int real, Map<String, Integer> levels) {
		List<double[]> seats = new ArrayList<>();
		List<String> counties = new ArrayList<>();
		seats(counties, seats);
		ReportingIncident reporting = hub.context().getBean(ReportingIncident.class);
		HubPrincipal me = new HubPrincipal(USER, HubPrincipal.Kind.OFFICER, Set.of(Role.DUTY_OFFICER), null, null,
				Instant.now().plus(2, ChronoUnit.HOURS));
		String occurred = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(45).withNano(0).toString();
		List<IncidentReport> reports = new ArrayList<>();
		for (int i = 0; i < total; i++) {
			boolean drill = i >= real;
			int k = drill ? i - real : i;
			String level = drill ? (k % 100 == 0 ? "I" : k % 25 == 1 ? "II" : k % 2 == 0 ? "III" : "IV")
					: (k < 2 ? "I" : k % 10 == 0 ? "II" : k % 2 == 0 ? "III" : "IV");
			levels.merge((drill ? "drill " : "real ") + level, 1, Integer::sum);
			int c = (int) ((i * 7L) % counties.size());
			double[] seat = seats.get(c);
			// a little apart, so that markers of one county do not sit on one pixel
			double lat = seat[0] + ((i % 11) - 5) * 0.004;
			double lon = seat[1] + ((i % 13) - 6) * 0.004;
			String title = (drill ? "Drill: " : "") + (k % 3 == 0 ? "Waterlogging" : k % 3 == 1 ? "Landslide" : "Fallen trees")
					+ " at site " + i;
			reports.add(new IncidentReport("bench-console-" + i, k % 3 == 1 ? "12" : "11", level, title,
					"Reported for the console benchmark", lat, lon, counties.get(c), occurred, drill, null));
		}
		List<String> ids = Flux.fromIterable(reports)
			.flatMapSequential(r -> reporting.report(me, r), 256)
			.map(receipt -> receipt.incidentId().toString())
			.collectList()
			.block(Duration.ofMinutes(10));
		if (ids == null || ids.size() != total) {
			throw new IllegalStateException("Only " + (ids == null ? 0 : ids.size()) + " of " + total + " reports stored");
		}
	}

	/** The county seats the console's map places counties at (its {@code map-areas.js}), Kinmen apart. */
	private static void seats(List<String> codes, List<double[]> seats) {
		String file = "/META-INF/resources/console/js/map-areas.js";
		try (InputStream in = ConsoleBench.class.getResourceAsStream(file)) {
			if (in == null) {
				throw new IllegalStateException("No " + file + " on the class path (the web-console module)");
			}
			Matcher m = Pattern.compile("code: '(\\d{6})', city: '\\d{6}', lat: ([0-9.]+), lon: ([0-9.]+)")
				.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			while (m.find()) {
				if (!m.group(1).equals("350527")) {
					codes.add(m.group(1));
					seats.add(new double[] { Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)) });
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (codes.size() < 80) {
			throw new IllegalStateException("Only " + codes.size() + " county seats read from " + file);
		}
	}

	/**
	 * One full load of the console at {@code #/<screen>} (from about:blank, so a real navigation, signed in by the
	 * session the tab keeps), the browser's HTTP cache cleared first when {@code cold}; waits for the screen's marks
	 * and a second more, then reads the marks, the transfers and the JS heap (before and after a collection).
	 */
	private static Paint load(Browser browser, Hub hub, String screen, boolean cold) {
		browser.driver().get("about:blank");
		if (cold) {
			browser.driver().executeCdpCommand("Network.clearBrowserCache", Map.of());
		}
		browser.open(hub, "/console/#/" + screen);
		List<String> wanted = screen.equals("map") ? List.of("mapFrame") : List.of("rowsFrame", "countersFrame");
		browser.waitUntil(() -> Boolean.TRUE.equals(browser.script(
				"const m = (window.__bench || {}).marks || {}; return arguments[0].every(k => k in m);", wanted)),
				Duration.ofSeconds(120), "the " + screen + "'s marks " + wanted);
		Pause.sleep(Duration.ofSeconds(1));
		@SuppressWarnings("unchecked")
		Map<String, Object> t = (Map<String, Object>) browser.script(TRANSFERS);
		@SuppressWarnings("unchecked")
		Map<String, Object> rawMarks = (Map<String, Object>) t.get("marks");
		Map<String, Double> marks = new LinkedHashMap<>();
		rawMarks.forEach((k, v) -> marks.put(k, ((Number) v).doubleValue()));
		long heap = heapUsed(browser);
		browser.driver().executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
		long heapAfterGc = heapUsed(browser);
		Paint load = new Paint(screen, cold, marks, num(t, "fcp"), lng(t, "transfer"), lng(t, "decoded"), lng(t, "requests"),
				lng(t, "apiTransfer"), lng(t, "apiDecoded"), lng(t, "apiRequests"), lng(t, "pictureTransfer"),
				lng(t, "pictureDecoded"), num(t, "pictureMs"), heap, heapAfterGc, lng(t, "rows"));
		System.out.println("console load: " + load);
		return load;
	}

	/**
	 * The page's main-thread counters of the DevTools protocol's Performance domain (seconds, cumulative since it was
	 * enabled).
	 */
	private static Map<String, Double> metrics(Browser browser) {
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> list = (List<Map<String, Object>>) browser.driver()
			.executeCdpCommand("Performance.getMetrics", Map.of())
			.get("metrics");
		Map<String, Double> metrics = new LinkedHashMap<>();
		for (Map<String, Object> m : list) {
			metrics.put((String) m.get("name"), ((Number) m.get("value")).doubleValue());
		}
		return metrics;
	}

	private static long heapUsed(Browser browser) {
		return ((Number) browser.driver().executeCdpCommand("Runtime.getHeapUsage", Map.of()).get("usedSize")).longValue();
	}

	private static double num(Map<String, Object> m, String key) {
		return ((Number) m.get(key)).doubleValue();
	}

	private static long lng(Map<String, Object> m, String key) {
		return ((Number) m.get(key)).longValue();
	}

	/** Epoch milliseconds, to the microsecond the JDK's clock gives. */
	private static double epochMillis() {
		Instant now = Instant.now();
		return now.getEpochSecond() * 1000.0 + now.getNano() / 1e6;
	}

	/**
	 * The page's clock minus this JVM's, from the script call with the shortest round trip of several
	 * ({@code [offset, half that round trip]}): the same machine's clock in both, but read through two APIs.
	 */
	private static double[] clockOffset(Browser browser) {
		double best = Double.MAX_VALUE;
		double offset = 0;
		for (int i = 0; i < 9; i++) {
			double before = epochMillis();
			double page = ((Number) browser.script("return performance.timeOrigin + performance.now();")).doubleValue();
			double after = epochMillis();
			if (after - before < best) {
				best = after - before;
				offset = page - (before + after) / 2;
			}
		}
		return new double[] { offset, best / 2 };
	}

	/**
	 * Reports at {@code rate} a second over the city link for long enough to send {@code bench.console.events}
	 * (at least {@code bench.measure} seconds), open loop: each report's latency runs from its intended send time, so a
	 * late sender is not hidden, and separately from its receipt's arrival here.
	 */
	private Events events(Browser browser, CityReports cities, int rate, Map<String, Double> streamed) {
		long seconds = Math.max(this.config.measure().toSeconds(), (this.config.consoleEvents() + rate - 1) / rate);
		double[] before = clockOffset(browser);
		Map<String, Double> metricsBefore = metrics(browser);
		double pageStart = ((Number) browser.script("return performance.now();")).doubleValue();
		long nanoBase = System.nanoTime();
		double wallBase = epochMillis();
		Map<String, double[]> sent = new ConcurrentHashMap<>();
		Map<String, String> reportIds = new ConcurrentHashMap<>();
		LongAdder refused = new LongAdder();
		String prefix = "-r" + rate;
		long count = Load.atRate(rate, Duration.ofSeconds(seconds), (i, at) -> {
			double intended = wallBase + (at - nanoBase) / 1e6;
			String reportId = cities.reportId(i) + prefix;
			cities.report((int) i, reportId).subscribe(receipt -> {
				double acknowledged = epochMillis();
				reportIds.put(receipt.get("incidentId").asString(), reportId);
				sent.put(receipt.get("incidentId").asString(), new double[] { intended, acknowledged });
			},
					error -> {
						refused.increment();
						System.err.println("console event refused: " + error);
					});
		}).block(Duration.ofSeconds(seconds).plusMinutes(2));
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (sent.size() + refused.sum() < count && System.nanoTime() < deadline) {
			Pause.sleep(Duration.ofMillis(100));
		}
		List<String> ids = List.copyOf(sent.keySet());
		// each row is given 30 s to appear after the last receipt
		deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline && ((Number) browser.script(
				"const b = window.__bench; return arguments[0].filter(id => !(id in b.frame)).length;", ids)).longValue() > 0) {
			Pause.sleep(Duration.ofMillis(250));
		}
		Map<String, Double> metricsAfter = metrics(browser);
		Map<String, Double> pageSeconds = new LinkedHashMap<>();
		for (String k : List.of("Timestamp", "TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration",
				"ThreadTime", "ProcessTime", "DevToolsCommandDuration", "LayoutCount", "RecalcStyleCount")) {
			if (metricsAfter.containsKey(k)) {
				pageSeconds.put(k, metricsAfter.get(k) - metricsBefore.getOrDefault(k, 0.0));
			}
		}
		@SuppressWarnings("unchecked")
		List<Number> longTasks = (List<Number>) browser.script("const from = arguments[0];"
				+ " const l = window.__bench.long.filter(e => e[0] >= from);"
				+ " return [l.length, l.reduce((n, e) => n + e[1], 0), l.reduce((n, e) => Math.max(n, e[1]), 0)];", pageStart);
		pageSeconds.put("LongTasks", longTasks.get(0).doubleValue());
		pageSeconds.put("LongTaskSeconds", longTasks.get(1).doubleValue() / 1000);
		pageSeconds.put("LongTaskMaxMs", longTasks.get(2).doubleValue());
		double[] after = clockOffset(browser);
		double offset = (before[0] + after[0]) / 2;
		double uncertainty = Math.max(before[1], after[1]) + Math.abs(before[0] - after[0]) / 2;
		@SuppressWarnings("unchecked")
		List<List<Object>> seen = (List<List<Object>>) browser.script(
				"const b = window.__bench; return arguments[0].map(id => [b.seen[id] ?? null, b.frame[id] ?? null]);", ids);
		long rows = ((Number) browser.script("return document.querySelectorAll(\"[data-testid='board-row']\").length;")).longValue();
		List<Double> fromSubmission = new ArrayList<>();
		List<Double> fromReceipt = new ArrayList<>();
		List<Double> toFrame = new ArrayList<>();
		List<Double> toStream = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			Double out = streamed.get(reportIds.get(ids.get(i)));
			if (out != null) {
				toStream.add(out - sent.get(ids.get(i))[0]);
			}
			Object dom = seen.get(i).get(0);
			Object frame = seen.get(i).get(1);
			double[] times = sent.get(ids.get(i));
			if (dom != null) {
				double at = ((Number) dom).doubleValue() - offset;
				fromSubmission.add(at - times[0]);
				fromReceipt.add(at - times[1]);
				if (frame != null) {
					toFrame.add(((Number) frame).doubleValue() - offset - times[0]);
				}
			}
		}
		Events result = new Events(rate, count, ids.size(), refused.sum(), fromSubmission.size(), sorted(fromSubmission),
				sorted(fromReceipt), sorted(toFrame), sorted(toStream), offset, uncertainty, rows, pageSeconds);
		System.out.printf("console events at %d/s: sent %d, acknowledged %d, refused %d, shown %d; submission → row %s; "
				+ "→ JVM console %s; clock offset %.2f ± %.2f ms; page %s%n", rate, count, ids.size(), refused.sum(),
				fromSubmission.size(), summary(result.fromSubmission()), summary(result.toStream()), offset, uncertainty, pageSeconds);
		Pause.sleep(Duration.ofSeconds(3));
		return result;
	}

	private static double[] sorted(List<Double> values) {
		double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(a);
		return a;
	}

	/** The nearest-rank percentile of sorted values. */
	static double percentile(double[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	static String summary(double[] sorted) {
		if (sorted.length == 0) {
			return "none";
		}
		return String.format("p50 %.1f / p95 %.1f / p99 %.1f / max %.1f ms", percentile(sorted, 50), percentile(sorted, 95),
				percentile(sorted, 99), sorted[sorted.length - 1]);
	}


	/** The command that measures this section alone. */
	static final String COMMAND = "./bench.sh -Dbench.only=console";

	/**
	 * This run's section of docs/benchmarks.md ({@code ## Console}): command, machine, conditions, the hub's data and
	 * the figures, between {@link Report#CONSOLE_START} and {@link Report#CONSOLE_END}.
	 */
	String section(Result r, Map<String, String> machine, String conditions) {
		StringBuilder md = new StringBuilder();
		md.append(Report.CONSOLE_START).append("\n## Console\n\n");
		md.append("The web console in a real Chromium on a hub holding ").append(String.format("%,d", r.open()))
			.append(" open incidents: the first paint of the board and of the map, and the time a city platform's report takes "
					+ "to appear on the board. Measured by `ConsoleBench` (same harness, own hub on the same durable PostgreSQL). "
					+ "No target is set for these figures (issue 18 asks that they be measured); they are what an officer waits.\n\n");
		md.append("```\n").append(COMMAND).append("\n```\n\n");
		md.append("Run alone (`bench.only=console`), it replaces only this section of the file and keeps every other figure "
				+ "as it was; a full run measures it with the rest; a run that does not measure it keeps this section as it is. "
				+ "Options: `bench.console.incidents` (`10000`), `bench.console.real` (`500`; the rest are drills), "
				+ "`bench.console.repeats` (`5`; loads of each screen, cold and warm), `bench.console.rates` (`1,50` reports/s), "
				+ "`bench.console.events` (`200`; at least this many reports per rate, and at least `bench.measure` seconds), "
				+ "`bench.quick` (2 loads, 30 events).\n\n");
		md.append("| | |\n|---|---|\n");
		md.append("| Date | ").append(r.started()).append(" (").append(r.minutes()).append(" min) |\n");
		machine.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n"));
		md.append("| Browser | ").append(r.browser()).append(" (Debian's, headless, through chromedriver and Selenium), window 1440×900, ")
			.append("on the same machine as the hub |\n");
		md.append("| Load average (1/5/15 min) | before ").append(r.loadBefore()).append(", after ").append(r.loadAfter()).append(" |\n");
		md.append("| Conditions | ").append(conditions.replace("|", "\\|")).append(" |\n");
		md.append("| The hub's data | ").append(String.format("%,d", r.open())).append(" open incidents, all `REPORTED`: ")
			.append(String.format("%,d", r.real())).append(" real, ").append(String.format("%,d", r.drills())).append(" drills; by level ")
			.append(r.levels()).append("; over every county but Kinmen at its seat; written through the intake in bulk in ")
			.append(String.format("%.1f s", r.bulkSeconds())).append(" |\n");
		md.append("| Settings | ").append(this.config.consoleRepeats()).append(" loads of each screen cold and warm, rates ")
			.append(this.config.consoleRates()).append(" reports/s, at least ").append(this.config.consoleEvents())
			.append(" reports and ").append(this.config.measure().toSeconds()).append(" s per rate, JIT warm-up ")
			.append(this.config.jitWarmup().toSeconds()).append(" s |\n\n");
		if (r.failure() != null) {
			md.append("**Not fully measured**: `").append(r.failure().replace("`", "'")).append("` (what was measured is below).\n\n");
		}
		md.append("### First paint at ").append(String.format("%,d", r.open())).append(" open incidents\n\n");
		md.append("Milliseconds from navigation start (the page's `performance.now()`), median and max of ")
			.append(this.config.consoleRepeats()).append(" loads each; the officer signed in (the tab's session), \"real only\" on "
					+ "(the default).\n\n");
		md.append("| From navigation start to | Cold cache: median | max | Warm cache: median | max |\n|---|---|---|---|---|\n");
		row(md, r, "Board: first contentful paint (the console's shell)", "board", p -> p.fcp());
		row(md, r, "Board: the first rows in the DOM", "board", p -> mark(p, "rows"));
		row(md, r, "Board: the first rows on screen", "board", p -> mark(p, "rowsFrame"));
		row(md, r, "Board: the counters on screen", "board", p -> mark(p, "countersFrame"));
		row(md, r, "Map: first contentful paint", "map", p -> p.fcp());
		row(md, r, "Map: markers and county aggregates drawn", "map", p -> mark(p, "mapFrame"));
		row(md, r, "`GET /api/incidents/picture` on the map (request to last byte)", "map", p -> p.pictureMs());
		md.append("\n| After the load (median, max) | Cold cache | Warm cache |\n|---|---|---|\n");
		for (String screen : List.of("board", "map")) {
			String name = screen.equals("board") ? "Board" : "Map";
			bytes(md, r, name + ": JS heap used", screen, p -> p.heapUsed(), 1024 * 1024, "MB");
			bytes(md, r, name + ": JS heap used after a garbage collection", screen, p -> p.heapAfterGc(), 1024 * 1024, "MB");
			bytes(md, r, name + ": bytes transferred, everything (HTTP, headers included)", screen, p -> p.transfer(), 1024, "KB");
			bytes(md, r, name + ": bytes transferred, API calls", screen, p -> p.apiTransfer(), 1024, "KB");
			bytes(md, r, name + ": API responses, decoded", screen, p -> p.apiDecoded(), 1024, "KB");
		}
		bytes(md, r, "`GET /api/incidents/picture`: transferred", "map", p -> p.pictureTransfer(), 1024, "KB");
		bytes(md, r, "`GET /api/incidents/picture`: decoded", "map", p -> p.pictureDecoded(), 1024, "KB");
		bytes(md, r, "Board: rows rendered", "board", p -> p.rows(), 1, "");
		md.append("\n### Event to screen\n\n");
		md.append("Reports by city platforms over the city link (RSocket TCP, 4 connections) at a steady rate (open loop) while the "
				+ "board is shown; milliseconds per report from its intended send time, and from its receipt's arrival at the "
				+ "platform, to its row in the board's DOM, and to the frame after.\n\n");
		md.append("| Rate | Reports (acknowledged / shown) | Submission → row in the DOM | Receipt → row in the DOM | Submission → row on screen | Submission → event at a console client in the JVM | Page's main thread busy (script / layout / style) | Clock offset page − JVM | Rows on the board after |\n");
		md.append("|---|---|---|---|---|---|---|---|---|\n");
		for (Events e : r.events()) {
			md.append("| ").append(e.rate()).append("/s | ").append(e.sent()).append(" (").append(e.acknowledged()).append(" / ")
				.append(e.shown()).append(e.refused() > 0 ? ", " + e.refused() + " refused" : "").append(") | ")
				.append(summary(e.fromSubmission())).append(" | ").append(summary(e.fromReceipt())).append(" | ")
				.append(summary(e.toFrame())).append(" | ").append(summary(e.toStream())).append(" | ")
				.append(busy(e.pageSeconds())).append(" | ")
				.append(String.format("%.2f ± %.2f ms", e.clockOffset(), e.clockUncertainty()))
				.append(" | ").append(e.rowsAfter()).append(" |\n");
		}
		md.append("\n`Cache-Control` the hub answers: ");
		md.append(String.join("; ", r.cacheControl().entrySet().stream().map(c -> "`" + c.getKey() + "` " + c.getValue()).toList()))
			.append(".\n");
		md.append("\n### How it was measured\n\n");
		md.append("""
				- **Marks in the page.** Before the console's own scripts, in every new document, the browser evaluates a \
				script of the harness (`Page.addScriptToEvaluateOnNewDocument`; the console's Content Security Policy does \
				not apply to it, and the console is unchanged). A `MutationObserver` notes when the first \
				`board-row`, the counter `board-counter-open`, and a ready `map-canvas` whose `incidents` and `aggregates` \
				layers are both non-empty appear in the DOM; *on screen* and *drawn* are the moment after the next frame \
				(a task queued from that frame's `requestAnimationFrame`, so after ECharts has drawn the canvas in that frame \
				and the frame has been painted). First contentful paint is the browser's own paint timing.
				- **Loads.** Each load navigates from `about:blank` to `/console/#/board` or `/console/#/map` (a full page \
				load; the session is the tab's). *Cold*: the browser's HTTP cache cleared first (`Network.clearBrowserCache`); \
				*warm*: the same load again at once. The console's files are served `no-cache`, so a warm load still \
				revalidates them. Bytes from the Resource Timing entries of the load (the live stream's WebSocket frames \
				not included); the heap from `Runtime.getHeapUsage` one second after the marks, and again after \
				`HeapProfiler.collectGarbage`.
				- **Event to screen.** The row's time is `performance.timeOrigin + performance.now()` in the page, the \
				report's times the JVM's wall clock (same machine); the offset between the two clocks is measured before \
				and after each rate by the script call with the shortest round trip and subtracted (± its uncertainty). \
				Each report is a new real level III incident; the board (real only, newest first, so each report \
				is a new first row; by level, the default order, a level III past the first page is behind "load more") \
				keeps the pages read and one page of live additions (issue 18's bounded board), so past 400 rows \
				each report's row enters at the top as the oldest row leaves at the bottom. A report's row counts \
				as not shown if it has not appeared 30 s after the last receipt. No warm-up is discarded: the loads \
				before it warmed the page and the hub. Beside the browser, a console client of the drill player's in the \
				harness's JVM (`ConsoleClient`, the same `events.stream` over WebSocket) follows the same stream: its \
				column is when the event left the hub, so the rest of the browser's time is the page's. The page's \
				main-thread time over each rate's window is from the DevTools protocol's `Performance.getMetrics` \
				(`TaskDuration`, `ScriptDuration`, `LayoutDuration`, `RecalcStyleDuration`; `ThreadTime`, the main \
				thread's CPU time, and `ProcessTime`, the renderer's, so that a thread waiting for a core on a busy \
				machine shows as such; `LayoutCount`, `RecalcStyleCount`; `DevToolsCommandDuration`, the harness's own \
				calls), after minus before, and the page's long tasks (a `PerformanceObserver` of `longtask`) in that window.
				- **The machine.** Browser, hub, PostgreSQL, Redis and harness share the machine's cores; the conditions \
				above say what else ran.
				""");
		md.append(Report.CONSOLE_END).append("\n");
		return md.toString();
	}

	/** The share of the wall clock the page's main thread ran tasks, and the seconds of script, layout and style. */
	private static String busy(Map<String, Double> s) {
		double wall = s.getOrDefault("Timestamp", 0.0);
		if (wall <= 0) {
			return "–";
		}
		String busy = String.format("%.0f %% of %.0f s (%.1f / %.1f / %.1f s)", 100 * s.getOrDefault("TaskDuration", 0.0) / wall, wall,
				s.getOrDefault("ScriptDuration", 0.0), s.getOrDefault("LayoutDuration", 0.0), s.getOrDefault("RecalcStyleDuration", 0.0));
		if (s.containsKey("ThreadTime")) {
			busy += String.format("; main thread on a CPU %.1f s, the renderer %.1f s", s.get("ThreadTime"), s.getOrDefault("ProcessTime", 0.0));
		}
		if (s.containsKey("LayoutCount")) {
			busy += String.format("; %.0f layouts, %.0f style recalculations", s.get("LayoutCount"), s.getOrDefault("RecalcStyleCount", 0.0));
		}
		if (s.containsKey("DevToolsCommandDuration")) {
			busy += String.format("; the harness's DevTools commands %.1f s", s.get("DevToolsCommandDuration"));
		}
		if (s.containsKey("LongTasks")) {
			busy += String.format("; %.0f long tasks (over 50 ms), %.1f s, the longest %.0f ms", s.get("LongTasks"),
					s.getOrDefault("LongTaskSeconds", 0.0), s.getOrDefault("LongTaskMaxMs", 0.0));
		}
		return busy;
	}

	private static double mark(Paint p, String key) {
		Double v = p.marks().get(key);
		return v == null ? Double.NaN : v;
	}

	private static double[] values(Result r, String screen, boolean cold, java.util.function.ToDoubleFunction<Paint> f) {
		double[] a = r.loads().stream().filter(p -> p.screen().equals(screen) && p.cold() == cold).mapToDouble(f)
			.filter(v -> !Double.isNaN(v) && v >= 0).toArray();
		Arrays.sort(a);
		return a;
	}

	private static void row(StringBuilder md, Result r, String name, String screen, java.util.function.ToDoubleFunction<Paint> f) {
		md.append("| ").append(name);
		for (boolean cold : new boolean[] { true, false }) {
			double[] a = values(r, screen, cold, f);
			md.append(" | ").append(a.length == 0 ? "–" : String.format("%.0f", median(a))).append(" | ")
				.append(a.length == 0 ? "–" : String.format("%.0f", a[a.length - 1]));
		}
		md.append(" |\n");
	}

	private static void bytes(StringBuilder md, Result r, String name, String screen, java.util.function.ToDoubleFunction<Paint> f,
			double unit, String suffix) {
		md.append("| ").append(name);
		for (boolean cold : new boolean[] { true, false }) {
			double[] a = values(r, screen, cold, f);
			String format = unit == 1 ? "%.0f" : "%.1f";
			md.append(" | ").append(a.length == 0 ? "–" : String.format(format + ", " + format + " %s", median(a) / unit,
					a[a.length - 1] / unit, suffix).strip());
		}
		md.append(" |\n");
	}

	private static double median(double[] sorted) {
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

}
