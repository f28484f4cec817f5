package cn.fj.emergency.command.video;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/** A consultation's participants see each other join and leave live; an uninvited city cannot join. */
class ConsultationSessionTest {

	static Hub hub;

	static String opener;

	static String incidentId;

	@BeforeAll
	static void startHub() {
		hub = Hub.cluster(1).get(0);
		opener = hub.officerToken(null, "COMMANDER");
		incidentId = post("/api/incidents", opener, Reports.xiamen("consult-1"), HttpStatus.OK).get("incidentId").asString();
	}

	@AfterAll
	static void stopHub() {
		hub.close();
	}

	static JsonNode post(String uri, String token, Object body, HttpStatus status) {
		return hub.postJson(uri, token, body, status.value());
	}

	static String username(String token) {
		return hub.getJson("/api/auth/me", token).get("subject").asString();
	}

	@Test
	void participantsSeeEachOtherJoinAndLeaveLive() {
		String expert = hub.officerToken(null, "DUTY_OFFICER");
		String expertName = "officer:" + username(expert);
		JsonNode session = post("/api/video/consultations", opener,
				Map.of("incidentId", incidentId, "title", "Hubin Road flooding", "cities", List.of("350200")), HttpStatus.CREATED);
		String id = session.get("id").asString();
		assertThat(session.get("status").asString()).isEqualTo("OPEN");
		assertThat(session.get("invitedCities").get(0).asString()).isEqualTo("350200");

		try (HubClient openerConsole = hub.console(opener); HubClient xiamen = hub.city("350200");
				HubClient fuzhou = hub.city("350100")) {
			// the invited city watches the session's steps as they happen (from the log's start, so nothing is missed
			// should the subscription attach after the first step)
			StepVerifier.create(xiamen.stream("events.stream", Map.of("after", 0, "streams", List.of("video")))
					.filter(e -> id.equals(e.get("subjectId").asString()))
					.map(e -> e.get("type").asString() + " " + participant(e))
					.take(5))
				.expectNext("consultation.opened -")
				.then(() -> post("/api/video/consultations/" + id + "/join", expert, Map.of(), HttpStatus.OK))
				.expectNext("consultation.joined " + expertName)
				.then(() -> xiamen.request("consultations.join", Map.of("sessionId", id)).block(Duration.ofSeconds(10)))
				.expectNext("consultation.joined city:350200")
				.then(() -> post("/api/video/consultations/" + id + "/leave", expert, Map.of(), HttpStatus.OK))
				.expectNext("consultation.left " + expertName)
				.then(() -> post("/api/video/consultations/" + id + "/close", opener, Map.of(), HttpStatus.OK))
				.expectNext("consultation.closed -")
				.verifyComplete();

			// the opener saw every step, from the opening on, in order
			StepVerifier.create(openerConsole.stream("events.stream", Map.of("after", 0, "streams", List.of("video")))
					.filter(e -> id.equals(e.get("subjectId").asString()))
					.map(e -> e.get("type").asString())
					.take(5))
				.expectNext("consultation.opened", "consultation.joined", "consultation.joined", "consultation.left",
						"consultation.closed")
				.verifyComplete();

			// an uninvited city cannot join, and a closed session takes no one
			StepVerifier.create(fuzhou.request("consultations.join", Map.of("sessionId", id)))
				.expectErrorSatisfies(error -> assertThat(HubClient.errorBody(error).get("code").asString())
					.isEqualTo("CONSULTATION_CLOSED"))
				.verify(Duration.ofSeconds(10));
		}
	}

	@Test
	void anUninvitedCityCannotJoinNorSeeTheSession() {
		JsonNode session = post("/api/video/consultations", opener,
				Map.of("incidentId", incidentId, "title", "Levee check", "cities", List.of("350200")), HttpStatus.CREATED);
		String id = session.get("id").asString();
		try (HubClient fuzhou = hub.city("350100"); HubClient xiamen = hub.city("350200")) {
			StepVerifier.create(fuzhou.request("consultations.join", Map.of("sessionId", id)))
				.expectErrorSatisfies(error -> assertThat(HubClient.errorBody(error).get("code").asString())
					.isEqualTo("CONSULTATION_NOT_INVITED"))
				.verify(Duration.ofSeconds(10));

			// once invited, it can; and the first session event Fuzhou ever sees is its own invitation
			post("/api/video/consultations/" + id + "/invitations", opener, Map.of("cities", List.of("350100")), HttpStatus.OK);
			JsonNode joined = fuzhou.request("consultations.join", Map.of("sessionId", id)).block(Duration.ofSeconds(10));
			assertThat(joined.get("participants").toString()).contains("city:350100");
			JsonNode left = fuzhou.request("consultations.leave", Map.of("sessionId", id)).block(Duration.ofSeconds(10));
			assertThat(left.get("participants").toString()).doesNotContain("city:350100");
			JsonNode first = fuzhou.stream("events.stream", Map.of("after", 0, "streams", List.of("video")))
				.filter(e -> id.equals(e.get("subjectId").asString()))
				.next()
				.block(Duration.ofSeconds(10));
			assertThat(first.get("type").asString()).isEqualTo("consultation.invited");
			assertThat(first.get("data").get("invitedCities").toString()).contains("350100");

			// Xiamen, invited at the opening, saw the opening
			JsonNode xiamenFirst = xiamen.stream("events.stream", Map.of("after", 0, "streams", List.of("video")))
				.filter(e -> id.equals(e.get("subjectId").asString()))
				.next()
				.block(Duration.ofSeconds(10));
			assertThat(xiamenFirst.get("type").asString()).isEqualTo("consultation.opened");
		}
	}

	@Test
	void openingIsRefusedWithoutAnIncidentOrForAnUnknownCity() {
		assertThat(post("/api/video/consultations", opener, Map.of("title", "x"), HttpStatus.BAD_REQUEST).get("field").asString())
			.isEqualTo("incidentId");
		assertThat(post("/api/video/consultations", opener,
				Map.of("incidentId", incidentId, "title", "x", "cities", List.of("359999")), HttpStatus.BAD_REQUEST)
			.get("code").asString()).isEqualTo("UNKNOWN_AREA");
		assertThat(post("/api/video/consultations", opener,
				Map.of("incidentId", "0193a0c4-0000-7000-8000-000000000000", "title", "x"), HttpStatus.NOT_FOUND)
			.get("field").asString()).isEqualTo("incidentId");
		String xiamen = hub.cityPlatformToken("350200").get("token").asString();
		assertThat(post("/api/video/consultations", xiamen, Map.of("incidentId", incidentId, "title", "x"), HttpStatus.FORBIDDEN)
			.get("code").asString()).isEqualTo("ACCESS_DENIED");
	}

	static String participant(JsonNode event) {
		JsonNode p = event.get("data").get("participant");
		return p == null || p.isNull() ? "-" : p.asString();
	}

}
