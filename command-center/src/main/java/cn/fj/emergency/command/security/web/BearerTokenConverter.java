package cn.fj.emergency.command.security.web;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads {@code Authorization: Bearer <token>}. A request without one stays anonymous and is answered
 * AUTHENTICATION_REQUIRED wherever a role is needed; an empty token is passed on, to be refused as such.
 */
final class BearerTokenConverter implements ServerAuthenticationConverter {

	private static final String BEARER = "Bearer ";

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return Mono.empty();
		}
		return Mono.just(TokenAuthentication.unverified(header.substring(BEARER.length())));
	}

}
