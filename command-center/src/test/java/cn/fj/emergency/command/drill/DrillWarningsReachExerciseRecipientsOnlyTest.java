package cn.fj.emergency.command.drill;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.WarningContents;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Pause;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A drill is no way around dual control and never reaches the public: its (Exercise) warnings are delivered to
 * recipients for exercises only, never to a real one of the same area, and only a commander starts a drill that
 * publishes warnings (an administrator without the role is refused before anything is played).
 */
class DrillWarningsReachExerciseRecipientsOnlyTest {

	static final Duration WAIT = Duration.ofSeconds(60);

	static Hub hub;

	static String admin;

	static String miniScenario;

	@BeforeAll
	static void startHub() throws Exception {
		Map<String, Object> settings = new HashMap<>(Hub.freshHubSettings());
		settings.put("hub.channels.worker.poll-interval", "100ms");
		hub = Hub.start(settings);
		admin = hub.adminToken();
		try (var in = DrillWarningsReachExerciseRecipientsOnlyTest.class.getClassLoader()
			.getResourceAsStream("drills/mini-drill.json")) {
			miniScenario = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@AfterAll
	static void stopHub() {
		hub.close();
	}

	/** A webhook endpoint on this machine keeping the bodies it was sent. */
	static final class Endpoint implements AutoCloseable {

		final List<String> bodies = new CopyOnWriteArrayList<>();

		final DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> request.receive().aggregate().asString(StandardCharsets.UTF_8)
				.defaultIfEmpty("")
				.flatMap(body -> {
					this.bodies.add(body);
					return response.status(204).send().then();
				}))
			.bindNow();

		String url() {
			return "http://127.0.0.1:" + this.server.port() + "/hook";
		}

		@Override
		public void close() {
			this.server.disposeNow();
		}

	}

	static JsonNode subscribe(String name, String url, boolean exercises) {
		Map<String, Object> request = new HashMap<>(Map.of("channel", "WEBHOOK", "name", name, "address", url, "secret",
				"webhook-secret-0123456789", "areas", List.of("350200")));
		if (exercises) {
			request.put("exercises", true);
		}
		return hub.postJson("/api/admin/channels/subscriptions", admin, request, 201);
	}

	@Test
	void aDrillsWarningsReachTheExerciseRecipientAndNeverTheRealOne() {
		try (Endpoint real = new Endpoint(); Endpoint exercise = new Endpoint()) {
			assertThat(subscribe("Xiamen broadcaster", real.url(), false).path("exercises").asBoolean()).isFalse();
			assertThat(subscribe("Xiamen training room", exercise.url(), true).path("exercises").asBoolean()).isTrue();

			String commander = hub.officerToken(null, "COMMANDER");
			JsonNode started = hub.postJson("/api/drills", commander,
					Map.of("scenario", HubClient.JSON.readTree(miniScenario), "timeScale", 12), 201);
			JsonNode drill = awaitEnd(started.path("id").asString(), commander);
			assertThat(drill.path("state").asString()).as(drill.toString()).isEqualTo("FINISHED");
			assertThat(drill.path("report").path("warnings").path("published").asLong()).isEqualTo(2);

			// both drill warnings cover Xiamen: the exercise recipient gets them, the real one nothing
			Awaitility.await().atMost(WAIT).until(() -> exercise.bodies.size() >= 2);
			assertThat(exercise.bodies).allSatisfy(body -> assertThat(body).contains("<status>Exercise</status>"));
			assertThat(real.bodies).isEmpty();

			// and a real warning for Xiamen reaches the real recipient, not the exercise one
			String actual = publishActual(commander);
			Awaitility.await().atMost(WAIT).until(() -> !real.bodies.isEmpty());
			assertThat(real.bodies).singleElement().satisfies(body -> assertThat(body)
				.contains("<identifier>" + actual + "</identifier>", "<status>Actual</status>"));
			Pause.sleep(Duration.ofMillis(500));
			assertThat(exercise.bodies).noneMatch(body -> body.contains(actual));
		}
	}

	@Test
	void anAdministratorWithoutTheCommanderRoleCannotStartADrillThatPublishesWarnings() throws Exception {
		int drills = hub.getJson("/api/drills", admin).size();
		int tokens = hub.getJson("/api/admin/service-tokens", admin).size();

		JsonNode refused = hub.postJson("/api/drills", admin,
				Map.of("scenario", HubClient.JSON.readTree(miniScenario), "timeScale", 12), 403);

		assertThat(refused.path("code").asString()).isEqualTo("ACCESS_DENIED");
		assertThat(refused.path("detail").asString()).contains("COMMANDER");
		assertThat(refused.path("missingRole").asString()).isEqualTo("COMMANDER");
		// nothing was started, recorded or played
		assertThat(hub.getJson("/api/drills", admin).size()).isEqualTo(drills);
		assertThat(hub.getJson("/api/admin/service-tokens", admin).size()).isEqualTo(tokens);
	}

	private static String publishActual(String reviewer) {
		String author = hub.officerToken(null, "DUTY_OFFICER");
		return WarningContents.published(hub, author, reviewer, WarningContents.actual("yellow", List.of("350203")));
	}

	private static JsonNode awaitEnd(String id, String token) {
		Instant until = Instant.now().plus(Duration.ofSeconds(120));
		while (Instant.now().isBefore(until)) {
			JsonNode drill = hub.getJson("/api/drills/" + id, token);
			if (!"RUNNING".equals(drill.path("state").asString())) {
				return drill;
			}
			Pause.sleep(Duration.ofMillis(500));
		}
		throw new AssertionError("Drill " + id + " did not end");
	}

}
