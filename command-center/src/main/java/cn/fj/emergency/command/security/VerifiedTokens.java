package cn.fj.emergency.command.security;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The tokens whose signature has been verified, with the principal each carries: an officer's console or a
 * city's HTTP client presents the same token on every call, and checking an ES256 signature costs far more than
 * the rest of a small request. A hit is the exact same token string, so it proves what the signature proved; it
 * counts only until the token's own expiry. Bounded: when full, expired entries go first, and if none has
 * expired the whole cache is emptied (the next calls verify their signatures again).
 */
final class VerifiedTokens {

	private final int capacity;

	private final ConcurrentHashMap<String, HubPrincipal> principals;

	VerifiedTokens(int capacity) {
		if (capacity < 0) {
			throw new IllegalArgumentException("capacity must not be negative");
		}
		this.capacity = capacity;
		this.principals = new ConcurrentHashMap<>();
	}

	/** The principal of this token, verified before and not expired at {@code now}; null otherwise. */
	@Nullable HubPrincipal get(String token, Instant now) {
		HubPrincipal principal = this.principals.get(token);
		if (principal == null) {
			return null;
		}
		// the same rule as the parser's: a token is good up to and including its expiry instant
		if (now.isAfter(principal.expiresAt())) {
			this.principals.remove(token, principal);
			return null;
		}
		return principal;
	}

	/** Remembers a token whose signature, issuer and expiry were just verified. */
	void put(String token, HubPrincipal principal, Instant now) {
		if (this.capacity == 0) {
			return;
		}
		if (this.principals.size() >= this.capacity) {
			this.principals.values().removeIf(p -> now.isAfter(p.expiresAt()));
			if (this.principals.size() >= this.capacity) {
				this.principals.clear();
			}
		}
		this.principals.put(token, principal);
	}

	int size() {
		return this.principals.size();
	}

}
