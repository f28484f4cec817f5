package cn.fj.emergency.alerting.warning;

import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.approval.Officer;
import cn.fj.emergency.alerting.approval.Warning;

/** The author submits a draft for a second officer's review; it must keep the publishing profile. */
public final class SubmittingWarning {

	private final WarningLifecycle lifecycle;

	public SubmittingWarning(WarningLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	public Mono<WarningView> submit(Officer author, String identifier) {
		return this.lifecycle.change(author, identifier, WarningEvent.SUBMITTED,
				(Warning warning) -> warning.submit(author, this.lifecycle.now(), this.lifecycle.publishing))
			.map(WarningView::of);
	}

}
