package cn.fj.emergency.command.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token's expiry is written one way wherever it is shown: whole seconds, as the JWT's {@code exp} holds it, in the
 * sign-in answer, in {@code /api/auth/me} and in the token itself.
 */
class TokenExpiryIsOneTimeTest {

	static Hub hub;

	@BeforeAll
	static void startHub() {
		hub = Hub.cluster(1).get(0);
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	@Test
	void anOfficersTokenShowsOneExpiryAtSignInInMeAndInTheJwt() {
		JsonNode signIn = hub.http()
			.post()
			.uri("/api/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "admin", "password", Hub.ADMIN_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		String token = signIn.get("token").asString();
		JsonNode me = hub.getJson("/api/auth/me", token);

		String fromJwt = expiryInTheJwt(token);
		assertThat(signIn.get("expiresAt").asString()).isEqualTo(fromJwt);
		assertThat(me.get("expiresAt").asString()).isEqualTo(fromJwt);
	}

	@Test
	void aServiceTokenShowsOneExpiryAtIssueInMeAndInTheJwt() {
		JsonNode issued = hub.postJson("/api/admin/service-tokens", hub.adminToken(), Map.of("subject", "platform-350300",
				"roles", Set.of("CITY_PLATFORM"), "cityCode", "350300", "description", "expiry test"), 201);
		String token = issued.get("token").asString();
		JsonNode me = hub.getJson("/api/auth/me", token);

		String fromJwt = expiryInTheJwt(token);
		assertThat(issued.get("expiresAt").asString()).isEqualTo(fromJwt);
		assertThat(me.get("expiresAt").asString()).isEqualTo(fromJwt);
	}

	private static String expiryInTheJwt(String token) {
		String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
		return Instant.ofEpochSecond(HubClient.JSON.readTree(claims).get("exp").asLong()).toString();
	}

}
