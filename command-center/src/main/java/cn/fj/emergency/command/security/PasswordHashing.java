package cn.fj.emergency.command.security;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** BCrypt, run off the event loop: hashing is deliberately slow. */
public final class PasswordHashing {

	private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);

	// compared against when a username is unknown, so that both refusals take as long
	private final String dummyHash = this.encoder.encode("no officer has this password");

	public Mono<String> hash(String password) {
		return Mono.fromCallable(() -> this.encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
	}

	public Mono<Boolean> matches(String password, String hash) {
		return Mono.fromCallable(() -> this.encoder.matches(password, hash)).subscribeOn(Schedulers.boundedElastic());
	}

	/** Spends the time of a real comparison and answers false. */
	public Mono<Boolean> matchesNothing(String password) {
		return matches(password, this.dummyHash).map(ok -> false);
	}

	/** For start-up, off any event loop. */
	public String hashNow(String password) {
		return this.encoder.encode(password);
	}

}
