package cn.fj.emergency.command.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.security.SigningKeys;

/**
 * Signs and checks anchors with the hub's ES256 key. An anchor is a JWS with header {@code typ} {@value #TYPE} and
 * content type {@code json}, not a JWT: its payload is no claims set, so it can never pass as a bearer token.
 * Signing draws on a random source: call it off the event loop.
 */
@Component
public class AnchorSigner {

	static final String TYPE = "audit-anchor";

	private final SigningKeys keys;

	private final JwtParser parser;

	private final JsonMapper json;

	AnchorSigner(SigningKeys keys, JsonMapper json) {
		this.keys = keys;
		this.json = json;
		this.parser = Jwts.parser().verifyWith(keys.publicKey()).build();
	}

	public Anchor sign(long seq, String hash, Instant now) {
		Instant signedAt = now.truncatedTo(ChronoUnit.MICROS);
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("seq", seq);
		payload.put("hash", hash);
		payload.put("signedAt", signedAt.toString());
		String jws = Jwts.builder()
			.header()
			.type(TYPE)
			.keyId(this.keys.keyId())
			.and()
			.content(this.json.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8), "application/json")
			.signWith(this.keys.privateKey(), Jwts.SIG.ES256)
			.compact();
		return new Anchor(seq, hash, signedAt, this.keys.keyId(), jws);
	}

	/**
	 * The head a JWS vouches for, if its signature is the hub's and it is an anchor; otherwise null.
	 */
	public @Nullable SignedHead verify(String jws) {
		try {
			var parsed = this.parser.parseSignedContent(jws);
			if (!TYPE.equals(parsed.getHeader().getType())) {
				return null;
			}
			JsonNode payload = this.json.readTree(parsed.getPayload());
			JsonNode seq = payload.get("seq");
			JsonNode hash = payload.get("hash");
			if (seq == null || !seq.canConvertToLong() || hash == null || !hash.isString()) {
				return null;
			}
			return new SignedHead(seq.asLong(), hash.asString());
		}
		catch (JwtException | JacksonException | IllegalArgumentException ex) {
			return null;
		}
	}

	/** What an anchor's signature covers. */
	public record SignedHead(long seq, String hash) {
	}

}
