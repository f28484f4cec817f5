package cn.fj.emergency.command.security;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.jsonwebtoken.Jwts;
import io.rsocket.exceptions.RejectedSetupException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expired, forged, revoked and unsigned tokens are refused on every transport: HTTP, RSocket over TCP and RSocket
 * over WebSocket; and each refusal says why with its code.
 */
class TokenRefusalTest {

	@TempDir
	static Path otherKeys;

	static Hub hub;

	static Map<String, String> badTokens;

	@BeforeAll
	static void startHubAndMakeBadTokens() {
		hub = Hub.cluster(1).get(0);
		TokenService hubTokens = hub.context().getBean(TokenService.class);
		Instant now = Instant.now();
		HubPrincipal admin = new HubPrincipal("admin", HubPrincipal.Kind.OFFICER, Set.of(Role.ADMIN, Role.DUTY_OFFICER),
				null, null, now.plus(Duration.ofMinutes(10)));

		String expired = hubTokens.issue(new HubPrincipal("admin", HubPrincipal.Kind.OFFICER,
				Set.of(Role.ADMIN, Role.DUTY_OFFICER), null, null, now.minus(Duration.ofMinutes(1))));
		String forged = new TokenService(SigningKeys.loadOrCreate(otherKeys), "fj-emergency-hub", Clock.systemUTC())
			.issue(admin);
		String unsigned = Jwts.builder()
			.issuer("fj-emergency-hub")
			.subject("admin")
			.expiration(Date.from(now.plus(Duration.ofMinutes(10))))
			.claim("kind", "OFFICER")
			.claim("roles", List.of("ADMIN", "DUTY_OFFICER", "CITY_PLATFORM"))
			.compact();
		JsonNode city = hub.cityPlatformToken("350200");
		hub.http()
			.post()
			.uri("/api/admin/service-tokens/" + city.get("tokenId").asString() + "/revoke")
			.headers(h -> h.setBearerAuth(hub.adminToken()))
			.exchange()
			.expectStatus()
			.isOk();
		badTokens = Map.of("expired", expired, "forged", forged, "unsigned", unsigned, "revoked",
				city.get("token").asString());
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	static Stream<Arguments> refusals() {
		return Stream.of(Arguments.of("expired", "TOKEN_EXPIRED"), Arguments.of("forged", "TOKEN_INVALID"),
				Arguments.of("unsigned", "TOKEN_INVALID"), Arguments.of("revoked", "TOKEN_REVOKED"));
	}

	@ParameterizedTest(name = "{0} token refused over HTTP with {1}")
	@MethodSource("refusals")
	void refusedOverHttp(String kind, String code) {
		hub.http()
			.get()
			.uri("/api/incidents/0193a0c4-0000-7000-8000-000000000001")
			.headers(h -> h.setBearerAuth(badTokens.get(kind)))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo(code)
			.jsonPath("$.status")
			.isEqualTo(401);
	}

	@ParameterizedTest(name = "{0} token refused over RSocket TCP with {1}")
	@MethodSource("refusals")
	void refusedOverRSocketTcp(String kind, String code) {
		try (HubClient client = HubClient.tcp(hub.cityLinkPort(), badTokens.get(kind))) {
			assertSetupRejected(client, code);
		}
	}

	@ParameterizedTest(name = "{0} token refused over RSocket WebSocket with {1}")
	@MethodSource("refusals")
	void refusedOverRSocketWebSocket(String kind, String code) {
		try (HubClient client = HubClient.websocket(hub.httpPort(), badTokens.get(kind))) {
			assertSetupRejected(client, code);
		}
	}

	@Test
	void missingTokenIsRefusedEverywhere() {
		hub.http().get().uri("/api/auth/me").exchange().expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.code").isEqualTo("AUTHENTICATION_REQUIRED");
		try (HubClient client = HubClient.tcp(hub.cityLinkPort(), "")) {
			assertSetupRejected(client, "AUTHENTICATION_REQUIRED");
		}
	}

	@Test
	void setupWithoutAnAuthenticationEntryIsRejectedAtOnceOverTcp() {
		try (HubClient client = HubClient.tcpWithoutAuthentication(hub.cityLinkPort())) {
			assertSetupRejected(client, "AUTHENTICATION_REQUIRED");
		}
	}

	@Test
	void setupWithoutAnAuthenticationEntryIsRejectedAtOnceOverWebSocket() {
		try (HubClient client = HubClient.websocketWithoutAuthentication(hub.httpPort())) {
			assertSetupRejected(client, "AUTHENTICATION_REQUIRED");
		}
	}

	@Test
	void revokingATokenClosesTheConnectionsItOpened() {
		JsonNode city = hub.cityPlatformToken("350500");
		try (HubClient quanzhou = HubClient.tcp(hub.cityLinkPort(), city.get("token").asString())) {
			Map<String, Object> report = Reports.report("qz-1", "350502");
			assertThat(quanzhou.request("incidents.report", report).block(Duration.ofSeconds(10))).isNotNull();

			hub.http()
				.post()
				.uri("/api/admin/service-tokens/" + city.get("tokenId").asString() + "/revoke")
				.headers(h -> h.setBearerAuth(hub.adminToken()))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.revokedAt")
				.isNotEmpty();

			// closed by the hub: RSocket reports it as a connection error on the client side
			StepVerifier.create(quanzhou.rsocket().onClose().onErrorComplete()).expectComplete().verify(Duration.ofSeconds(10));
			assertThat(quanzhou.rsocket().isDisposed()).isTrue();
			StepVerifier.create(quanzhou.request("incidents.report", Reports.report("qz-2", "350502")))
				.expectError()
				.verify(Duration.ofSeconds(10));
		}
	}

	private static void assertSetupRejected(HubClient client, String code) {
		StepVerifier.create(client.request("incidents.report", Reports.xiamen("never")))
			.expectErrorSatisfies(error -> {
				assertThat(error).isInstanceOf(RejectedSetupException.class);
				assertThat(HubClient.errorBody(error).get("code").asString()).isEqualTo(code);
			})
			.verify(Duration.ofSeconds(10));
	}

}
