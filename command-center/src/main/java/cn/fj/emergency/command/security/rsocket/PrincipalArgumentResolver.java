package cn.fj.emergency.command.security.rsocket;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.reactive.HandlerMethodArgumentResolver;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;

/** Gives {@code @MessageMapping} handlers the connection's principal, from the request's Reactor context. */
public class PrincipalArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == HubPrincipal.class;
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, Message<?> message) {
		return Mono.deferContextual(ctx -> ctx.hasKey(HubPrincipal.class) ? Mono.just(ctx.get(HubPrincipal.class))
				: Mono.error(new HubException(ErrorCode.AUTHENTICATION_REQUIRED, "The connection is not authenticated")));
	}

}
