package cn.fj.emergency.command.security;

import java.util.Map;

import io.jsonwebtoken.Jwts;
import org.springframework.stereotype.Component;

/**
 * Signs a document with the hub's key, the one published at {@code GET /api/auth/jwks}: a compact JWS, ES256,
 * header {@code kid} and the caller's {@code typ}, payload the hub's issuer and the caller's claims. Each kind of
 * signed document (orders, response changes) has its own {@code typ}, which keeps one from passing for another or
 * for a token.
 */
@Component
public class HubSignatures {

	private final SigningKeys keys;

	private final String issuer;

	HubSignatures(SigningKeys keys, SecurityProperties security) {
		this.keys = keys;
		this.issuer = security.issuer();
	}

	/**
	 * The signature of {@code claims} under header {@code typ = type}. ECDSA draws random numbers, which may read
	 * from the operating system: call it off the event loop.
	 */
	public String sign(String type, Map<String, ?> claims) {
		return Jwts.builder()
			.header()
			.keyId(this.keys.keyId())
			.type(type)
			.and()
			.issuer(this.issuer)
			.claims(claims)
			.signWith(this.keys.privateKey(), Jwts.SIG.ES256)
			.compact();
	}

}
