package cn.fj.emergency.alerting.warning;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.approval.Officer;

/** A second officer sends a submitted warning back to its author, saying why, under dual control. */
public final class RejectingWarning {

	private final WarningLifecycle lifecycle;

	public RejectingWarning(WarningLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	public Mono<WarningView> reject(Officer reviewer, String identifier, @Nullable String comment) {
		return this.lifecycle.change(reviewer, identifier, WarningEvent.REJECTED, (warning, replaced) -> warning
			.reject(reviewer, this.lifecycle.dualControl, replaced, this.lifecycle.now(), comment == null ? "" : comment))
			.map(WarningView::of);
	}

}
