package cn.fj.emergency.command.citylink;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Officers see which city platforms are connected now, whichever instance they are connected to. */
class PresenceTest {

	static List<Hub> hubs;

	static String officer;

	@BeforeAll
	static void startTwoInstances() {
		hubs = Hub.cluster(2);
		officer = hubs.get(1).dutyOfficerToken();
	}

	@AfterAll
	static void stop() {
		hubs.forEach(Hub::close);
	}

	static JsonNode presence() {
		return hubs.get(1).getJson("/api/presence", officer);
	}

	static boolean anyMatch(JsonNode entries, Predicate<JsonNode> test) {
		return entries.valueStream().anyMatch(test);
	}

	/** Presence is written after the connection is accepted, and cleared after it closes: wait, bounded. */
	static JsonNode awaitPresence(Predicate<JsonNode> until) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		JsonNode entries = presence();
		while (!until.test(entries) && System.nanoTime() < deadline) {
			entries = presence();
		}
		return entries;
	}

	@Test
	@SuppressWarnings("try") // the platform is connected for the try block's length: that is what is tested
	void aConnectedCityPlatformIsPresentOnEveryInstanceUntilItDisconnects() {
		Predicate<JsonNode> xiamen = e -> "350200".equals(e.path("cityCode").asString(null))
				&& "SERVICE".equals(e.path("kind").asString());
		JsonNode entries;
		try (HubClient platform = hubs.get(0).city("350200")) {
			entries = awaitPresence(all -> anyMatch(all, xiamen));
			assertThat(anyMatch(entries, xiamen)).as(entries.toString()).isTrue();
		}
		entries = awaitPresence(all -> !anyMatch(all, xiamen));
		assertThat(anyMatch(entries, xiamen)).as(entries.toString()).isFalse();
	}

	@Test
	void cityPlatformsMayNotSeeWhoIsConnected() {
		hubs.get(0).http()
			.get()
			.uri("/api/presence")
			.headers(h -> h.setBearerAuth(hubs.get(0).cityPlatformToken("350200").get("token").asString()))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

}
