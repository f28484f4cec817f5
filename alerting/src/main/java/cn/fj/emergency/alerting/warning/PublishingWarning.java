package cn.fj.emergency.alerting.warning;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.approval.Officer;
import cn.fj.emergency.alerting.approval.Warning;
import cn.fj.emergency.alerting.cap.MessageType;

/**
 * An officer publishes an approved warning: its alert is sent now and stored as the published bytes, its
 * {@code warning.published} event reaches the cities it covers, every channel is handed it, and, if it is an Update
 * or a Cancel, the warning it references ends ({@code warning.updated} / {@code warning.cancelled}); all in one
 * transaction.
 */
public final class PublishingWarning {

	private final WarningLifecycle lifecycle;

	public PublishingWarning(WarningLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	public Mono<WarningView> publish(Officer by, String identifier) {
		WarningLifecycle l = this.lifecycle;
		Mono<StoredWarning> work = l.warnings.lock(identifier)
			.switchIfEmpty(Mono.error(() -> WarningLifecycle.notFound(identifier)))
			.doOnNext(stored -> WarningLifecycle.requireInScope(by, stored))
			.flatMap(stored -> Mono.fromCallable(() -> stored.warning().publish(l.now(), l.publishing))
				.flatMap(published -> l.stored(published, stored.replaces())))
			.flatMap(published -> l.warnings.save(published, l.instant())
				.then(endReplaced(published))
				.flatMap(events -> l.events.append(events))
				.then(l.distribute(published))
				.thenReturn(published));
		return l.transactions.transactional(work).map(WarningView::of);
	}

	/** The events of the publication, and of the end of the warning it updates or cancels. */
	private Mono<List<WarningEvent>> endReplaced(StoredWarning published) {
		WarningLifecycle l = this.lifecycle;
		WarningEvent event = l.event(WarningEvent.PUBLISHED, published, published.capXml());
		String replaces = published.replaces();
		if (replaces == null) {
			return Mono.just(List.of(event));
		}
		boolean update = published.warning().alert().msgType() == MessageType.UPDATE;
		return l.warnings.lock(replaces)
			.switchIfEmpty(Mono.error(() -> WarningLifecycle.notFound(replaces)))
			.flatMap(old -> {
				Warning ended = update ? old.warning().updatedBy(published.warning())
						: old.warning().cancelledBy(published.warning());
				StoredWarning endedStored = new StoredWarning(ended, old.targets(), old.capXml(), old.replaces());
				List<WarningEvent> all = new ArrayList<>();
				all.add(event);
				all.add(l.event(update ? WarningEvent.UPDATED : WarningEvent.CANCELLED, endedStored, null));
				return l.warnings.save(endedStored, l.instant()).thenReturn(List.copyOf(all));
			});
	}

}
