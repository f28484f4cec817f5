package cn.fj.emergency.command.security;

import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * BCrypt, run off the event loop ({@code boundedElastic}): hashing is deliberately slow. Every verification costs
 * one bcrypt comparison, whether the officer exists or not and whatever the password, so that a refusal takes as
 * long for an unknown username as for a wrong password.
 */
public final class PasswordHashing {

	private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);

	// compared against when a username is unknown, so that both refusals take as long
	private final String dummyHash = this.encoder.encode("no officer has this password");

	private final AtomicLong verifications = new AtomicLong();

	private final AtomicLong onEventLoop = new AtomicLong();

	/** Hashes a password that keeps the {@link PasswordRules}. */
	public Mono<String> hash(String password) {
		return Mono.fromCallable(() -> this.encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * Whether the password is the one of {@code hash}. With no hash (no such officer), or a password bcrypt cannot
	 * take (longer than {@link PasswordRules#MAX_BYTES}), it compares against a hash of nothing anyone knows, which
	 * costs the same, and answers false.
	 */
	public Mono<Boolean> verify(String password, @Nullable String hash) {
		return Mono.fromCallable(() -> {
			this.verifications.incrementAndGet();
			if (Schedulers.isInNonBlockingThread()) {
				this.onEventLoop.incrementAndGet();
			}
			if (hash == null || !PasswordRules.fitsBcrypt(password)) {
				this.encoder.matches("not the password", this.dummyHash);
				return false;
			}
			return this.encoder.matches(password, hash);
		}).subscribeOn(Schedulers.boundedElastic());
	}

	/** Verifications made so far, and how many of them ran on a non-blocking (event loop) thread: for tests. */
	long verifications() {
		return this.verifications.get();
	}

	long verificationsOnEventLoop() {
		return this.onEventLoop.get();
	}

	/** For start-up, off any event loop. */
	public String hashNow(String password) {
		return this.encoder.encode(password);
	}

}
