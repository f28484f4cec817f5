package cn.fj.emergency.command.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.fj.emergency.command.Ids;
import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/**
 * An administrator issues a service token to a city platform (scoped to its city) or a department. The token is
 * recorded (never the token string) so that it can be listed and revoked.
 */
@Component
public class IssuingServiceToken {

	private static final Set<Role> SERVICE_ROLES = EnumSet.of(Role.CITY_PLATFORM, Role.DEPARTMENT, Role.INTAKE_SYSTEM,
			Role.CHANNEL_GATEWAY);

	/** Roles of systems that do one thing: their tokens hold no other role. */
	private static final Set<Role> ALONE = EnumSet.of(Role.INTAKE_SYSTEM, Role.CHANNEL_GATEWAY);

	private final ServiceTokens serviceTokens;

	private final TokenService tokens;

	private final SecurityProperties properties;

	private final Clock clock;

	private final AuditTrail audit;

	private final TransactionalOperator transactions;

	public IssuingServiceToken(ServiceTokens serviceTokens, TokenService tokens, SecurityProperties properties,
			Clock clock, AuditTrail audit, TransactionalOperator transactions) {
		this.audit = audit;
		this.transactions = transactions;
		this.serviceTokens = serviceTokens;
		this.tokens = tokens;
		this.properties = properties;
		this.clock = clock;
	}

	public Mono<IssuedToken> issue(HubPrincipal admin, Request request) {
		return Mono.fromCallable(() -> validated(admin, request))
			.flatMap(token -> this.transactions.transactional(this.serviceTokens.record(token)
				.then(this.audit.record(AuditTrail.Actor.of(admin), "service-token.issue", token.id(),
						AuditRecord.Outcome.DONE, details(token))))
				.thenReturn(token))
			.publishOn(Schedulers.boundedElastic())
			.map(token -> {
				HubPrincipal principal = new HubPrincipal(token.subject(), HubPrincipal.Kind.SERVICE, token.roles(),
						token.cityCode(), token.id(), token.expiresAt());
				return IssuedToken.of(this.tokens.issue(principal), principal);
			});
	}

	private static Map<String, Object> details(ServiceTokens.ServiceToken token) {
		Map<String, Object> details = new HashMap<>();
		details.put("subject", token.subject());
		details.put("roles", token.roles().stream().map(Role::name).sorted().toList());
		details.put("cityCode", token.cityCode());
		details.put("expiresAt", token.expiresAt().toString());
		return details;
	}

	private ServiceTokens.ServiceToken validated(HubPrincipal admin, Request request) {
		if (request.subject() == null || request.subject().isBlank()) {
			throw HubException.field(ErrorCode.FIELD_REQUIRED, "subject", "subject is required");
		}
		Set<Role> roles = request.roles() == null ? Set.of() : request.roles();
		if (roles.isEmpty() || !SERVICE_ROLES.containsAll(roles)) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "roles",
					"A service token holds CITY_PLATFORM, DEPARTMENT, INTAKE_SYSTEM or CHANNEL_GATEWAY");
		}
		for (Role alone : ALONE) {
			if (roles.contains(alone) && roles.size() > 1) {
				throw HubException.field(ErrorCode.INVALID_FIELD, "roles", "A token with " + alone + " holds it alone");
			}
		}
		String city = request.cityCode();
		if (roles.contains(Role.CITY_PLATFORM)) {
			if (city == null) {
				throw HubException.field(ErrorCode.FIELD_REQUIRED, "cityCode", "A city platform's token names its city");
			}
			if (!Areas.isCity(city)) {
				throw HubException.field(ErrorCode.UNKNOWN_AREA, "cityCode", city + " is not a city platform of the province");
			}
		}
		else if (city != null && roles.contains(Role.INTAKE_SYSTEM)) {
			// an intake system may be confined to one city's counties, or serve the whole province
			if (!Areas.isCity(city)) {
				throw HubException.field(ErrorCode.UNKNOWN_AREA, "cityCode", city + " is not a city platform of the province");
			}
		}
		else if (city != null) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "cityCode", "Only city platform and intake system tokens are scoped to a city");
		}
		Duration ttl = request.validFor() == null ? this.properties.serviceTokenTtl() : request.validFor();
		if (ttl.isNegative() || ttl.isZero()) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "validFor", "validFor must be positive");
		}
		if (ttl.compareTo(this.properties.serviceTokenMaxTtl()) > 0) {
			throw new HubException(ErrorCode.INVALID_FIELD,
					"validFor must be at most " + this.properties.serviceTokenMaxTtl() + " (hub.security.service-token-max-ttl)",
					Map.of("field", "validFor", "maxValidFor", this.properties.serviceTokenMaxTtl().toString()));
		}
		Instant now = this.clock.instant();
		String description = request.description() == null ? "" : request.description();
		return new ServiceTokens.ServiceToken(Ids.newId(this.clock).toString(), request.subject().trim(),
				roles, city, description, admin.subject(), now, now.plus(ttl).truncatedTo(ChronoUnit.SECONDS), null);
	}

	/**
	 * What the administrator asks for; {@code validFor} defaults to the configured service token lifetime and may be
	 * at most {@code hub.security.service-token-max-ttl}.
	 */
	public record Request(@Nullable String subject, @Nullable Set<Role> roles, @Nullable String cityCode,
			@Nullable String description, @Nullable Duration validFor) {
	}

}
