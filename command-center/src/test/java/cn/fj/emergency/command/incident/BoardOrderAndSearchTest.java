package cn.fj.emergency.command.incident;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.BulkReports;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's triage over the whole hub, not a page: GET /api/incidents sorted by level then age, or by age alone,
 * paged by keyset without a row twice or missed, and searched (q) by title, county name, id and source, on the
 * server, together with the filters.
 */
class BoardOrderAndSearchTest {

	static Hub hub;

	static IncidentApi api;

	static String officer;

	/** every open incident of the test: id → level */
	static final Map<String, String> open = new java.util.HashMap<>();

	static String needle;

	static String closed;

	static String fromHotline;

	@BeforeAll
	static void start() {
		hub = Hub.start(Hub.freshHubSettings());
		api = new IncidentApi(hub);
		officer = hub.dutyOfficerToken();
		// the needle first (the oldest): a real level III in Tong'an whose title nothing else shares
		Map<String, Object> first = Reports.report("needle", "350212");
		first.put("title", "Landslide blocks the Lianhua road");
		needle = api.post("/api/incidents", officer, first, 200).get("incidentId").asString();
		open.put(needle, "III");
		List<Map<String, Object>> reports = new ArrayList<>();
		String[] levels = { "IV", "III", "II", "IV", "I" };
		for (int i = 0; i < 240; i++) {
			Map<String, Object> report = Reports.report("bulk-" + i, "350203");
			report.put("level", levels[i % levels.length]);
			report.put("exercise", i % 3 != 0);
			reports.add(report);
		}
		List<String> ids = BulkReports.report(hub, officer, reports);
		for (int i = 0; i < ids.size(); i++) {
			open.put(ids.get(i), levels[i % levels.length]);
		}
		closed = ids.get(ids.size() - 1);
		api.post("/api/incidents/" + closed + "/status", officer, Map.of("status", "DISMISSED", "reason", "false alarm"), 200);
		open.remove(closed);
		String hotline = api.serviceToken("hotline-110-board", "INTAKE_SYSTEM", null).get("token").asString();
		Map<String, Object> call = Reports.report("call-1", "350203");
		call.put("source", Map.of("kind", "CALL_110", "reference", "110-BOARD-7731"));
		fromHotline = api.post("/api/incidents", hotline, call, 200).get("incidentId").asString();
		open.put(fromHotline, "III");
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	/** Every page of the search, following next; checks that no page holds more than asked for. */
	static List<JsonNode> all(String query, int size) {
		List<JsonNode> rows = new ArrayList<>();
		String before = null;
		int pages = 0;
		do {
			JsonNode page = get("/api/incidents?" + query + "&size=" + size + (before == null ? "" : "&before=" + enc(before)));
			assertThat(page.get("items").size()).isLessThanOrEqualTo(size);
			page.get("items").forEach(rows::add);
			before = page.get("next").isNull() ? null : page.get("next").asString();
			assertThat(++pages).isLessThan(1000);
		}
		while (before != null);
		return rows;
	}

	static List<String> ids(List<JsonNode> rows) {
		return rows.stream().map(r -> r.get("id").asString()).toList();
	}

	@Test
	void byLevelThenAgeEveryOpenIncidentOnceLevelOneFirstOldestFirstWithinALevel() {
		List<JsonNode> rows = all("open=true&sort=level", 37);
		assertThat(ids(rows)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(open.keySet());
		Comparator<String> triage = Comparator.<String, String>comparing(open::get).thenComparing(Comparator.naturalOrder());
		assertThat(ids(rows)).isSortedAccordingTo(triage);
		assertThat(rows.get(0).get("level").asString()).isEqualTo("I");
		// the needle is the oldest level III: first of its level, far beyond the first page of the newest
		int firstThree = ids(rows).indexOf(needle);
		assertThat(rows.get(firstThree - 1).get("level").asString()).isEqualTo("II");
		assertThat(ids(all("open=true", 200)).subList(0, 200)).doesNotContain(needle);
	}

	@Test
	void byAgeAloneOldestFirstAndNewestFirstByDefault() {
		List<String> oldest = ids(all("open=true&sort=age", 50));
		assertThat(oldest).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(open.keySet()).isSorted();
		assertThat(oldest.get(0)).isEqualTo(needle);
		List<String> newest = ids(all("open=true", 50));
		assertThat(newest).isSortedAccordingTo(Comparator.reverseOrder()).containsExactlyInAnyOrderElementsOf(open.keySet());
		assertThat(ids(all("open=true&sort=newest", 50))).isEqualTo(newest);
	}

	@Test
	void filtersHoldInEveryOrder() {
		List<JsonNode> real = all("open=true&exercise=false&sort=level&level=III&level=IV", 20);
		assertThat(real).isNotEmpty().allSatisfy(r -> {
			assertThat(r.get("exercise").asBoolean()).isFalse();
			assertThat(r.get("level").asString()).isIn("III", "IV");
		});
		assertThat(ids(real)).contains(needle);
		assertThat(ids(all("sort=level", 200))).contains(closed);
		assertThat(ids(all("open=true&sort=level", 200))).doesNotContain(closed);
	}

	@Test
	void searchFindsByTitleCountyNameIdAndSourceAcrossTheWholeHub() {
		// title, any case, a part of it
		assertThat(ids(all("open=true&sort=level&q=" + enc("lianhua ROAD"), 200))).containsExactly(needle);
		// the county's name in Chinese and in English (Tong'an district, 350212), and its code
		assertThat(ids(all("open=true&q=" + enc("同安"), 200))).containsExactly(needle);
		assertThat(ids(all("open=true&q=" + enc("tong'an"), 200))).containsExactly(needle);
		assertThat(ids(all("q=350212", 200))).containsExactly(needle);
		// the start of an id
		assertThat(ids(all("q=" + needle.substring(0, 13), 200))).contains(needle);
		// the call centre's reference, and the source as a filter
		assertThat(ids(all("q=" + enc("board-7731"), 200))).containsExactly(fromHotline);
		assertThat(ids(all("source=CALL_110", 200))).containsExactly(fromHotline);
		assertThat(all("source=OFFICER&open=true", 200)).hasSize(open.size() - 1);
		// LIKE's wildcards are plain characters, and a search matching nothing answers an empty page
		assertThat(all("q=" + enc("%"), 200)).isEmpty();
		assertThat(all("q=" + enc("_andslide"), 200)).isEmpty();
		// search and filters together: the needle is real, not a drill
		assertThat(all("q=" + enc("同安") + "&exercise=true", 200)).isEmpty();
		// the city's name finds all its incidents (Xiamen: every one of the test)
		Set<String> xiamen = new HashSet<>(ids(all("open=true&q=" + enc("厦门"), 200)));
		assertThat(xiamen).isEqualTo(open.keySet());
	}

	@Test
	void badOrdersCursorsAndSearchesAreRefusedByName() {
		assertThat(api.get("/api/incidents?sort=priority", officer, 400).get("field").asString()).isEqualTo("sort");
		assertThat(api.get("/api/incidents?sort=level&before=" + needle, officer, 400).get("field").asString()).isEqualTo("before");
		assertThat(api.get("/api/incidents?sort=level&before=V:" + needle, officer, 400).get("field").asString()).isEqualTo("before");
		assertThat(api.get("/api/incidents?source=PIGEON", officer, 400).get("field").asString()).isEqualTo("source");
		assertThat(api.get("/api/incidents?q=" + "x".repeat(101), officer, 400).get("field").asString()).isEqualTo("q");
	}

	/** A query value percent-encoded (a space as %20: the hub does not read + as a space). */
	static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** GET of an encoded URI as it is (the test client would encode its % again). */
	static JsonNode get(String encoded) {
		return hub.http()
			.get()
			.uri(URI.create("http://127.0.0.1:" + hub.httpPort() + encoded))
			.headers(h -> h.setBearerAuth(officer))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

}
