package cn.fj.emergency.command.security;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/**
 * An officer signs in with username and password and gets a short-lived token carrying the officer's current
 * credential version. Throttled per username and per client address ({@link SignInThrottle}). Every attempt that
 * gets past the throttle costs exactly one bcrypt comparison, for an unknown username, a disabled officer or a
 * password too long for bcrypt alike, so the answer's timing does not tell which usernames exist. A one-time
 * password (set by an administrator) signs in only together with the officer's new password.
 */
@Component
public class SigningIn {

	private final OfficerAccounts accounts;

	private final PasswordHashing hashing;

	private final TokenService tokens;

	private final SecurityProperties properties;

	private final AuditTrail audit;

	private final SignInThrottle throttle;

	private final TransactionalOperator transactions;

	private final List<CredentialsChangeListener> listeners;

	public SigningIn(OfficerAccounts accounts, PasswordHashing hashing, TokenService tokens, SecurityProperties properties,
			AuditTrail audit, SignInThrottle throttle, TransactionalOperator transactions,
			List<CredentialsChangeListener> listeners) {
		this.audit = audit;
		this.accounts = accounts;
		this.hashing = hashing;
		this.tokens = tokens;
		this.properties = properties;
		this.throttle = throttle;
		this.transactions = transactions;
		this.listeners = List.copyOf(listeners);
	}

	/**
	 * @param newPassword replaces the password on the way: required when the password is a one-time one
	 * @param address the client's address, as {@code security/web/ClientAddress} finds it
	 */
	public Mono<IssuedToken> signIn(String username, String password, @Nullable String newPassword, String address) {
		return this.throttle.check(username, address)
			.then(this.accounts.find(username).map(Optional::of).defaultIfEmpty(Optional.empty()))
			.flatMap(found -> this.hashing.verify(password, found.map(Officer::passwordHash).orElse(null))
				.flatMap(matches -> matches ? passwordRight(found.orElseThrow(), password, newPassword)
						: refused(username, address)));
	}

	private Mono<IssuedToken> refused(String username, String address) {
		return this.throttle.failed(username, address)
			.then(this.audit.record(AuditTrail.Actor.anonymous(username), "officer.sign-in", username,
					AuditRecord.Outcome.REFUSED, Map.of("code", ErrorCode.BAD_CREDENTIALS.name())))
			.then(Mono.error(new HubException(ErrorCode.BAD_CREDENTIALS, "Wrong username or password")));
	}

	private Mono<IssuedToken> passwordRight(Officer officer, String password, @Nullable String newPassword) {
		if (!officer.enabled()) {
			return refusedRightly(officer, new HubException(ErrorCode.ACCOUNT_DISABLED,
					"The account " + officer.username() + " is disabled; an administrator can enable it"));
		}
		Instant now = this.tokens.now();
		if (officer.passwordChangeRequired()) {
			Instant expiresAt = officer.passwordExpiresAt();
			if (expiresAt != null && now.isAfter(expiresAt)) {
				return refusedRightly(officer, new HubException(ErrorCode.PASSWORD_EXPIRED,
						"The one-time password expired at " + expiresAt + "; an administrator must set a new one"));
			}
			if (newPassword == null) {
				return refusedRightly(officer, HubException.field(ErrorCode.PASSWORD_CHANGE_REQUIRED, "newPassword",
						"This is a one-time password: sign in again with it and a newPassword of your own"));
			}
		}
		if (password.equals(newPassword)) {
			return Mono.error(HubException.field(ErrorCode.INVALID_FIELD, "newPassword",
					"newPassword must differ from the password it replaces"));
		}
		Mono<Officer> current = (newPassword == null) ? Mono.just(officer) : changePassword(officer, newPassword, now);
		return current.flatMap(signedIn -> this.throttle.succeeded(signedIn.username()).then(issue(signedIn)))
			.flatMap(issued -> this.audit.record(new AuditTrail.Actor(issued.subject(), HubPrincipal.Kind.OFFICER.name()),
					"officer.sign-in", issued.subject(), AuditRecord.Outcome.DONE, Map.of("expiresAt", issued.expiresAt().toString()))
				.thenReturn(issued));
	}

	/** The right password for an account that may not sign in now: not a failure to count, but refused and recorded. */
	private Mono<IssuedToken> refusedRightly(Officer officer, HubException refusal) {
		return this.audit.record(AuditTrail.Actor.anonymous(officer.username()), "officer.sign-in", officer.username(),
				AuditRecord.Outcome.REFUSED, Map.of("code", refusal.code().name()))
			.then(Mono.error(refusal));
	}

	private Mono<Officer> changePassword(Officer officer, String newPassword, Instant now) {
		return Mono.fromRunnable(() -> PasswordRules.check("newPassword", newPassword))
			.then(Mono.defer(() -> this.hashing.hash(newPassword)))
			.flatMap(hash -> this.transactions.transactional(this.accounts
				.setPassword(officer.username(), hash, false, null, officer.username(), now)
				.flatMap(version -> {
					Map<String, Object> details = new HashMap<>();
					details.put("atSignIn", true);
					details.put("oneTime", officer.passwordChangeRequired());
					return this.audit.record(new AuditTrail.Actor(officer.username(), HubPrincipal.Kind.OFFICER.name()),
							"officer.change-password", officer.username(), AuditRecord.Outcome.DONE, details)
						.thenReturn(version);
				})))
			.flatMap(version -> Flux.fromIterable(this.listeners)
				.concatMap(listener -> listener.credentialsChanged(officer.username(), version))
				.then(Mono.just(new Officer(officer.username(), officer.passwordHash(), officer.displayName(), officer.roles(),
						officer.cityCode(), true, officer.createdAt(), officer.createdBy(), version, false, null))));
	}

	private Mono<IssuedToken> issue(Officer officer) {
		Instant expiresAt = this.tokens.now().plus(this.properties.officerTokenTtl());
		HubPrincipal principal = new HubPrincipal(officer.username(), HubPrincipal.Kind.OFFICER, officer.roles(),
				officer.cityCode(), null, expiresAt, officer.credentialVersion());
		return Mono.fromCallable(() -> IssuedToken.of(this.tokens.issue(principal), principal))
			.subscribeOn(Schedulers.boundedElastic());
	}

}
