package cn.fj.emergency.command.security;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The officers who may sign in. */
public interface OfficerAccounts {

	Mono<Officer> find(String username);

	/** Adds the officer; false when the username is taken. */
	Mono<Boolean> add(Officer officer);

	Flux<Officer> list();

	/** Replaces the officer's password hash; false when there is no such officer. */
	Mono<Boolean> changePassword(String username, String passwordHash);

}
