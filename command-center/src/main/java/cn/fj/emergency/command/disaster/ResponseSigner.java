package cn.fj.emergency.command.disaster;

import io.jsonwebtoken.Jwts;
import org.springframework.stereotype.Component;

import cn.fj.emergency.command.security.SecurityProperties;
import cn.fj.emergency.command.security.SigningKeys;

/**
 * Signs response changes with the hub's key (the one at {@code GET /api/auth/jwks}), as orders are signed: a
 * compact JWS, ES256, header {@code kid} and {@code typ = response+jwt}, payload the issuer and the change's claims.
 */
@Component
class ResponseSigner {

	static final String TYPE = "response+jwt";

	private final SigningKeys keys;

	private final String issuer;

	ResponseSigner(SigningKeys keys, SecurityProperties security) {
		this.keys = keys;
		this.issuer = security.issuer();
	}

	/** ECDSA may read random numbers from the operating system: call it off the event loop. */
	String sign(ResponseChange change) {
		return Jwts.builder()
			.header()
			.keyId(this.keys.keyId())
			.type(TYPE)
			.and()
			.issuer(this.issuer)
			.claims(change.claims())
			.signWith(this.keys.privateKey(), Jwts.SIG.ES256)
			.compact();
	}

}
