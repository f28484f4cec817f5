package cn.fj.emergency.command.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failed sign-ins are counted per username and per client address across the instances of one hub (in Redis):
 * past the limit, sign-in is refused with SIGN_IN_THROTTLED and a Retry-After, the right password too, until the
 * window passes. The hub trusts 127.0.0.1 as a proxy here, so that each test comes from its own address (its
 * X-Forwarded-For) and the suite's own sign-ins (from 127.0.0.1 itself) are not throttled by them.
 */
class SignInThrottlingTest {

	static final int PER_USER = 3;

	static final int PER_ADDRESS = 6;

	/** Long enough for a loaded machine to make a test's attempts within one window. */
	static final Duration WINDOW = Duration.ofSeconds(20);

	static final AtomicInteger ADDRESSES = new AtomicInteger(10);

	static List<Hub> hubs;

	@BeforeAll
	static void startTwoInstances() {
		Map<String, Object> settings = Hub.freshHubSettings();
		settings.put("hub.security.sign-in.max-failures-per-user", PER_USER);
		settings.put("hub.security.sign-in.max-failures-per-address", PER_ADDRESS);
		settings.put("hub.security.sign-in.failure-window", WINDOW.getSeconds() + "s");
		settings.put("hub.security.sign-in.trusted-proxies", "127.0.0.1");
		hubs = List.of(Hub.start(settings), Hub.start(settings));
	}

	@AfterAll
	static void stop() {
		hubs.forEach(Hub::close);
	}

	@Test
	void wrongPasswordsOnAnyInstanceLockTheUsernameAgainstTheRightPasswordTooUntilTheWindowPasses() {
		String officer = officer();
		String from = newAddress();
		for (int i = 0; i < PER_USER; i++) {
			signIn(hubs.get(i % 2), officer, "wrong-password", from).expectStatus().isUnauthorized();
		}

		EntityExchangeResult<JsonNode> refused = signIn(hubs.get(1), officer, "officer-password", newAddress())
			.expectStatus()
			.isEqualTo(429)
			.expectBody(JsonNode.class)
			.returnResult();
		JsonNode body = refused.getResponseBody();
		assertThat(body.get("code").asString()).isEqualTo("SIGN_IN_THROTTLED");
		assertThat(body.get("retryable").asBoolean()).isTrue();
		long retryAfter = body.get("retryAfterSeconds").asLong();
		assertThat(retryAfter).isBetween(1L, WINDOW.getSeconds());
		assertThat(refused.getResponseHeaders().getFirst("Retry-After")).isEqualTo(Long.toString(retryAfter));

		await().atMost(WINDOW.multipliedBy(2))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> signIn(hubs.get(0), officer, "officer-password", newAddress()).expectBody()
				.returnResult()
				.getStatus()
				.value() == 200);
	}

	@Test
	void aSuccessfulSignInForgetsTheUsernamesFailures() {
		String officer = officer();
		for (int round = 0; round < 3; round++) {
			String from = newAddress();
			for (int i = 0; i < PER_USER - 1; i++) {
				signIn(hubs.get(i % 2), officer, "wrong-password", from).expectStatus().isUnauthorized();
			}
			signIn(hubs.get(round % 2), officer, "officer-password", from).expectStatus().isOk();
		}
	}

	@Test
	void failuresFromOneAddressLockThatAddressForEveryUsernameButNotOtherAddresses() {
		String officer = officer();
		String from = newAddress();
		for (int i = 0; i < PER_ADDRESS; i++) {
			// a new username each time: no username reaches its own limit
			signIn(hubs.get(i % 2), "nobody-" + UUID.randomUUID(), "wrong-password", from).expectStatus().isUnauthorized();
		}
		signIn(hubs.get(0), officer, "officer-password", from).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.exists("Retry-After")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("SIGN_IN_THROTTLED");
		signIn(hubs.get(1), officer, "officer-password", newAddress()).expectStatus().isOk();
	}

	@Test
	void anAdministratorsPasswordResetLiftsTheUsernamesLockout() {
		String officer = officer();
		for (int i = 0; i < PER_USER; i++) {
			signIn(hubs.get(i % 2), officer, "wrong-password", newAddress()).expectStatus().isUnauthorized();
		}
		signIn(hubs.get(0), officer, "officer-password", newAddress()).expectStatus().isEqualTo(429);

		hubs.get(1).postJson("/api/admin/officers/" + officer + "/password", hubs.get(1).adminToken(),
				Map.of("password", "reset-by-admin"), 200);

		signIn(hubs.get(0), officer, "reset-by-admin", newAddress()).expectStatus().isOk();
	}

	@Test
	void unknownUsernamesAreCountedAndLockedLikeKnownOnes() {
		String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < PER_USER; i++) {
			signIn(hubs.get(i % 2), nobody, "wrong-password", newAddress()).expectStatus().isUnauthorized();
		}
		signIn(hubs.get(0), nobody, "wrong-password", newAddress()).expectStatus()
			.isEqualTo(429)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("SIGN_IN_THROTTLED");
	}

	private static String officer() {
		String token = hubs.get(0).officerToken(null, "DUTY_OFFICER");
		return hubs.get(0).getJson("/api/auth/me", token).get("subject").asString();
	}

	private static String newAddress() {
		return "198.51.100." + ADDRESSES.incrementAndGet();
	}

	private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec signIn(Hub hub, String username,
			String password, String from) {
		return hub.http()
			.post()
			.uri("/api/auth/token")
			.header("X-Forwarded-For", from)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username, "password", password))
			.exchange();
	}

}
