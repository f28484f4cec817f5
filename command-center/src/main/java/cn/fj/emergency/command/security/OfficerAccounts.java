package cn.fj.emergency.command.security;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The officers who may sign in. Every change of an officer's credentials raises the officer's credential version,
 * which retires the tokens issued before it; each answers the new version, or is empty when there is no such
 * officer.
 */
public interface OfficerAccounts {

	Mono<Officer> find(String username);

	/** Adds the officer; false when the username is taken. */
	Mono<Boolean> add(Officer officer);

	Flux<Officer> list();

	/**
	 * Replaces the officer's password hash: the officer's own choice ({@code changeRequired} false), or a one-time
	 * password an administrator set, to be replaced at sign-in and good until {@code expiresAt}.
	 */
	Mono<Long> setPassword(String username, String passwordHash, boolean changeRequired, @Nullable Instant expiresAt,
			String by, Instant at);

	/** Enables or disables the officer. */
	Mono<Long> setEnabled(String username, boolean enabled, String by, Instant at);

	/** Retires every token issued to the officer so far. */
	Mono<Long> revokeTokens(String username, String by, Instant at);

}
