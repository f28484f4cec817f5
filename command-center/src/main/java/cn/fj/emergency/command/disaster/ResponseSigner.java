package cn.fj.emergency.command.disaster;

import org.springframework.stereotype.Component;

import cn.fj.emergency.command.security.HubSignatures;

/**
 * Signs response changes with the hub's key (the one at {@code GET /api/auth/jwks}), as orders are signed: a
 * compact JWS, ES256, header {@code kid} and {@code typ = response+jwt}, payload the issuer and the change's claims.
 */
@Component
class ResponseSigner {

	static final String TYPE = "response+jwt";

	private final HubSignatures signatures;

	ResponseSigner(HubSignatures signatures) {
		this.signatures = signatures;
	}

	/** ECDSA may read random numbers from the operating system: call it off the event loop. */
	String sign(ResponseChange change) {
		return this.signatures.sign(TYPE, change.claims());
	}

}
