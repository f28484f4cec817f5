package cn.fj.emergency.command.security;

import reactor.core.publisher.Mono;

/**
 * Told, after the change committed, that an officer's credentials reached a new version (password changed or
 * reset, officer disabled or enabled, tokens revoked): to end what the officer's older tokens opened.
 */
public interface CredentialsChangeListener {

	/** Must not fail the change: errors are the listener's to log. */
	Mono<Void> credentialsChanged(String username, long version);

}
