package cn.fj.emergency.command.security.web;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.AccessPolicy;
import cn.fj.emergency.command.security.Authenticator;
import cn.fj.emergency.command.security.Role;

/**
 * HTTP access control: Spring Security's WebFlux filter chain, with the hub's bearer tokens as the authentication
 * and {@link AccessPolicy}'s one table as the rules, each matched on the decoded path the router dispatches on.
 * Its strict firewall refuses ambiguous paths first. Every refusal is the hub's problem body with its code.
 */
@Configuration(proxyBeanMethods = false)
class HttpAccessControl {

	/**
	 * What the console needs and nothing more: its scripts, style sheets, WebJars and map data from the hub itself,
	 * the API and the RSocket WebSocket on the same host ({@code 'self'} covers {@code ws:}/{@code wss:} there); no
	 * inline script or style, no eval, no plug-ins, never framed.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** The methods the hub answers; any other is refused by the firewall before routing. */
	private static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
			HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

	@Bean
	TokenAuthenticationManager tokenAuthenticationManager(Authenticator authenticator) {
		return new TokenAuthenticationManager(authenticator);
	}

	@Bean
	SecurityWebFilterChain httpAccessRules(ServerHttpSecurity http, TokenAuthenticationManager tokens, JsonMapper json) {
		ProblemResponses problems = new ProblemResponses(json);
		// bearer tokens travel in a header the browser never adds by itself and the hub sets no cookie: a forged
		// cross-site request carries no credential, so there is nothing for CSRF protection to protect
		http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			// stateless: each request proves itself with its token; no session, no saved request
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.addFilterAt(authentication(tokens, problems), SecurityWebFiltersOrder.AUTHENTICATION)
			.authorizeExchange(HttpAccessControl::rules)
			.exceptionHandling(refusals -> refusals
				.authenticationEntryPoint((exchange, missing) -> problems.write(exchange,
						new HubException(ErrorCode.AUTHENTICATION_REQUIRED, "A bearer token is required")))
				.accessDeniedHandler((exchange, denied) -> problems.write(exchange, new HubException(ErrorCode.ACCESS_DENIED,
						"This request needs one of the roles " + neededRoles(exchange)))))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frames -> frames.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

	/** Each rule of the table once, in its order (the first match decides); what no rule covers is open. */
	private static void rules(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
		for (AccessPolicy.HttpRule rule : AccessPolicy.httpRules()) {
			ServerHttpSecurity.AuthorizeExchangeSpec.Access access = exchanges.matchers(matcher(rule));
			Set<Role> roles = rule.roles();
			if (roles == null) {
				access.permitAll();
			}
			else {
				access.hasAnyAuthority(roles.stream().map(Role::name).toArray(String[]::new));
			}
		}
		exchanges.anyExchange().permitAll();
	}

	private static ServerWebExchangeMatcher matcher(AccessPolicy.HttpRule rule) {
		return exchange -> rule.matches(exchange.getRequest().getMethod().name(), DecodedPath.of(exchange))
				? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
	}

	private static Set<Role> neededRoles(ServerWebExchange exchange) {
		Set<Role> roles = AccessPolicy.rolesForHttp(exchange.getRequest().getMethod().name(), DecodedPath.of(exchange));
		return roles != null ? roles : EnumSet.noneOf(Role.class);
	}

	/**
	 * Verifies the bearer token of every request a rule asks roles for. Open endpoints are not authenticated at
	 * all, so a stale token sent to the sign-in or to the console's files does not get in the way.
	 */
	private static AuthenticationWebFilter authentication(TokenAuthenticationManager tokens, ProblemResponses problems) {
		AuthenticationWebFilter filter = new AuthenticationWebFilter(tokens);
		filter.setServerAuthenticationConverter(new BearerTokenConverter());
		filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		filter.setRequiresAuthenticationMatcher(exchange -> AccessPolicy.rolesForHttp(exchange.getRequest().getMethod().name(),
				DecodedPath.of(exchange)) != null ? ServerWebExchangeMatcher.MatchResult.match()
						: ServerWebExchangeMatcher.MatchResult.notMatch());
		filter.setAuthenticationFailureHandler((filterExchange, failure) -> problems.write(filterExchange.getExchange(),
				failure instanceof TokenRefused refused ? refused.refusal()
						: new HubException(ErrorCode.TOKEN_INVALID, "The bearer token was not accepted")));
		return filter;
	}

	/**
	 * Spring Security's strict firewall as it comes: it refuses percent-encoded {@code /}, {@code \}, {@code .} and
	 * {@code %}, {@code ;} (matrix parameters), {@code //}, {@code ..} segments, control characters, and methods
	 * outside {@link #METHODS}. Encoded letters ({@code /%61pi/}) pass: decoded, they are the plain path, and the
	 * rules match the decoded path.
	 */
	@Bean
	ServerWebExchangeFirewall httpFirewall() {
		StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
		firewall.setAllowedHttpMethods(METHODS);
		return firewall;
	}

	@Bean
	ServerExchangeRejectedHandler firewallRefusals(JsonMapper json) {
		ProblemResponses problems = new ProblemResponses(json);
		return (exchange, rejected) -> {
			exchange.getResponse().getHeaders().set("X-Content-Type-Options", "nosniff");
			return problems.write(exchange, firewallRefusal(exchange, rejected));
		};
	}

	private static HubException firewallRefusal(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
		if (!METHODS.contains(exchange.getRequest().getMethod())) {
			return new HubException(ErrorCode.METHOD_NOT_ALLOWED,
					"The method " + exchange.getRequest().getMethod().name() + " is not answered here");
		}
		String what = String.valueOf(rejected.getMessage()).toLowerCase(java.util.Locale.ROOT);
		if (what.contains("header") || what.contains("parameter")) {
			return new HubException(ErrorCode.INVALID_REQUEST,
					"A request header or query parameter holds characters that are not allowed (control characters)");
		}
		return new HubException(ErrorCode.PATH_REJECTED, "The request path was refused as ambiguous: send it without "
				+ "percent-encoded '/', '\\', '.' or '%', without ';' (matrix parameters), '//' or '..' segments");
	}

}
