package cn.fj.emergency.command.security;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/**
 * The one way a bearer token becomes a principal, shared by HTTP, RSocket over TCP and RSocket over WebSocket.
 * Officer tokens are short-lived and checked by signature and expiry alone; service tokens are long-lived, so
 * each is also looked up to see that it has not been revoked.
 */
public final class Authenticator {

	private final TokenService tokens;

	private final ServiceTokens serviceTokens;

	public Authenticator(TokenService tokens, ServiceTokens serviceTokens) {
		this.tokens = tokens;
		this.serviceTokens = serviceTokens;
	}

	public Mono<HubPrincipal> authenticate(@Nullable String bearerToken) {
		if (bearerToken == null || bearerToken.isBlank()) {
			return Mono.error(new HubException(ErrorCode.AUTHENTICATION_REQUIRED, "A bearer token is required"));
		}
		return Mono.fromCallable(() -> this.tokens.verify(bearerToken.trim())).flatMap(this::checkNotRevoked);
	}

	private Mono<HubPrincipal> checkNotRevoked(HubPrincipal principal) {
		if (principal.kind() != HubPrincipal.Kind.SERVICE) {
			return Mono.just(principal);
		}
		String tokenId = principal.tokenId();
		if (tokenId == null) {
			return Mono.error(new HubException(ErrorCode.TOKEN_INVALID, "A service token must carry its id (jti)"));
		}
		return this.serviceTokens.find(tokenId)
			.switchIfEmpty(Mono.error(() -> new HubException(ErrorCode.TOKEN_REVOKED, "The service token is not on record")))
			.flatMap(token -> token.revoked()
					? Mono.error(new HubException(ErrorCode.TOKEN_REVOKED, "The service token was revoked at " + token.revokedAt()))
					: Mono.just(principal));
	}

}
