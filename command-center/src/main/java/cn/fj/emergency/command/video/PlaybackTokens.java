package cn.fj.emergency.command.video;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.Ids;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.SigningKeys;

/**
 * Short-lived playback tokens: JWTs signed ES256 with the hub's key, so that a media gateway can verify them with
 * the published key (JWKS) and no shared secret. A token binds one viewer to one dispatch of one source until it
 * expires. Its audience ({@code aud} = {@value #AUDIENCE}) and type header keep it apart from sign-in tokens: neither
 * is accepted where the other is expected.
 */
public final class PlaybackTokens {

	static final String AUDIENCE = "video-playback";

	static final String TYPE = "playback+jwt";

	static final String CLAIM_DISPATCH = "dsp";

	static final String CLAIM_SOURCE = "src";

	private final SigningKeys keys;

	private final String issuer;

	private final Clock clock;

	private final Duration ttl;

	private final JwtParser parser;

	public PlaybackTokens(SigningKeys keys, String issuer, Clock clock, Duration ttl) {
		if (ttl.isNegative() || ttl.isZero()) {
			throw new IllegalArgumentException("The playback token lifetime must be positive, not " + ttl);
		}
		this.keys = keys;
		this.issuer = issuer;
		this.clock = clock;
		this.ttl = ttl;
		this.parser = Jwts.parser()
			.verifyWith(keys.publicKey())
			.requireIssuer(issuer)
			.requireAudience(AUDIENCE)
			.clock(() -> Date.from(clock.instant()))
			.build();
	}

	/** What a valid token says. {@code viewer} is an audience name ({@code officer:…}, {@code city:…}). */
	public record Claimed(String viewer, UUID dispatchId, UUID sourceId, Instant expiresAt) {
	}

	/** A signed token and when it expires. */
	public record Issued(String token, Instant expiresAt) {
	}

	/**
	 * Signs a token for the viewer, valid for the configured lifetime but never beyond {@code notAfter}. ECDSA signing
	 * draws random numbers, which may read from the operating system: call it off the event loop.
	 */
	public Issued issue(String viewer, UUID dispatchId, UUID sourceId, @Nullable Instant notAfter) {
		Instant now = this.clock.instant();
		Instant expiry = now.plus(this.ttl);
		if (notAfter != null && notAfter.isBefore(expiry)) {
			expiry = notAfter;
		}
		// JWT times are whole seconds: say the expiry the token really carries
		Instant expiresAt = expiry.truncatedTo(ChronoUnit.SECONDS);
		String token = Jwts.builder()
			.header()
			.keyId(this.keys.keyId())
			.type(TYPE)
			.and()
			.issuer(this.issuer)
			.audience()
			.add(AUDIENCE)
			.and()
			.subject(viewer)
			.id(Ids.newId(this.clock).toString())
			.issuedAt(Date.from(now))
			.expiration(Date.from(expiresAt))
			.claim(CLAIM_DISPATCH, dispatchId.toString())
			.claim(CLAIM_SOURCE, sourceId.toString())
			.signWith(this.keys.privateKey(), Jwts.SIG.ES256)
			.compact();
		return new Issued(token, expiresAt);
	}

	/**
	 * Verifies signature, issuer, audience, type and expiry: {@link ErrorCode#PLAYBACK_TOKEN_EXPIRED} for an expired
	 * token, {@link ErrorCode#PLAYBACK_TOKEN_INVALID} for anything else wrong with it.
	 */
	public Claimed verify(String token) {
		Jws<Claims> jws;
		try {
			jws = this.parser.parseSignedClaims(token);
		}
		catch (ExpiredJwtException ex) {
			throw new HubException(ErrorCode.PLAYBACK_TOKEN_EXPIRED,
					"The playback token expired at " + ex.getClaims().getExpiration().toInstant() + "; ask for a new one");
		}
		catch (JwtException | IllegalArgumentException ex) {
			throw invalid("The playback token is not valid: " + ex.getMessage());
		}
		if (!TYPE.equals(jws.getHeader().getType())) {
			throw invalid("Not a playback token");
		}
		Claims claims = jws.getPayload();
		try {
			String viewer = claims.getSubject();
			String dispatch = claims.get(CLAIM_DISPATCH, String.class);
			String source = claims.get(CLAIM_SOURCE, String.class);
			Date expiration = claims.getExpiration();
			if (viewer == null || dispatch == null || source == null || expiration == null) {
				throw invalid("The playback token lacks sub, dsp, src or exp");
			}
			return new Claimed(viewer, UUID.fromString(dispatch), UUID.fromString(source), expiration.toInstant());
		}
		catch (RuntimeException ex) {
			if (ex instanceof HubException hub) {
				throw hub;
			}
			throw invalid("The playback token's claims are not valid: " + ex.getMessage());
		}
	}

	private static HubException invalid(String message) {
		return new HubException(ErrorCode.PLAYBACK_TOKEN_INVALID, message);
	}

}
