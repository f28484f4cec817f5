package cn.fj.emergency.alerting.warning;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.approval.WarningErrorCode;
import cn.fj.emergency.alerting.approval.WarningRefusal;
import cn.fj.emergency.alerting.approval.WarningState;

/** Reads warnings: one, its CAP document, or a page of them, newest first. */
public final class FindingWarnings {

	private static final int MAX_PAGE = 200;

	private final WarningLifecycle lifecycle;

	public FindingWarnings(WarningLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	public Mono<WarningView> find(String identifier) {
		return this.lifecycle.find(identifier).map(WarningView::of);
	}

	/** The CAP document: once published, exactly the bytes published. */
	public Mono<String> capXml(String identifier) {
		return this.lifecycle.find(identifier).map(StoredWarning::capXml);
	}

	public Mono<List<WarningView>> list(@Nullable String state, @Nullable Integer page, @Nullable Integer size) {
		return Mono.fromCallable(() -> state == null ? null : parseState(state))
			.map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.empty())
			.flatMap(parsed -> {
				int s = size == null ? 50 : Math.max(1, Math.min(MAX_PAGE, size));
				int p = page == null ? 0 : Math.max(0, page);
				return this.lifecycle.warnings.list(parsed.orElse(null), s, p * s).map(WarningView::of).collectList();
			});
	}

	/** The most warnings {@link #inForce} reads. */
	static final int MAX_IN_FORCE = 5000;

	/**
	 * The warnings in force at {@code now}, newest identifier first: published (neither updated nor cancelled
	 * since), not themselves a Cancel (an all-clear is not a warning), and not expired.
	 */
	public Mono<List<WarningView>> inForce(java.time.Instant now) {
		return this.lifecycle.warnings.list(WarningState.PUBLISHED, MAX_IN_FORCE, 0)
			.map(WarningView::of)
			.filter(w -> inForce(w, now))
			.collectList();
	}

	public static boolean inForce(WarningView w, java.time.Instant now) {
		return WarningState.PUBLISHED.name().equals(w.state()) && !"Cancel".equals(w.msgType())
				&& (w.expires() == null || w.expires().toInstant().isAfter(now));
	}

	private static WarningState parseState(String state) {
		try {
			return WarningState.valueOf(state);
		}
		catch (IllegalArgumentException ex) {
			throw new WarningRefusal(WarningErrorCode.WARNING_CONTENT_INVALID, "no state " + state);
		}
	}

}
