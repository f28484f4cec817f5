package cn.fj.emergency.command.security.web;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;

/**
 * Gives HTTP handlers the principal that the filter chain ({@link HttpAccessControl}) authenticated, from the
 * request's security context. A handler asking for one on an open endpoint gets AUTHENTICATION_REQUIRED.
 */
public class PrincipalArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == HubPrincipal.class;
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(context -> context.getAuthentication() != null ? context.getAuthentication().getPrincipal() : null)
			.filter(HubPrincipal.class::isInstance)
			.switchIfEmpty(Mono.error(() -> new HubException(ErrorCode.AUTHENTICATION_REQUIRED, "A bearer token is required")));
	}

}
