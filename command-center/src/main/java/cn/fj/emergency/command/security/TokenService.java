package cn.fj.emergency.command.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.IncorrectClaimException;
import io.jsonwebtoken.MalformedJwtException;
import io.jsonwebtoken.MissingClaimException;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.SecurityException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/**
 * Issues and verifies the hub's JWTs (ES256, jjwt). Verification refuses anything not signed by the hub's key:
 * forged signatures, other algorithms and unsigned ({@code alg: none}) tokens alike. It checks the token alone;
 * whether a service token was revoked, or an officer's credentials changed since, is the {@link Authenticator}'s
 * question, asked on every call (a token taken from {@link VerifiedTokens} included).
 */
public final class TokenService {

	static final String CLAIM_ROLES = "roles";

	static final String CLAIM_CITY = "city";

	static final String CLAIM_KIND = "kind";

	/** An officer's credential version when the token was issued; absent means 0. */
	static final String CLAIM_CREDENTIAL_VERSION = "cv";

	/** Verified tokens remembered by default: every console and city client of a busy hub, a few MB at most. */
	public static final int DEFAULT_CACHED_TOKENS = 10_000;

	private final SigningKeys keys;

	private final String issuer;

	private final Clock clock;

	private final JwtParser parser;

	private final VerifiedTokens verified;

	public TokenService(SigningKeys keys, String issuer, Clock clock) {
		this(keys, issuer, clock, DEFAULT_CACHED_TOKENS);
	}

	/** @param cachedTokens how many verified tokens to remember (0: verify every signature every time) */
	public TokenService(SigningKeys keys, String issuer, Clock clock, int cachedTokens) {
		this.verified = new VerifiedTokens(cachedTokens);
		this.keys = keys;
		this.issuer = issuer;
		this.clock = clock;
		this.parser = Jwts.parser()
			.verifyWith(keys.publicKey())
			.requireIssuer(issuer)
			.clock(() -> Date.from(clock.instant()))
			.build();
	}

	/**
	 * Signs a token for the principal. ECDSA signing draws random numbers, which may read from the operating
	 * system: call it off the event loop.
	 */
	public String issue(HubPrincipal principal) {
		var builder = Jwts.builder()
			.header()
			.keyId(this.keys.keyId())
			.and()
			.issuer(this.issuer)
			.subject(principal.subject())
			.issuedAt(Date.from(this.clock.instant()))
			.expiration(Date.from(principal.expiresAt()))
			.claim(CLAIM_KIND, principal.kind().name())
			.claim(CLAIM_ROLES, principal.roles().stream().map(Role::name).sorted().toList());
		if (principal.cityCode() != null) {
			builder.claim(CLAIM_CITY, principal.cityCode());
		}
		if (principal.tokenId() != null) {
			builder.id(principal.tokenId());
		}
		if (principal.credentialVersion() != 0) {
			builder.claim(CLAIM_CREDENTIAL_VERSION, principal.credentialVersion());
		}
		return builder.signWith(this.keys.privateKey(), Jwts.SIG.ES256).compact();
	}

	/**
	 * Verifies signature, issuer and expiry, and reads the principal. A token verified before is taken from
	 * {@link VerifiedTokens} until its expiry instead of checking its signature again.
	 */
	public HubPrincipal verify(String token) {
		Instant now = this.clock.instant();
		HubPrincipal known = this.verified.get(token, now);
		if (known != null) {
			return known;
		}
		HubPrincipal principal = principal(claims(token));
		this.verified.put(token, principal, now);
		return principal;
	}

	private Claims claims(String token) {
		Claims claims;
		try {
			claims = this.parser.parseSignedClaims(token).getPayload();
		}
		catch (ExpiredJwtException ex) {
			throw new HubException(ErrorCode.TOKEN_EXPIRED, "The token expired at " + ex.getClaims().getExpiration().toInstant());
		}
		catch (JwtException | IllegalArgumentException ex) {
			throw new HubException(ErrorCode.TOKEN_INVALID, refusal(ex));
		}
		return claims;
	}

	/** Why a token was refused, in the client's terms: the JWT library's own texts name its classes and RFC sections. */
	private static String refusal(RuntimeException ex) {
		if (ex instanceof SecurityException) {
			return "The token's signature is not valid: it was not signed by this hub's key";
		}
		if (ex instanceof UnsupportedJwtException) {
			return "The token is not signed the way the hub signs (a JWS with ES256), or is unsigned";
		}
		if (ex instanceof MalformedJwtException) {
			return "The token is not a well-formed JWT (three base64url parts separated by dots)";
		}
		if (ex instanceof MissingClaimException || ex instanceof IncorrectClaimException) {
			return "The token was not issued by this hub";
		}
		if (ex instanceof PrematureJwtException) {
			return "The token is not valid yet";
		}
		if (ex instanceof IllegalArgumentException) {
			return "The token is empty";
		}
		return "The token is not valid";
	}

	private static HubPrincipal principal(Claims claims) {
		try {
			HubPrincipal.Kind kind = HubPrincipal.Kind.valueOf(claims.get(CLAIM_KIND, String.class));
			Set<Role> roles = EnumSet.noneOf(Role.class);
			List<?> names = claims.get(CLAIM_ROLES, List.class);
			for (Object name : names) {
				roles.add(Role.valueOf(String.valueOf(name)));
			}
			Date expiration = claims.getExpiration();
			if (claims.getSubject() == null || expiration == null) {
				throw new IllegalArgumentException("subject and expiry are required");
			}
			Long version = claims.get(CLAIM_CREDENTIAL_VERSION, Long.class);
			return new HubPrincipal(claims.getSubject(), kind, roles, claims.get(CLAIM_CITY, String.class), claims.getId(),
					expiration.toInstant(), version == null ? 0 : version);
		}
		catch (RuntimeException ex) {
			throw new HubException(ErrorCode.TOKEN_INVALID,
					"The token lacks a claim the hub's tokens carry (subject, expiry, kind, roles) or holds an unknown one");
		}
	}

	public Instant now() {
		return this.clock.instant();
	}

}
