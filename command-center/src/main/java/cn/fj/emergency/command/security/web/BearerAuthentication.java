package cn.fj.emergency.command.security.web;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.error.ErrorTranslation;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.error.web.ProblemDetails;
import cn.fj.emergency.command.security.AccessPolicy;
import cn.fj.emergency.command.security.Authenticator;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Role;

/**
 * Authenticates every HTTP request that the {@link AccessPolicy} does not leave open, from its
 * {@code Authorization: Bearer} header, and checks the roles the policy asks for. The principal is then an
 * exchange attribute, which {@link PrincipalArgumentResolver} hands to handlers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BearerAuthentication implements WebFilter {

	public static final String PRINCIPAL_ATTRIBUTE = HubPrincipal.class.getName();

	private final Authenticator authenticator;

	private final JsonMapper json;

	public BearerAuthentication(Authenticator authenticator, JsonMapper json) {
		this.authenticator = authenticator;
		this.json = json;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String method = exchange.getRequest().getMethod().name();
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		Set<Role> roles = AccessPolicy.rolesForHttp(method, path);
		if (roles == null) {
			return chain.filter(exchange);
		}
		return this.authenticator.authenticate(bearer(exchange))
			.doOnNext(principal -> AccessPolicy.checkHttp(principal, roles))
			.onErrorResume(error -> refuse(exchange, ErrorTranslation.translate(error)).then(Mono.empty()))
			.flatMap(principal -> {
				exchange.getAttributes().put(PRINCIPAL_ATTRIBUTE, principal);
				return chain.filter(exchange);
			});
	}

	private static @Nullable String bearer(ServerWebExchange exchange) {
		String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		return header.substring(7);
	}

	private Mono<Void> refuse(ServerWebExchange exchange, HubException ex) {
		ServerHttpResponse response = exchange.getResponse();
		var entity = ProblemDetails.response(ex, exchange.getRequest().getPath().value());
		response.setStatusCode(entity.getStatusCode());
		response.getHeaders().putAll(entity.getHeaders());
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = this.json.writeValueAsString(ProblemDetails.asMap(entity.getBody())).getBytes(StandardCharsets.UTF_8);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

}
