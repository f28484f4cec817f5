package cn.fj.emergency.command.security;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/** An officer changes their own password, proving the current one. Tokens already issued stay valid until they expire. */
@Component
public class ChangingPassword {

	private final OfficerAccounts accounts;

	private final PasswordHashing hashing;

	private final AuditTrail audit;

	private final TransactionalOperator transactions;

	public ChangingPassword(OfficerAccounts accounts, PasswordHashing hashing, AuditTrail audit,
			TransactionalOperator transactions) {
		this.audit = audit;
		this.transactions = transactions;
		this.accounts = accounts;
		this.hashing = hashing;
	}

	public Mono<Void> change(HubPrincipal officer, String currentPassword, String newPassword) {
		if (officer.kind() != HubPrincipal.Kind.OFFICER) {
			return Mono.error(new HubException(ErrorCode.ACCESS_DENIED, "Only officers have passwords"));
		}
		if (newPassword.length() < RegisteringOfficer.MIN_PASSWORD_LENGTH) {
			return Mono.error(HubException.field(ErrorCode.INVALID_FIELD, "newPassword",
					"newPassword must have at least " + RegisteringOfficer.MIN_PASSWORD_LENGTH + " characters"));
		}
		return this.accounts.find(officer.subject())
			.filterWhen(account -> this.hashing.matches(currentPassword, account.passwordHash()))
			.switchIfEmpty(Mono.error(() -> HubException.field(ErrorCode.BAD_CREDENTIALS, "currentPassword",
					"The current password is wrong")))
			.flatMap(account -> this.hashing.hash(newPassword))
			.flatMap(hash -> this.transactions.transactional(this.accounts.changePassword(officer.subject(), hash)
				.then(this.audit.record(AuditTrail.Actor.of(officer), "officer.change-password", officer.subject(),
						AuditRecord.Outcome.DONE, Map.of()))))
			.then();
	}

}
