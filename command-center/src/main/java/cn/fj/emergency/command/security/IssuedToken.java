package cn.fj.emergency.command.security;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** A token as handed out: the only time the token string is shown. */
public record IssuedToken(String token, String tokenType, @Nullable String tokenId, String subject, Set<Role> roles,
		@Nullable String cityCode, Instant expiresAt) {

	static IssuedToken of(String token, HubPrincipal principal) {
		return new IssuedToken(token, "Bearer", principal.tokenId(), principal.subject(), principal.roles(),
				principal.cityCode(), principal.expiresAt());
	}

}
