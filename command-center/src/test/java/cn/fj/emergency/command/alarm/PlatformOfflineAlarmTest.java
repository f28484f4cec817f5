package cn.fj.emergency.command.alarm;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A city platform going offline raises an alarm: presence lives in Redis and has no events, so the hub compares it
 * with the platforms it last saw online. A platform never seen online raises none; one that comes back and goes again
 * raises a second one.
 */
class PlatformOfflineAlarmTest {

	static final Duration WAIT = Duration.ofSeconds(20);

	static Hub hub;

	static String officer;

	@BeforeAll
	static void start() {
		Map<String, Object> settings = Hub.freshHubSettings();
		settings.put("hub.alarms.presence-interval", "1s");
		hub = Hub.start(settings);
		officer = hub.dutyOfficerToken();
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	static long offlineAlarms(String city) {
		long n = 0;
		for (JsonNode alarm : hub.getJson("/api/alarms", officer)) {
			if (alarm.path("kind").asString().equals("PLATFORM_OFFLINE") && alarm.path("cityCode").asString().equals(city)) {
				n++;
			}
		}
		return n;
	}

	static boolean recordedOnline(String city) {
		DatabaseClient db = hub.context().getBean(DatabaseClient.class);
		return Boolean.TRUE.equals(db.sql("select online from platform_presence where city_code = $1")
			.bind(0, city)
			.map(r -> r.get(0, Boolean.class))
			.one()
			.block(WAIT));
	}

	static void waitUntil(Callable<Boolean> condition, String what) {
		Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(condition);
	}

	@Test
	void aPlatformWhoseConnectionsAllEndRaisesAnAlarmEachTimeItGoesOffline() {
		try (HubClient putian = hub.city("350300")) {
			putian.request("incidents.list", Map.of()).onErrorComplete().block(WAIT);
			waitUntil(() -> recordedOnline("350300"), "Putian recorded online");
			assertThat(offlineAlarms("350300")).isZero();
		}
		waitUntil(() -> offlineAlarms("350300") == 1, "the offline alarm");
		assertThat(offlineAlarms("350400")).as("a platform never seen online").isZero();

		try (HubClient putian = hub.city("350300")) {
			putian.request("incidents.list", Map.of()).onErrorComplete().block(WAIT);
			waitUntil(() -> recordedOnline("350300"), "Putian back online");
		}
		waitUntil(() -> offlineAlarms("350300") == 2, "the second offline alarm");
	}

}
