package cn.fj.emergency.command.security.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;

/** Gives HTTP handlers the principal that {@link BearerAuthentication} established. */
public class PrincipalArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == HubPrincipal.class;
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		Object principal = exchange.getAttribute(BearerAuthentication.PRINCIPAL_ATTRIBUTE);
		return principal != null ? Mono.just(principal)
				: Mono.error(new HubException(ErrorCode.AUTHENTICATION_REQUIRED, "A bearer token is required"));
	}

}
