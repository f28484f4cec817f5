package cn.fj.emergency.command.security.web;

import java.io.Serial;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import cn.fj.emergency.command.security.HubPrincipal;

/**
 * A bearer token as Spring Security carries it: first the token as sent, then, once the {@link
 * cn.fj.emergency.command.security.Authenticator} verified it, the principal with its roles as authorities.
 */
final class TokenAuthentication extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient @Nullable String token;

	private final transient @Nullable HubPrincipal principal;

	private TokenAuthentication(@Nullable String token, @Nullable HubPrincipal principal) {
		super(principal == null ? List.of()
				: principal.roles().stream().map(role -> new SimpleGrantedAuthority(role.name())).toList());
		this.token = token;
		this.principal = principal;
		setAuthenticated(principal != null);
	}

	static TokenAuthentication unverified(String token) {
		return new TokenAuthentication(token, null);
	}

	static TokenAuthentication verified(HubPrincipal principal) {
		return new TokenAuthentication(null, principal);
	}

	/** The token as sent; none once verified (nothing downstream needs it). */
	@Override
	public @Nullable String getCredentials() {
		return this.token;
	}

	/** The verified principal, or none before verification. */
	@Override
	public @Nullable HubPrincipal getPrincipal() {
		return this.principal;
	}

	@Override
	public String getName() {
		return this.principal != null ? this.principal.subject() : "";
	}

}
