package cn.fj.emergency.alerting.warning;

import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.approval.Officer;

/**
 * An officer drafts a Cancel of a published warning: a new warning with the same content, msgType Cancel and a
 * reference to the published alert, reviewed like any other. Once it is published, the old one is CANCELLED.
 */
public final class CancellingWarning {

	private final WarningLifecycle lifecycle;

	public CancellingWarning(WarningLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	public Mono<WarningView> cancel(Officer by, String identifier) {
		WarningLifecycle l = this.lifecycle;
		return l.find(identifier)
			.doOnNext(old -> WarningLifecycle.requireInScope(by, old))
			.flatMap(old -> l.create(by, id -> old.warning().draftCancel(id, by, old.warning().alert()), old.identifier()))
			.map(WarningView::of);
	}

}
