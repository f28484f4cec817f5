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
 * An administrator revokes a service token. From then on it is refused on every interface, and the connections
 * that authenticated with it are closed on every instance.
 */
@Component
public class RevokingServiceToken {

	private final ServiceTokens serviceTokens;

	private final List<RevocationListener> listeners;

	private final Clock clock;

	private final AuditTrail audit;

	private final TransactionalOperator transactions;

	public RevokingServiceToken(ServiceTokens serviceTokens, List<RevocationListener> listeners, Clock clock,
			AuditTrail audit, TransactionalOperator transactions) {
		this.audit = audit;
		this.transactions = transactions;
		this.serviceTokens = serviceTokens;
		this.listeners = List.copyOf(listeners);
		this.clock = clock;
	}

	public Mono<ServiceTokens.ServiceToken> revoke(HubPrincipal admin, String tokenId) {
		return this.serviceTokens.find(tokenId)
			.switchIfEmpty(Mono.error(() -> new HubException(ErrorCode.NOT_FOUND, "No service token " + tokenId,
					Map.of("tokenId", tokenId))))
			.flatMap(token -> this.transactions.transactional(this.serviceTokens.revoke(tokenId, admin.subject(), this.clock.instant())
				.flatMap(changed -> this.audit.record(AuditTrail.Actor.of(admin), "service-token.revoke", tokenId,
						AuditRecord.Outcome.DONE, Map.of("subject", token.subject(), "alreadyRevoked", !changed)))))
			.then(Flux.fromIterable(this.listeners).concatMap(l -> l.revoked(tokenId)).then())
			.then(this.serviceTokens.find(tokenId));
	}

	/** Told of each revocation, to close what the token opened. */
	public interface RevocationListener {

		Mono<Void> revoked(String tokenId);

	}

}
