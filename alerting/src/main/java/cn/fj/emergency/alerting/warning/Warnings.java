package cn.fj.emergency.alerting.warning;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.approval.WarningIdentifier;
import cn.fj.emergency.alerting.approval.WarningState;

/** The warnings' storage. Writes run inside the caller's transaction. */
public interface Warnings {

	/** The unit's latest identifier, if it has issued any. */
	Mono<WarningIdentifier> lastOf(String unit);

	/** Inserts a new warning; false if its identifier is taken (nothing written). */
	Mono<Boolean> insert(StoredWarning warning, Instant now);

	/** The warning, locked for the rest of the transaction. */
	Mono<StoredWarning> lock(String identifier);

	Mono<StoredWarning> find(String identifier);

	/** Stores the warning's new state (its document too, unless it had been published before). */
	Mono<Void> save(StoredWarning warning, Instant now);

	/** Newest first, optionally of one state. */
	Flux<StoredWarning> list(@Nullable WarningState state, int limit, int offset);

	/** Published warnings expired by {@code now}, locked and skipping those another transaction holds. */
	Flux<StoredWarning> lockExpired(Instant now, int limit);

}
