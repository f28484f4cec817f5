package cn.fj.emergency.command.security.web;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.AdministeringOfficers;
import cn.fj.emergency.command.security.AuditRecord;
import cn.fj.emergency.command.security.AuditTrail;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.IssuedToken;
import cn.fj.emergency.command.security.IssuingServiceToken;
import cn.fj.emergency.command.security.Officer;
import cn.fj.emergency.command.security.OfficerAccounts;
import cn.fj.emergency.command.security.RegisteringOfficer;
import cn.fj.emergency.command.security.RevokingServiceToken;
import cn.fj.emergency.command.security.Role;
import cn.fj.emergency.command.security.ServiceTokens;

/** Administration of officers and service tokens (ADMIN only, by the access policy). */
@RestController
@RequestMapping("/api/admin")
class AdminRoutes {

	private final RegisteringOfficer registeringOfficer;

	private final OfficerAccounts accounts;

	private final IssuingServiceToken issuingServiceToken;

	private final RevokingServiceToken revokingServiceToken;

	private final ServiceTokens serviceTokens;

	private final AuditTrail audit;

	private final AdministeringOfficers administering;

	AdminRoutes(RegisteringOfficer registeringOfficer, OfficerAccounts accounts, IssuingServiceToken issuingServiceToken,
			RevokingServiceToken revokingServiceToken, ServiceTokens serviceTokens, AuditTrail audit,
			AdministeringOfficers administering) {
		this.administering = administering;
		this.audit = audit;
		this.registeringOfficer = registeringOfficer;
		this.accounts = accounts;
		this.issuingServiceToken = issuingServiceToken;
		this.revokingServiceToken = revokingServiceToken;
		this.serviceTokens = serviceTokens;
	}

	@PostMapping("/officers")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<OfficerView> registerOfficer(HubPrincipal admin, @RequestBody RegisteringOfficer.Request request) {
		return this.registeringOfficer.register(admin, request).map(OfficerView::of);
	}

	@GetMapping("/officers")
	Flux<OfficerView> officers() {
		return this.accounts.list().map(OfficerView::of);
	}

	/** The officer can no longer sign in, and the officer's tokens stop working. */
	@PostMapping("/officers/{username}/disable")
	Mono<OfficerView> disableOfficer(HubPrincipal admin, @PathVariable String username) {
		return this.administering.disable(admin, username).map(OfficerView::of);
	}

	@PostMapping("/officers/{username}/enable")
	Mono<OfficerView> enableOfficer(HubPrincipal admin, @PathVariable String username) {
		return this.administering.enable(admin, username).map(OfficerView::of);
	}

	/** Every token issued to the officer so far stops working. */
	@PostMapping("/officers/{username}/revoke-tokens")
	Mono<OfficerView> revokeOfficerTokens(HubPrincipal admin, @PathVariable String username) {
		return this.administering.revokeTokens(admin, username).map(OfficerView::of);
	}

	/** Sets a password, or generates a one-time one (body {@code {}}); the officer's tokens stop working. */
	@PostMapping("/officers/{username}/password")
	Mono<AdministeringOfficers.PasswordReset> resetPassword(HubPrincipal admin, @PathVariable String username,
			@RequestBody AdministeringOfficers.PasswordResetRequest request) {
		return this.administering.resetPassword(admin, username, request);
	}

	@PostMapping("/service-tokens")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<IssuedToken> issueServiceToken(HubPrincipal admin, @RequestBody IssuingServiceToken.Request request) {
		return this.issuingServiceToken.issue(admin, request);
	}

	@GetMapping("/service-tokens")
	Flux<ServiceTokens.ServiceToken> serviceTokens() {
		return this.serviceTokens.list();
	}

	@PostMapping("/service-tokens/{id}/revoke")
	Mono<ServiceTokens.ServiceToken> revoke(HubPrincipal admin, @PathVariable String id) {
		return this.revokingServiceToken.revoke(admin, id);
	}

	/** The audit trail after {@code after}, oldest first, at most {@code limit} (1 to 1000) records. */
	@GetMapping("/audit")
	Flux<AuditRecord> audit(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
		if (after < 0) {
			return Flux.error(HubException.field(ErrorCode.INVALID_FIELD, "after", "after must not be negative"));
		}
		if (limit < 1 || limit > 1000) {
			return Flux.error(HubException.field(ErrorCode.INVALID_FIELD, "limit", "limit must be 1 to 1000"));
		}
		return this.audit.read(after, limit);
	}

	/** An officer as shown: never the password hash. */
	record OfficerView(String username, String displayName, Set<Role> roles, @Nullable String cityCode, boolean enabled,
			boolean passwordChangeRequired) {

		static OfficerView of(Officer officer) {
			return new OfficerView(officer.username(), officer.displayName(), officer.roles(), officer.cityCode(),
					officer.enabled(), officer.passwordChangeRequired());
		}

	}

}
