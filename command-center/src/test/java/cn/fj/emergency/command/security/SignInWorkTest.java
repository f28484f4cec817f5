package cn.fj.emergency.command.security;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import cn.fj.emergency.command.support.Hub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sign-in attempt costs exactly one bcrypt comparison, whether the username exists, the officer is
 * disabled, the password is wrong or too long for bcrypt: the answer's time does not tell which usernames exist.
 * The comparison never runs on an event loop thread. (Work is counted here, not time: timing is for benchmarks.)
 */
class SignInWorkTest {

	static Hub hub;

	static PasswordHashing hashing;

	static String disabled;

	@BeforeAll
	static void start() {
		Map<String, Object> settings = Hub.freshHubSettings();
		// the failures here come from one address, more than its default limit allows
		settings.put("hub.security.sign-in.max-failures-per-address", 1000);
		hub = Hub.start(settings);
		hashing = hub.context().getBean(PasswordHashing.class);
		String token = hub.officerToken(null, "DUTY_OFFICER");
		disabled = hub.getJson("/api/auth/me", token).get("subject").asString();
		hub.postJson("/api/admin/officers/" + disabled + "/disable", hub.adminToken(), Map.of(), 200);
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	@Test
	void everyRefusedSignInCostsExactlyOneHashComparison() {
		List<Map<String, String>> attempts = List.of(Map.of("username", "nobody-of-that-name", "password", "some-password"),
				Map.of("username", "admin", "password", "wrong-password"),
				Map.of("username", "admin", "password", "x".repeat(200)),
				Map.of("username", "nobody-of-that-name", "password", "x".repeat(200)),
				Map.of("username", disabled, "password", "wrong-password"));
		for (Map<String, String> attempt : attempts) {
			assertOneComparison(attempt, status -> assertThat(status).as(attempt.toString()).isEqualTo(401));
		}
		assertOneComparison(Map.of("username", disabled, "password", "officer-password"),
				status -> assertThat(status).isEqualTo(403));
		assertOneComparison(Map.of("username", "admin", "password", Hub.ADMIN_PASSWORD),
				status -> assertThat(status).isEqualTo(200));
		assertThat(hashing.verificationsOnEventLoop()).isZero();
	}

	@Test
	void manyConcurrentSignInsAreAllAnsweredAndNoneHashesOnTheEventLoop() {
		List<Integer> statuses = reactor.core.publisher.Flux.range(0, 32)
			.flatMap(i -> org.springframework.web.reactive.function.client.WebClient.create("http://127.0.0.1:" + hub.httpPort())
				.post()
				.uri("/api/auth/token")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("username", i % 2 == 0 ? "admin" : "nobody-" + i, "password",
						i % 2 == 0 ? Hub.ADMIN_PASSWORD : "wrong-password"))
				.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 32)
			.collectList()
			.block(java.time.Duration.ofSeconds(60));
		assertThat(statuses).hasSize(32).containsOnly(200, 401);
		assertThat(statuses.stream().filter(s -> s == 200)).hasSize(16);
		assertThat(hashing.verificationsOnEventLoop()).isZero();
	}

	private static void assertOneComparison(Map<String, String> attempt, Consumer<Integer> status) {
		long before = hashing.verifications();
		int answered = hub.http()
			.post()
			.uri("/api/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(attempt)
			.exchange()
			.expectBody()
			.returnResult()
			.getStatus()
			.value();
		status.accept(answered);
		assertThat(hashing.verifications() - before).as("comparisons for " + attempt).isEqualTo(1);
	}

}
