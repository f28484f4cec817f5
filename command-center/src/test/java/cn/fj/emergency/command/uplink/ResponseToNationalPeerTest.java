package cn.fj.emergency.command.uplink;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A level Ⅱ response of an exercise event reaches a real RSocket peer standing for the national platform, marked
 * exercise and carrying the signed change; a Ⅳ activation and a lowering do not.
 */
class ResponseToNationalPeerTest {

	static NationalPeerStub peer;

	static Hub hub;

	@BeforeAll
	static void start() {
		peer = NationalPeerStub.started();
		hub = Hub.start(Escalations.settings(peer));
	}

	@AfterAll
	static void stop() {
		hub.close();
		peer.close();
	}

	@Test
	void anExerciseResponseActivatedAtIiIsForwardedMarkedExercise() {
		String commander = hub.officerToken(null, "COMMANDER");
		Map<String, Object> event = Map.of("category", "1201", "nameZh", "演练：台风过程", "cities", List.of("350900"),
				"exercise", true, "startsAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0).toString());
		String eventId = hub.postJson("/api/disaster-events", commander, event, 200).get("id").asString();
		String quiet = hub.postJson("/api/disaster-events", commander, Map.of("category", "1101", "nameZh", "演练：洪水",
				"cities", List.of("350100"), "exercise", true), 200).get("id").asString();
		hub.postJson("/api/disaster-events/" + quiet + "/response/activate", commander,
				Map.of("level", "RESPONSE_IV", "reason", "Drill: flood Ⅳ"), 200);
		JsonNode activated = hub.postJson("/api/disaster-events/" + eventId + "/response/activate", commander,
				Map.of("level", "RESPONSE_II", "reason", "Drill: red typhoon warning"), 200);
		hub.postJson("/api/disaster-events/" + eventId + "/response/lower", commander,
				Map.of("level", "RESPONSE_III", "reason", "Drill: weakened"), 200);

		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (peer.requestsFor(eventId).isEmpty() && System.nanoTime() < deadline) {
			LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
		}
		// a moment more, for anything that should not come
		LockSupport.parkNanos(Duration.ofMillis(1000).toNanos());
		List<JsonNode> requests = peer.requestsFor(eventId);
		assertThat(requests).hasSize(1);
		JsonNode request = requests.get(0);
		assertThat(request.get("kind").asString()).isEqualTo("RESPONSE_ACTIVATED");
		assertThat(request.get("level").asString()).isEqualTo("II");
		assertThat(request.get("previousLevel").isNull()).isTrue();
		assertThat(request.get("cityCode").asString()).isEqualTo("350900");
		assertThat(request.get("exercise").asBoolean()).isTrue();
		assertThat(request.get("reason").asString()).isEqualTo("Drill: red typhoon warning");
		assertThat(request.get("response").get("jws").asString())
			.isEqualTo(activated.get("changes").get(0).get("jws").asString());
		assertThat(request.get("response").get("level").asString()).isEqualTo("RESPONSE_II");
		assertThat(peer.requestsFor(quiet)).isEmpty();
	}

}
