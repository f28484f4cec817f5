package cn.fj.emergency.command.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.fj.emergency.command.support.Hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every password keeps the same rules wherever it is set: at least 10 characters, at most 72 bytes in UTF-8
 * (bcrypt's limit), refused with a code that says so and is not retryable; at sign-in a password too long is just
 * wrong. The first administrator's configured password keeps them too, and service tokens live no longer than the
 * configured bound.
 */
class PasswordRulesTest {

	/** 25 characters, 75 bytes in UTF-8: long enough by characters, too long for bcrypt. */
	static final String TOO_LONG = "密".repeat(25);

	/** 72 bytes exactly. */
	static final String LONGEST = "密".repeat(24);

	static Hub hub;

	@BeforeAll
	static void start() {
		assertThat(TOO_LONG.getBytes(StandardCharsets.UTF_8)).hasSize(75);
		assertThat(LONGEST.getBytes(StandardCharsets.UTF_8)).hasSize(72);
		hub = Hub.cluster(1).get(0);
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	@Test
	void aPasswordLongerThan72BytesIsRefusedAtRegistrationChangeAndReset() {
		tooLong(register("officer-" + UUID.randomUUID().toString().substring(0, 8), TOO_LONG), "password");

		String officer = "officer-" + UUID.randomUUID().toString().substring(0, 8);
		register(officer, LONGEST).expectStatus().isCreated();
		String token = hub.signIn(officer, LONGEST);
		tooLong(post("/api/auth/password", token, Map.of("currentPassword", LONGEST, "newPassword", TOO_LONG)), "newPassword");
		tooLong(post("/api/admin/officers/" + officer + "/password", hub.adminToken(), Map.of("password", TOO_LONG)),
				"password");
		tooLong(hub.http().post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", officer, "password", LONGEST, "newPassword", TOO_LONG)).exchange(), "newPassword");

		// nothing changed: the password and the token still work
		hub.getJson("/api/auth/me", token);
		assertThat(hub.signIn(officer, LONGEST)).isNotBlank();
	}

	@Test
	void aPasswordTooLongAtSignInIsJustTheWrongPassword() {
		for (String username : List.of("admin", "nobody-at-all")) {
			hub.http()
				.post()
				.uri("/api/auth/token")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("username", username, "password", Hub.ADMIN_PASSWORD + "x".repeat(100)))
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("BAD_CREDENTIALS")
				.jsonPath("$.retryable")
				.isEqualTo(false);
		}
	}

	@Test
	void aPasswordShorterThanTenCharactersIsRefusedEverywhere() {
		register("officer-" + UUID.randomUUID().toString().substring(0, 8), "short").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.code").isEqualTo("INVALID_FIELD").jsonPath("$.field").isEqualTo("password");
		post("/api/admin/officers/admin/password", hub.adminToken(), Map.of("password", "a")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.code").isEqualTo("INVALID_FIELD").jsonPath("$.field").isEqualTo("password");
	}

	@Test
	void theHubRefusesToStartWithAFirstAdministratorPasswordThatBreaksTheRules() {
		for (String weak : List.of("a", TOO_LONG)) {
			Map<String, Object> settings = Hub.freshHubSettings();
			settings.put("hub.security.bootstrap-admin-password", weak);
			assertThatThrownBy(() -> Hub.start(settings)).satisfies(error -> assertThat(rootMessage(error))
				.contains("hub.security.bootstrap-admin-password"));
		}
	}

	@Test
	void theSuitesOwnPasswordsKeepTheRules() {
		for (String password : List.of(Hub.ADMIN_PASSWORD, "officer-password")) {
			assertThat(PasswordRules.problem("password", password)).isNull();
		}
	}

	@Test
	void aServiceTokenLongerLivedThanTheBoundIsRefused() {
		Map<String, Object> request = Map.of("subject", "dept-water", "roles", List.of("DEPARTMENT"), "validFor", "P731D");
		post("/api/admin/service-tokens", hub.adminToken(), request).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("INVALID_FIELD")
			.jsonPath("$.field")
			.isEqualTo("validFor")
			.jsonPath("$.maxValidFor")
			.isEqualTo("PT17520H");
		post("/api/admin/service-tokens", hub.adminToken(),
				Map.of("subject", "dept-water", "roles", List.of("DEPARTMENT"), "validFor", "P730D"))
			.expectStatus()
			.isCreated();
	}

	private static String rootMessage(Throwable error) {
		StringBuilder messages = new StringBuilder();
		for (Throwable t = error; t != null; t = t.getCause()) {
			messages.append(t.getMessage()).append('\n');
		}
		return messages.toString();
	}

	private static void tooLong(WebTestClient.ResponseSpec response, String field) {
		response.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("PASSWORD_TOO_LONG")
			.jsonPath("$.retryable")
			.isEqualTo(false)
			.jsonPath("$.field")
			.isEqualTo(field)
			.jsonPath("$.maxBytes")
			.isEqualTo(72);
	}

	private static WebTestClient.ResponseSpec register(String username, String password) {
		return post("/api/admin/officers", hub.adminToken(),
				Map.of("username", username, "password", password, "roles", List.of("DUTY_OFFICER")));
	}

	private static WebTestClient.ResponseSpec post(String uri, String token, Object body) {
		return hub.http()
			.post()
			.uri(uri)
			.headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
