package cn.fj.emergency.alerting.warning;

import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.approval.Officer;

/**
 * An officer drafts an Update of a published warning: a new warning, with its own identifier, that references the
 * published alert and goes through the same review. Once it is published, the old one is UPDATED.
 */
public final class UpdatingWarning {

	private final WarningLifecycle lifecycle;

	public UpdatingWarning(WarningLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	public Mono<WarningView> update(Officer by, String identifier, WarningContent content) {
		WarningLifecycle l = this.lifecycle;
		return l.find(identifier)
			.doOnNext(old -> WarningLifecycle.requireInScope(by, old))
			.flatMap(old -> l.create(by, id -> old.warning().draftUpdate(id, by,
					content.toAlert(id.toString(), l.settings, l.now())), old.identifier()))
			.map(WarningView::of);
	}

}
