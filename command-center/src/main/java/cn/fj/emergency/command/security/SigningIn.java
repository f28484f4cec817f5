package cn.fj.emergency.command.security;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/** An officer signs in with username and password and gets a short-lived token. */
@Component
public class SigningIn {

	private final OfficerAccounts accounts;

	private final PasswordHashing hashing;

	private final TokenService tokens;

	private final SecurityProperties properties;

	private final AuditTrail audit;

	public SigningIn(OfficerAccounts accounts, PasswordHashing hashing, TokenService tokens, SecurityProperties properties,
			AuditTrail audit) {
		this.audit = audit;
		this.accounts = accounts;
		this.hashing = hashing;
		this.tokens = tokens;
		this.properties = properties;
	}

	public Mono<IssuedToken> signIn(String username, String password) {
		return this.accounts.find(username)
			.filter(Officer::enabled)
			.flatMap(officer -> this.hashing.matches(password, officer.passwordHash()).filter(ok -> ok).map(ok -> officer))
			.switchIfEmpty(Mono.defer(() -> this.hashing.matchesNothing(password)
				.then(this.audit.record(AuditTrail.Actor.anonymous(username), "officer.sign-in", username,
						AuditRecord.Outcome.REFUSED, Map.of("code", ErrorCode.BAD_CREDENTIALS.name())))
				.then(Mono.error(new HubException(ErrorCode.BAD_CREDENTIALS, "Wrong username or password")))))
			.flatMap(this::issue)
			.flatMap(issued -> this.audit.record(new AuditTrail.Actor(issued.subject(), HubPrincipal.Kind.OFFICER.name()),
					"officer.sign-in", issued.subject(), AuditRecord.Outcome.DONE, Map.of("expiresAt", issued.expiresAt().toString()))
				.thenReturn(issued));
	}

	private Mono<IssuedToken> issue(Officer officer) {
		Instant expiresAt = this.tokens.now().plus(this.properties.officerTokenTtl());
		HubPrincipal principal = new HubPrincipal(officer.username(), HubPrincipal.Kind.OFFICER, officer.roles(),
				officer.cityCode(), null, expiresAt);
		return Mono.fromCallable(() -> IssuedToken.of(this.tokens.issue(principal), principal))
			.subscribeOn(Schedulers.boundedElastic());
	}

}
