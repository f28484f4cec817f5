package cn.fj.emergency.command.security;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/** An administrator adds an officer who signs in with a password. */
@Component
public class RegisteringOfficer {

	private final OfficerAccounts accounts;

	private final PasswordHashing hashing;

	private final Clock clock;

	private final AuditTrail audit;

	private final TransactionalOperator transactions;

	public RegisteringOfficer(OfficerAccounts accounts, PasswordHashing hashing, Clock clock, AuditTrail audit,
			TransactionalOperator transactions) {
		this.audit = audit;
		this.transactions = transactions;
		this.accounts = accounts;
		this.hashing = hashing;
		this.clock = clock;
	}

	public Mono<Officer> register(HubPrincipal admin, Request request) {
		return Mono.fromRunnable(() -> validate(request))
			.then(Mono.defer(() -> this.hashing.hash(request.password())))
			.map(hash -> new Officer(request.username(), hash,
					request.displayName() == null ? request.username() : request.displayName(), request.roles(),
					request.cityCode(), true, this.clock.instant(), admin.subject()))
			.flatMap(officer -> this.transactions.transactional(this.accounts.add(officer)
				.flatMap(added -> added ? this.audit.record(AuditTrail.Actor.of(admin), "officer.register", officer.username(),
						AuditRecord.Outcome.DONE, details(officer)).thenReturn(officer)
						: Mono.error(HubException.field(ErrorCode.USERNAME_TAKEN, "username",
								"The username " + officer.username() + " is taken")))));
	}

	private static Map<String, Object> details(Officer officer) {
		Map<String, Object> details = new HashMap<>();
		details.put("roles", officer.roles().stream().map(Role::name).sorted().toList());
		details.put("cityCode", officer.cityCode());
		return details;
	}

	private static void validate(Request request) {
		if (request.username() == null || !request.username().matches("[A-Za-z0-9._-]{3,64}")) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "username", "username: 3 to 64 of A-Z a-z 0-9 . _ -");
		}
		if (request.password() == null) {
			throw HubException.field(ErrorCode.FIELD_REQUIRED, "password", "password is required");
		}
		PasswordRules.check("password", request.password());
		if (request.roles() == null || request.roles().isEmpty() || !Role.OFFICERS.containsAll(request.roles())) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "roles", "An officer holds DUTY_OFFICER, COMMANDER or ADMIN");
		}
		if (request.cityCode() != null && !Areas.isCity(request.cityCode())) {
			throw HubException.field(ErrorCode.UNKNOWN_AREA, "cityCode", request.cityCode() + " is not a city of the province");
		}
	}

	/** {@code cityCode} confines the officer to one city's view; absent for province-wide officers. */
	public record Request(String username, String password, @Nullable String displayName, Set<Role> roles,
			@Nullable String cityCode) {
	}

}
