package cn.fj.emergency.command.security.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.security.HubPrincipal;

/**
 * Puts the principal that authenticated an HTTP request into the Reactor context of its handling, under
 * {@code HubPrincipal.class}, as the RSocket responder does for RSocket requests: whatever the request changes is
 * then recorded in the audit trail as that principal's act (stream/AuditedActs), without the event log knowing
 * Spring Security. Runs last of the web filters, inside the security filter chain ({@link HttpAccessControl}), whose
 * authentication leaves the security context in the Reactor context.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class PrincipalInContext implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.mapNotNull(Authentication::getPrincipal)
			.ofType(HubPrincipal.class)
			.map(principal -> chain.filter(exchange).contextWrite(ctx -> ctx.put(HubPrincipal.class, principal)))
			.defaultIfEmpty(Mono.defer(() -> chain.filter(exchange)))
			.flatMap(handling -> handling);
	}

}
