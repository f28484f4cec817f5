package cn.fj.emergency.command.security;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/**
 * The one way a bearer token becomes a principal, shared by HTTP, RSocket over TCP and RSocket over WebSocket.
 * Besides signature and expiry, every call looks the token's owner up, whether its signature was checked now or
 * earlier ({@link VerifiedTokens}): a service token must not have been revoked; an officer's token must carry the
 * officer's current credential version (a password change or reset, disabling the officer, or an administrator
 * revoking the officer's tokens raises it) and the officer must be enabled. Officer tokens whose subject is not a
 * registered officer at all are the hub's own (a drill's simulated officers) and are checked by signature and
 * expiry alone.
 */
public final class Authenticator {

	private final TokenService tokens;

	private final ServiceTokens serviceTokens;

	private final OfficerAccounts officers;

	public Authenticator(TokenService tokens, ServiceTokens serviceTokens, OfficerAccounts officers) {
		this.tokens = tokens;
		this.serviceTokens = serviceTokens;
		this.officers = officers;
	}

	public Mono<HubPrincipal> authenticate(@Nullable String bearerToken) {
		if (bearerToken == null || bearerToken.isBlank()) {
			return Mono.error(new HubException(ErrorCode.AUTHENTICATION_REQUIRED, "A bearer token is required"));
		}
		return Mono.fromCallable(() -> this.tokens.verify(bearerToken.trim())).flatMap(this::checkNotRevoked);
	}

	private Mono<HubPrincipal> checkNotRevoked(HubPrincipal principal) {
		if (principal.kind() == HubPrincipal.Kind.OFFICER) {
			return this.officers.find(principal.subject())
				.flatMap(officer -> current(principal, officer))
				.defaultIfEmpty(principal);
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

	private static Mono<HubPrincipal> current(HubPrincipal principal, Officer officer) {
		if (!officer.enabled()) {
			return Mono.error(new HubException(ErrorCode.TOKEN_REVOKED, "The officer " + officer.username() + " is disabled"));
		}
		if (officer.credentialVersion() != principal.credentialVersion()) {
			return Mono.error(new HubException(ErrorCode.TOKEN_REVOKED,
					"The token was issued before the officer's password or access last changed; sign in again"));
		}
		return Mono.just(principal);
	}

}
