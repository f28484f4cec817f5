package cn.fj.emergency.alerting.warning;

import java.time.OffsetDateTime;
import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Ends published warnings at their {@code expires}: exactly once however many hub instances check, because a check
 * locks the due rows skipping those another transaction holds, and a row once EXPIRED is no longer due; the state
 * and its {@code warning.expired} event are written in the one transaction that locked it.
 */
public final class ExpiringWarnings {

	private final WarningLifecycle lifecycle;

	public ExpiringWarnings(WarningLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	/** One check: expires every due warning, a batch per transaction; answers how many. */
	public Mono<Long> expireDue() {
		return batch().expand(n -> n == this.lifecycle.settings.expiryBatch() ? batch() : Mono.empty())
			.reduce(0L, Long::sum);
	}

	private Mono<Integer> batch() {
		WarningLifecycle l = this.lifecycle;
		OffsetDateTime now = l.now();
		// one instant for choosing the due warnings and for expiring them, so every one chosen is due
		Mono<Integer> work = l.warnings.lockExpired(now.toInstant(), l.settings.expiryBatch())
			.map(stored -> new StoredWarning(stored.warning().expire(now), stored.targets(), stored.capXml(),
					stored.replaces()))
			.concatMap(expired -> l.warnings.save(expired, l.instant()).thenReturn(expired))
			.collectList()
			.flatMap(expired -> appendAll(expired).thenReturn(expired.size()));
		return l.transactions.transactional(work);
	}

	private Mono<Void> appendAll(List<StoredWarning> expired) {
		if (expired.isEmpty()) {
			return Mono.empty();
		}
		return this.lifecycle.events
			.append(expired.stream().map(s -> this.lifecycle.event(WarningEvent.EXPIRED, s, null)).toList());
	}

}
