package cn.fj.emergency.command.security.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.security.HubPrincipal;

/**
 * Puts the principal that authenticated an HTTP request into the Reactor context of its handling, under
 * {@code HubPrincipal.class}, as the RSocket responder does for RSocket requests: whatever the request changes is
 * then recorded in the audit trail as that principal's act (stream/AuditedActs). Runs last of the filters, so after
 * whatever authenticated the request.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class PrincipalInContext implements WebFilter {

	/** The exchange attribute in which the authentication leaves the principal ({@code BearerAuthentication}). */
	static final String PRINCIPAL_ATTRIBUTE = HubPrincipal.class.getName();

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Object principal = exchange.getAttribute(PRINCIPAL_ATTRIBUTE);
		if (principal instanceof HubPrincipal hub) {
			return chain.filter(exchange).contextWrite(ctx -> ctx.put(HubPrincipal.class, hub));
		}
		return chain.filter(exchange);
	}

}
