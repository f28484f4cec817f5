package cn.fj.emergency.command.security;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The record of service tokens an administrator issued, so that they can be listed and revoked. */
public interface ServiceTokens {

	Mono<Void> record(ServiceToken token);

	/** Empty when no such token was ever issued. */
	Mono<ServiceToken> find(String tokenId);

	Flux<ServiceToken> list();

	/** Marks the token revoked; false when there was no such token or it was revoked already. */
	Mono<Boolean> revoke(String tokenId, String by, Instant at);

	/** An issued token as recorded: the token string itself is never stored. */
	record ServiceToken(String id, String subject, Set<Role> roles, @Nullable String cityCode, String description,
			String issuedBy, Instant issuedAt, Instant expiresAt, @Nullable Instant revokedAt) {

		public ServiceToken {
			roles = Set.copyOf(roles);
		}

		public boolean revoked() {
			return this.revokedAt != null;
		}

	}

}
