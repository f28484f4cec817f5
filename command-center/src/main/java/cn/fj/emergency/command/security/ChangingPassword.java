package cn.fj.emergency.command.security;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/**
 * An officer changes their own password, proving the current one. Every token issued to the officer before,
 * the one used for the change included, stops working: the officer signs in again with the new password.
 */
@Component
public class ChangingPassword {

	private final OfficerAccounts accounts;

	private final PasswordHashing hashing;

	private final AuditTrail audit;

	private final TransactionalOperator transactions;

	private final Clock clock;

	private final List<CredentialsChangeListener> listeners;

	public ChangingPassword(OfficerAccounts accounts, PasswordHashing hashing, AuditTrail audit,
			TransactionalOperator transactions, Clock clock, List<CredentialsChangeListener> listeners) {
		this.audit = audit;
		this.transactions = transactions;
		this.accounts = accounts;
		this.hashing = hashing;
		this.clock = clock;
		this.listeners = List.copyOf(listeners);
	}

	public Mono<Void> change(HubPrincipal officer, String currentPassword, String newPassword) {
		if (officer.kind() != HubPrincipal.Kind.OFFICER) {
			return Mono.error(new HubException(ErrorCode.ACCESS_DENIED, "Only officers have passwords"));
		}
		try {
			PasswordRules.check("newPassword", newPassword);
			if (newPassword.equals(currentPassword)) {
				throw HubException.field(ErrorCode.INVALID_FIELD, "newPassword", "newPassword must differ from the current one");
			}
		}
		catch (HubException ex) {
			return Mono.error(ex);
		}
		return this.accounts.find(officer.subject())
			.filterWhen(account -> this.hashing.verify(currentPassword, account.passwordHash()))
			.switchIfEmpty(Mono.error(() -> HubException.field(ErrorCode.BAD_CREDENTIALS, "currentPassword",
					"The current password is wrong")))
			.flatMap(account -> this.hashing.hash(newPassword))
			.flatMap(hash -> this.transactions.transactional(this.accounts
				.setPassword(officer.subject(), hash, false, null, officer.subject(), this.clock.instant())
				.flatMap(version -> this.audit.record(AuditTrail.Actor.of(officer), "officer.change-password",
						officer.subject(), AuditRecord.Outcome.DONE, Map.of())
					.thenReturn(version))))
			.flatMap(version -> Flux.fromIterable(this.listeners)
				.concatMap(listener -> listener.credentialsChanged(officer.subject(), version))
				.then());
	}

}
