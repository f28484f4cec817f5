package cn.fj.emergency.command.security;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;

import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.support.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenServiceTest {

	static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

	@TempDir
	Path keys;

	@TempDir
	Path otherKeys;

	TokenService tokens(Path dir, Instant now) {
		return new TokenService(SigningKeys.loadOrCreate(dir), "fj-emergency-hub", Clock.fixed(now, ZoneOffset.UTC));
	}

	static HubPrincipal city(Instant expiresAt) {
		return new HubPrincipal("xiamen-platform", HubPrincipal.Kind.SERVICE, Set.of(Role.CITY_PLATFORM), "350200",
				"0193a0c4-0000-7000-8000-000000000001", expiresAt);
	}

	@Test
	void verifiesWhatItIssued() {
		TokenService tokens = tokens(this.keys, NOW);
		HubPrincipal issued = city(NOW.plusSeconds(600));

		HubPrincipal verified = tokens.verify(tokens.issue(issued));

		assertThat(verified).isEqualTo(issued);
	}

	@Test
	void keyFileIsReadBackTheSame() {
		String token = tokens(this.keys, NOW).issue(city(NOW.plusSeconds(600)));

		assertThat(tokens(this.keys, NOW).verify(token).cityCode()).isEqualTo("350200");
	}

	@Test
	void refusesExpiredToken() {
		String token = tokens(this.keys, NOW).issue(city(NOW.plusSeconds(60)));

		assertCode(() -> tokens(this.keys, NOW.plus(Duration.ofMinutes(5))).verify(token), ErrorCode.TOKEN_EXPIRED);
	}

	@Test
	void refusesTokenSignedByAnotherKey() {
		String forged = tokens(this.otherKeys, NOW).issue(city(NOW.plusSeconds(600)));

		assertCode(() -> tokens(this.keys, NOW).verify(forged), ErrorCode.TOKEN_INVALID);
	}

	@Test
	void refusesUnsignedToken() {
		String unsigned = Jwts.builder()
			.issuer("fj-emergency-hub")
			.subject("xiamen-platform")
			.expiration(Date.from(NOW.plusSeconds(600)))
			.claim("kind", "SERVICE")
			.claim("roles", List.of("CITY_PLATFORM", "ADMIN"))
			.compact();
		assertThat(unsigned).endsWith(".");

		assertCode(() -> tokens(this.keys, NOW).verify(unsigned), ErrorCode.TOKEN_INVALID);
	}

	@Test
	void refusesTamperedClaims() {
		String token = tokens(this.keys, NOW).issue(city(NOW.plusSeconds(600)));
		String tampered = withCityChanged(token);

		assertCode(() -> tokens(this.keys, NOW).verify(tampered), ErrorCode.TOKEN_INVALID);
	}

	@Test
	void refusesGarbage() {
		assertCode(() -> tokens(this.keys, NOW).verify("not-a-token"), ErrorCode.TOKEN_INVALID);
	}

	@Test
	void verifiedTokenIsRememberedNotVerifiedAgain() {
		TokenService tokens = tokens(this.keys, NOW);
		String token = tokens.issue(city(NOW.plusSeconds(600)));

		assertThat(tokens.verify(token)).isSameAs(tokens.verify(token));
	}

	@Test
	void withoutCacheEachCallVerifiesAgain() {
		TokenService tokens = new TokenService(SigningKeys.loadOrCreate(this.keys), "fj-emergency-hub",
				Clock.fixed(NOW, ZoneOffset.UTC), 0);
		String token = tokens.issue(city(NOW.plusSeconds(600)));

		HubPrincipal first = tokens.verify(token);

		assertThat(tokens.verify(token)).isEqualTo(first).isNotSameAs(first);
	}

	@Test
	void rememberedTokenIsRefusedOnceExpired() {
		MovableClock clock = new MovableClock(NOW);
		TokenService tokens = new TokenService(SigningKeys.loadOrCreate(this.keys), "fj-emergency-hub", clock);
		String token = tokens.issue(city(NOW.plusSeconds(60)));
		tokens.verify(token);

		clock.set(NOW.plusSeconds(60));
		assertThat(tokens.verify(token).subject()).isEqualTo("xiamen-platform");
		clock.set(NOW.plusSeconds(61));
		assertCode(() -> tokens.verify(token), ErrorCode.TOKEN_EXPIRED);
	}

	@Test
	void rememberedTokenDoesNotVouchForAnAlteredOne() {
		TokenService tokens = tokens(this.keys, NOW);
		String token = tokens.issue(city(NOW.plusSeconds(600)));
		tokens.verify(token);
		String tampered = withCityChanged(token);

		assertCode(() -> tokens.verify(tampered), ErrorCode.TOKEN_INVALID);
		assertCode(() -> tokens.verify(token + "x"), ErrorCode.TOKEN_INVALID);
	}

	@Test
	void cacheStaysWithinItsCapacityExpiredFirst() {
		VerifiedTokens cache = new VerifiedTokens(2);
		cache.put("a", city(NOW.plusSeconds(10)), NOW);
		cache.put("b", city(NOW.plusSeconds(600)), NOW);

		cache.put("c", city(NOW.plusSeconds(600)), NOW.plusSeconds(11));

		assertThat(cache.size()).isEqualTo(2);
		assertThat(cache.get("a", NOW.plusSeconds(11))).isNull();
		assertThat(cache.get("b", NOW.plusSeconds(11))).isNotNull();
		assertThat(cache.get("c", NOW.plusSeconds(11))).isNotNull();

		cache.put("d", city(NOW.plusSeconds(600)), NOW.plusSeconds(11));

		assertThat(cache.size()).isLessThanOrEqualTo(2);
		assertThat(cache.get("d", NOW.plusSeconds(11))).isNotNull();
	}

	/** The token with its claims' city changed and its signature kept. */
	static String withCityChanged(String token) {
		String[] parts = token.split("\\.");
		String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
		return parts[0] + "."
				+ java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(claims.replace("350200", "350100").getBytes())
				+ "." + parts[2];
	}

	static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
		assertThatThrownBy(call).isInstanceOfSatisfying(HubException.class, ex -> assertThat(ex.code()).isEqualTo(code));
	}

}
