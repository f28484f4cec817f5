package cn.fj.emergency.command.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/**
 * An administrator disables and enables officers, resets their passwords and revokes their tokens. Each act is
 * one transaction with its audit record, raises the officer's credential version (so every token issued to the
 * officer before stops working, on every hub instance) and then tells the {@link CredentialsChangeListener}s.
 */
@Component
public class AdministeringOfficers {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final OfficerAccounts accounts;

	private final PasswordHashing hashing;

	private final AuditTrail audit;

	private final TransactionalOperator transactions;

	private final Clock clock;

	private final SignInProperties signIn;

	private final List<CredentialsChangeListener> listeners;

	private final SignInThrottle throttle;

	public AdministeringOfficers(OfficerAccounts accounts, PasswordHashing hashing, AuditTrail audit,
			TransactionalOperator transactions, Clock clock, SignInProperties signIn,
			List<CredentialsChangeListener> listeners, SignInThrottle throttle) {
		this.throttle = throttle;
		this.accounts = accounts;
		this.hashing = hashing;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
		this.signIn = signIn;
		this.listeners = List.copyOf(listeners);
	}

	/** The officer can no longer sign in; tokens already issued stop working. */
	public Mono<Officer> disable(HubPrincipal admin, String username) {
		if (admin.subject().equals(username)) {
			return Mono.error(new HubException(ErrorCode.SELF_DISABLE_REFUSED,
					"You cannot disable your own account; another administrator can", Map.of("username", username)));
		}
		return change(admin, username, "officer.disable", officer -> Map.of("wasEnabled", officer.enabled()),
				at -> this.accounts.setEnabled(username, false, admin.subject(), at));
	}

	/**
	 * The officer may sign in again (tokens from before the officer was disabled stay retired), and failed sign-ins
	 * counted against the username are forgotten.
	 */
	public Mono<Officer> enable(HubPrincipal admin, String username) {
		return change(admin, username, "officer.enable", officer -> Map.of("wasEnabled", officer.enabled()),
				at -> this.accounts.setEnabled(username, true, admin.subject(), at))
			.flatMap(officer -> this.throttle.succeeded(username).thenReturn(officer));
	}

	/** Every token issued to the officer so far stops working; the officer may sign in again. */
	public Mono<Officer> revokeTokens(HubPrincipal admin, String username) {
		return change(admin, username, "officer.revoke-tokens", officer -> Map.of(),
				at -> this.accounts.revokeTokens(username, admin.subject(), at));
	}

	/**
	 * Sets the officer's password: the one given, or, when none is, a generated one-time password shown only in the
	 * answer. A one-time password (or one given with {@code changeRequired}) must be replaced at sign-in, within
	 * {@code hub.security.sign-in.one-time-password-ttl}. Failed sign-ins counted against the username are forgotten.
	 */
	public Mono<PasswordReset> resetPassword(HubPrincipal admin, String username, PasswordResetRequest request) {
		String given = request.password();
		boolean generated = given == null;
		boolean changeRequired = generated || Boolean.TRUE.equals(request.changeRequired());
		Instant now = this.clock.instant();
		Instant expiresAt = changeRequired ? now.plus(this.signIn.oneTimePasswordTtl()) : null;
		// generating draws random numbers, which may read from the operating system: off the event loop
		return Mono.fromCallable(() -> {
			if (generated && request.changeRequired() != null && !request.changeRequired()) {
				throw HubException.field(ErrorCode.INVALID_FIELD, "changeRequired",
						"A generated password is a one-time password: changeRequired cannot be false");
			}
			String password = generated ? oneTimePassword() : given;
			PasswordRules.check("password", password);
			return password;
		})
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(password -> this.hashing.hash(password)
				.flatMap(hash -> change(admin, username, "officer.reset-password", officer -> {
					Map<String, Object> details = new HashMap<>();
					details.put("generated", generated);
					details.put("changeRequired", changeRequired);
					return details;
				}, at -> this.accounts.setPassword(username, hash, changeRequired, expiresAt, admin.subject(), at)))
				.flatMap(officer -> this.throttle.succeeded(username).thenReturn(officer))
				.map(officer -> new PasswordReset(username, generated ? password : null, changeRequired, expiresAt)));
	}

	private Mono<Officer> change(HubPrincipal admin, String username, String action,
			java.util.function.Function<Officer, Map<String, Object>> details,
			java.util.function.Function<Instant, Mono<Long>> update) {
		return this.transactions.transactional(this.accounts.find(username)
			.switchIfEmpty(Mono.error(() -> new HubException(ErrorCode.NOT_FOUND, "No officer " + username,
					Map.of("username", username))))
			.flatMap(before -> update.apply(this.clock.instant())
				.flatMap(version -> {
					Map<String, Object> recorded = new HashMap<>(details.apply(before));
					recorded.put("credentialVersion", version);
					return this.audit.record(AuditTrail.Actor.of(admin), action, username, AuditRecord.Outcome.DONE, recorded)
						.thenReturn(version);
				})))
			.flatMap(version -> Flux.fromIterable(this.listeners)
				.concatMap(listener -> listener.credentialsChanged(username, version))
				.then(this.accounts.find(username)));
	}

	private static String oneTimePassword() {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * {@code password} absent: the hub generates a one-time password. {@code changeRequired} (default: false for a
	 * given password, and always true for a generated one): the officer must replace it at sign-in.
	 */
	public record PasswordResetRequest(@Nullable String password, @Nullable Boolean changeRequired) {
	}

	/** The answer: {@code oneTimePassword} only when the hub generated it, the only time it is shown. */
	public record PasswordReset(String username, @Nullable String oneTimePassword, boolean passwordChangeRequired,
			@Nullable Instant passwordExpiresAt) {
	}

}
