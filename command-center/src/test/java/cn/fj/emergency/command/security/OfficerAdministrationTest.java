package cn.fj.emergency.command.security;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.security.rsocket.Connections;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An administrator disables and enables officers, resets their passwords and revokes their tokens; a token issued
 * before any of these, or before its owner changed the password, stops working on every instance, and each act
 * is in the audit trail.
 */
class OfficerAdministrationTest {

	static List<Hub> hubs;

	static Hub first;

	static Hub second;

	@BeforeAll
	static void startTwoInstances() {
		hubs = Hub.cluster(2);
		first = hubs.get(0);
		second = hubs.get(1);
	}

	@AfterAll
	static void stop() {
		hubs.forEach(Hub::close);
	}

	@Test
	void aDisabledOfficerCannotSignInAndTheirTokensStopOnEveryInstanceAlsoAfterReEnabling() {
		String officer = register("officer-password");
		String token = first.signIn(officer, "officer-password");
		// the credential version is the hub's business: not shown
		me(second, token).expectStatus().isOk().expectBody().jsonPath("$.subject").isEqualTo(officer)
			.jsonPath("$.credentialVersion").doesNotExist();

		JsonNode disabled = admin(first, "/api/admin/officers/" + officer + "/disable", Map.of(), 200);
		assertThat(disabled.get("enabled").asBoolean()).isFalse();

		refusedAsRevoked(first, token);
		refusedAsRevoked(second, token);
		signIn(second, officer, "officer-password").expectStatus().isForbidden().expectBody().jsonPath("$.code")
			.isEqualTo("ACCOUNT_DISABLED");

		assertThat(admin(second, "/api/admin/officers/" + officer + "/enable", Map.of(), 200).get("enabled").asBoolean())
			.isTrue();
		refusedAsRevoked(first, token);
		me(first, second.signIn(officer, "officer-password")).expectStatus().isOk();
		assertAudited("officer.disable", officer);
		assertAudited("officer.enable", officer);
	}

	@Test
	void aTokenStopsWorkingOnEveryInstanceOnceItsOwnerChangedThePassword() {
		String officer = register("first-password");
		String before = first.signIn(officer, "first-password");
		String alsoBefore = second.signIn(officer, "first-password");
		me(second, before).expectStatus().isOk();

		first.http()
			.post()
			.uri("/api/auth/password")
			.headers(h -> h.setBearerAuth(before))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("currentPassword", "first-password", "newPassword", "second-password"))
			.exchange()
			.expectStatus()
			.isNoContent();

		refusedAsRevoked(first, before);
		refusedAsRevoked(second, before);
		refusedAsRevoked(second, alsoBefore);
		me(second, second.signIn(officer, "second-password")).expectStatus().isOk();
	}

	@Test
	void anAdministratorSetsANewPasswordAndTheOldOneAndItsTokensStopWorking() {
		String officer = register("officer-password");
		String token = first.signIn(officer, "officer-password");

		JsonNode reset = admin(second, "/api/admin/officers/" + officer + "/password", Map.of("password", "set-by-admin-1"), 200);
		assertThat(reset.get("oneTimePassword").isNull()).isTrue();
		assertThat(reset.get("passwordChangeRequired").asBoolean()).isFalse();

		refusedAsRevoked(first, token);
		signIn(first, officer, "officer-password").expectStatus().isUnauthorized();
		me(first, first.signIn(officer, "set-by-admin-1")).expectStatus().isOk();
		assertAudited("officer.reset-password", officer);
	}

	@Test
	void aOneTimePasswordSignsInOnlyTogetherWithTheOfficersNewPassword() {
		String officer = register("officer-password");
		String token = first.signIn(officer, "officer-password");

		JsonNode reset = admin(first, "/api/admin/officers/" + officer + "/password", Map.of(), 200);
		String oneTime = reset.get("oneTimePassword").asString();
		assertThat(oneTime).hasSizeGreaterThanOrEqualTo(PasswordRules.MIN_LENGTH);
		assertThat(reset.get("passwordChangeRequired").asBoolean()).isTrue();
		assertThat(reset.get("passwordExpiresAt").asString()).isNotBlank();
		refusedAsRevoked(second, token);

		signIn(second, officer, oneTime).expectStatus().isForbidden().expectBody().jsonPath("$.code")
			.isEqualTo("PASSWORD_CHANGE_REQUIRED").jsonPath("$.retryable").isEqualTo(false);
		Map<String, Object> withNew = new HashMap<>(Map.of("username", officer, "password", oneTime, "newPassword", "short"));
		signIn(second, withNew).expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("newPassword");
		withNew.put("newPassword", oneTime);
		signIn(second, withNew).expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("newPassword");
		withNew.put("newPassword", "my-own-password");
		JsonNode issued = signIn(second, withNew).expectStatus().isOk().expectBody(JsonNode.class).returnResult()
			.getResponseBody();

		me(first, issued.get("token").asString()).expectStatus().isOk();
		signIn(first, officer, oneTime).expectStatus().isUnauthorized();
		me(first, first.signIn(officer, "my-own-password")).expectStatus().isOk();
	}

	@Test
	void revokingAnOfficersTokensEndsEveryTokenAndConsoleConnectionOnEveryInstance() {
		String officer = register("officer-password");
		String one = first.signIn(officer, "officer-password");
		String two = second.signIn(officer, "officer-password");
		try (HubClient console = second.console(two)) {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> second.context().getBean(Connections.class).open().values().stream()
					.anyMatch(p -> p.subject().equals(officer)));

			admin(first, "/api/admin/officers/" + officer + "/revoke-tokens", Map.of(), 200);

			refusedAsRevoked(first, one);
			refusedAsRevoked(second, one);
			refusedAsRevoked(first, two);
			await().atMost(Duration.ofSeconds(10)).until(() -> console.rsocket().isDisposed());
		}
		me(second, second.signIn(officer, "officer-password")).expectStatus().isOk();
		assertAudited("officer.revoke-tokens", officer);
	}

	@Test
	void anAdministratorCannotDisableTheirOwnAccount() {
		first.http()
			.post()
			.uri("/api/admin/officers/admin/disable")
			.headers(h -> h.setBearerAuth(first.adminToken()))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("SELF_DISABLE_REFUSED");
		me(first, first.adminToken()).expectStatus().isOk();
	}

	@Test
	void unknownOfficersAreNotFoundAndOnlyAdministratorsAdminister() {
		first.http()
			.post()
			.uri("/api/admin/officers/no-such-officer/revoke-tokens")
			.headers(h -> h.setBearerAuth(first.adminToken()))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("NOT_FOUND");
		String officer = register("officer-password");
		String commander = first.officerToken(null, "COMMANDER");
		for (String act : List.of("disable", "enable", "revoke-tokens", "password")) {
			first.http()
				.post()
				.uri("/api/admin/officers/" + officer + "/" + act)
				.headers(h -> h.setBearerAuth(commander))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of())
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		me(first, first.signIn(officer, "officer-password")).expectStatus().isOk();
	}

	private static String register(String password) {
		String username = "officer-" + UUID.randomUUID().toString().substring(0, 8);
		admin(first, "/api/admin/officers", Map.of("username", username, "password", password, "roles", List.of("DUTY_OFFICER")),
				201);
		return username;
	}

	private static JsonNode admin(Hub hub, String uri, Object body, int status) {
		return hub.postJson(uri, hub.adminToken(), body, status);
	}

	private static WebTestClient.ResponseSpec me(Hub hub, String token) {
		return hub.http().get().uri("/api/auth/me").headers(h -> h.setBearerAuth(token)).exchange();
	}

	private static void refusedAsRevoked(Hub hub, String token) {
		me(hub, token).expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("TOKEN_REVOKED");
	}

	private static WebTestClient.ResponseSpec signIn(Hub hub, String username, String password) {
		return signIn(hub, Map.of("username", username, "password", password));
	}

	private static WebTestClient.ResponseSpec signIn(Hub hub, Map<String, Object> body) {
		return hub.http().post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	private static void assertAudited(String action, String officer) {
		String admin = first.adminToken();
		List<JsonNode> found = new java.util.ArrayList<>();
		long after = 0;
		while (true) {
			JsonNode page = first.getJson("/api/admin/audit?limit=1000&after=" + after, admin);
			if (page.isEmpty()) {
				break;
			}
			for (JsonNode r : page) {
				after = r.get("seq").asLong();
				if (r.get("action").asString().equals(action) && officer.equals(r.get("subject").asString())) {
					found.add(r);
				}
			}
		}
		assertThat(found).as(action + " of " + officer).hasSize(1).allSatisfy(r -> {
			assertThat(r.get("actor").asString()).isEqualTo("admin");
			assertThat(r.get("outcome").asString()).isEqualTo("DONE");
		});
	}

}
