package cn.fj.emergency.command.order;

import org.springframework.stereotype.Component;

import cn.fj.emergency.command.security.HubSignatures;

/**
 * Signs orders with the hub's key, the one published at {@code GET /api/auth/jwks}: a compact JWS, ES256, header
 * {@code kid} and {@code typ = order+jwt}, payload the issuer and the order's claims. The {@code typ} and the
 * absence of the token claims {@code kind} and {@code roles} keep an order and a token from passing for each other.
 */
@Component
class OrderSigner {

	static final String TYPE = "order+jwt";

	private final HubSignatures signatures;

	OrderSigner(HubSignatures signatures) {
		this.signatures = signatures;
	}

	/**
	 * The order's signature. ECDSA draws random numbers, which may read from the operating system: call it off the
	 * event loop.
	 */
	String sign(CommandOrder order) {
		return this.signatures.sign(TYPE, order.claims());
	}

}
