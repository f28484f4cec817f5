package cn.fj.emergency.alerting.warning;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.approval.Officer;

/**
 * A second officer approves a submitted warning, under dual control (never the author; red and orange: a commander;
 * an Update or Cancel: by the graver of its colour and that of the warning it replaces).
 */
public final class ApprovingWarning {

	private final WarningLifecycle lifecycle;

	public ApprovingWarning(WarningLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	public Mono<WarningView> approve(Officer reviewer, String identifier, @Nullable String comment) {
		return this.lifecycle.change(reviewer, identifier, WarningEvent.APPROVED, (warning, replaced) -> warning
			.approve(reviewer, this.lifecycle.dualControl, replaced, this.lifecycle.now(), comment))
			.map(WarningView::of);
	}

}
