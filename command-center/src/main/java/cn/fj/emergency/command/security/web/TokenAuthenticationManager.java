package cn.fj.emergency.command.security.web;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.error.ErrorTranslation;
import cn.fj.emergency.command.security.Authenticator;

/**
 * Spring Security's authentication of a bearer token, done by the hub's {@link Authenticator} (jjwt verification,
 * service tokens looked up for revocation) so that HTTP and RSocket accept exactly the same tokens. Every failure,
 * a storage outage included, becomes a {@link TokenRefused} carrying the hub's error, answered with its code.
 */
final class TokenAuthenticationManager implements ReactiveAuthenticationManager {

	private final Authenticator authenticator;

	TokenAuthenticationManager(Authenticator authenticator) {
		this.authenticator = authenticator;
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		String token = authentication.getCredentials() instanceof String sent ? sent : null;
		return this.authenticator.authenticate(token)
			.<Authentication>map(TokenAuthentication::verified)
			.onErrorMap(error -> !(error instanceof TokenRefused), error -> new TokenRefused(ErrorTranslation.translate(error)));
	}

}
