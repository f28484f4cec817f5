package cn.fj.emergency.command.warning;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.WarningContents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scope applies to warnings as to incidents: an officer confined to a city composes, reviews, publishes, updates and
 * cancels only warnings whose areas all lie within that city. And the authority an Update needs is that of the graver
 * of its colour and the colour of the warning it replaces.
 */
class WarningScopeAndAuthorityTest {

	static Hub hub;

	/** Province-wide officers. */
	static String author;

	static String secondOfficer;

	static String commander;

	/** Officers of Fuzhou (350100). */
	static String fuzhouAuthor;

	static String fuzhouReviewer;

	@BeforeAll
	static void startHub() {
		hub = Hub.start(Hub.freshHubSettings());
		author = hub.officerToken(null, "DUTY_OFFICER");
		secondOfficer = hub.officerToken(null, "DUTY_OFFICER");
		commander = hub.officerToken(null, "COMMANDER");
		fuzhouAuthor = hub.officerToken("350100", "DUTY_OFFICER");
		fuzhouReviewer = hub.officerToken("350100", "DUTY_OFFICER", "COMMANDER");
	}

	@AfterAll
	static void stopHub() {
		hub.close();
	}

	static Map<String, Object> content(String colour, List<String> codes) {
		return WarningContents.actual(colour, codes);
	}

	static WebTestClient.ResponseSpec post(String uri, String token, Object body) {
		return hub.http().post().uri(uri).headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	static JsonNode ok(WebTestClient.ResponseSpec response) {
		return response.expectStatus().is2xxSuccessful().expectBody(JsonNode.class).returnResult().getResponseBody();
	}

	static void refused(WebTestClient.ResponseSpec response, int status, String code) {
		response.expectStatus().isEqualTo(status).expectBody().jsonPath("$.code").isEqualTo(code);
	}

	static String submitted(String token, Map<String, Object> content) {
		String id = ok(post("/api/warnings", token, content)).get("identifier").asString();
		ok(post("/api/warnings/" + id + "/submit", token, Map.of()));
		return id;
	}

	static String state(String id) {
		return hub.getJson("/api/warnings/" + id, author).get("state").asString();
	}

	@Test
	void aCityOfficerComposesWarningsWithinTheirCityOnly() {
		assertThat(ok(post("/api/warnings", fuzhouAuthor, content("yellow", List.of("350102")))).get("state").asString())
			.isEqualTo("DRAFT");

		refused(post("/api/warnings", fuzhouAuthor, content("yellow", List.of("350203"))), 403, "AREA_OUTSIDE_CITY");
		refused(post("/api/warnings", fuzhouAuthor, content("yellow", List.of("350000"))), 403, "AREA_OUTSIDE_CITY");
		refused(post("/api/warnings", fuzhouAuthor, content("yellow", List.of("350102", "350203"))), 403,
				"AREA_OUTSIDE_CITY");
		// nor by revising a draft of their city into one of another
		String draft = ok(post("/api/warnings", fuzhouAuthor, content("yellow", List.of("350102")))).get("identifier")
			.asString();
		refused(hub.http().put().uri("/api/warnings/" + draft).headers(h -> h.setBearerAuth(fuzhouAuthor))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(content("yellow", List.of("350000"))).exchange(), 403,
				"AREA_OUTSIDE_CITY");
		assertThat(hub.getJson("/api/warnings/" + draft, author).get("countyCodes").toString()).contains("350102")
			.doesNotContain("350203");
	}

	@Test
	void aCityOfficerNeitherReviewsNorPublishesAnotherCitysOrTheProvincesWarning() {
		String xiamen = submitted(author, content("yellow", List.of("350203")));
		refused(post("/api/warnings/" + xiamen + "/approve", fuzhouReviewer, Map.of()), 403, "AREA_OUTSIDE_CITY");
		refused(post("/api/warnings/" + xiamen + "/reject", fuzhouReviewer, Map.of("comment", "no")), 403,
				"AREA_OUTSIDE_CITY");
		assertThat(state(xiamen)).isEqualTo("SUBMITTED");
		ok(post("/api/warnings/" + xiamen + "/approve", secondOfficer, Map.of()));
		refused(post("/api/warnings/" + xiamen + "/publish", fuzhouReviewer, Map.of()), 403, "AREA_OUTSIDE_CITY");
		assertThat(state(xiamen)).isEqualTo("APPROVED");

		String province = submitted(author, content("yellow", List.of("350000")));
		refused(post("/api/warnings/" + province + "/approve", fuzhouReviewer, Map.of()), 403, "AREA_OUTSIDE_CITY");

		// their own city's: reviewed and published by them
		String fuzhou = submitted(fuzhouAuthor, content("yellow", List.of("350102")));
		ok(post("/api/warnings/" + fuzhou + "/approve", fuzhouReviewer, Map.of()));
		assertThat(ok(post("/api/warnings/" + fuzhou + "/publish", fuzhouAuthor, Map.of())).get("state").asString())
			.isEqualTo("PUBLISHED");
	}

	@Test
	void aCityOfficerUpdatesAndCancelsOnlyTheirCitysWarningsAndNeverWidensThem() {
		String xiamen = submitted(author, content("yellow", List.of("350203")));
		ok(post("/api/warnings/" + xiamen + "/approve", secondOfficer, Map.of()));
		ok(post("/api/warnings/" + xiamen + "/publish", author, Map.of()));
		refused(post("/api/warnings/" + xiamen + "/update", fuzhouAuthor, content("blue", List.of("350203"))), 403,
				"AREA_OUTSIDE_CITY");
		refused(post("/api/warnings/" + xiamen + "/cancel", fuzhouAuthor, Map.of()), 403, "AREA_OUTSIDE_CITY");

		String fuzhou = submitted(fuzhouAuthor, content("yellow", List.of("350102")));
		ok(post("/api/warnings/" + fuzhou + "/approve", fuzhouReviewer, Map.of()));
		ok(post("/api/warnings/" + fuzhou + "/publish", fuzhouAuthor, Map.of()));
		refused(post("/api/warnings/" + fuzhou + "/update", fuzhouAuthor, content("yellow", List.of("350102", "350203"))),
				403, "AREA_OUTSIDE_CITY");
		JsonNode cancel = ok(post("/api/warnings/" + fuzhou + "/cancel", fuzhouAuthor, Map.of()));
		assertThat(cancel.get("msgType").asString()).isEqualTo("Cancel");
	}

	@Test
	void anUpdateLoweringARedWarningIsReviewedByACommander() {
		String red = submitted(author, content("red", List.of("350102")));
		ok(post("/api/warnings/" + red + "/approve", commander, Map.of()));
		ok(post("/api/warnings/" + red + "/publish", author, Map.of()));

		String update = ok(post("/api/warnings/" + red + "/update", author, content("yellow", List.of("350102"))))
			.get("identifier").asString();
		ok(post("/api/warnings/" + update + "/submit", author, Map.of()));
		refused(post("/api/warnings/" + update + "/approve", secondOfficer, Map.of()), 403, "WARNING_COMMANDER_REQUIRED");
		refused(post("/api/warnings/" + update + "/reject", secondOfficer, Map.of("comment", "no")), 403,
				"WARNING_COMMANDER_REQUIRED");
		assertThat(state(update)).isEqualTo("SUBMITTED");

		ok(post("/api/warnings/" + update + "/approve", commander, Map.of()));
		ok(post("/api/warnings/" + update + "/publish", author, Map.of()));
		assertThat(state(red)).isEqualTo("UPDATED");
	}

	@Test
	void anUpdateOfAYellowWarningIsReviewedByADutyOfficer() {
		String yellow = submitted(author, content("yellow", List.of("350102")));
		ok(post("/api/warnings/" + yellow + "/approve", secondOfficer, Map.of()));
		ok(post("/api/warnings/" + yellow + "/publish", author, Map.of()));
		String update = ok(post("/api/warnings/" + yellow + "/update", author, content("blue", List.of("350102"))))
			.get("identifier").asString();
		ok(post("/api/warnings/" + update + "/submit", author, Map.of()));
		assertThat(ok(post("/api/warnings/" + update + "/approve", secondOfficer, Map.of())).get("state").asString())
			.isEqualTo("APPROVED");
	}

}
