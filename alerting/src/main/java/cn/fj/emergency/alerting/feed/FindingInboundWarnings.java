package cn.fj.emergency.alerting.feed;

import java.util.List;

import reactor.core.publisher.Mono;

/** Officers read inbound warnings: the latest first, one by id, and its original document. */
public final class FindingInboundWarnings {

	static final int MAX_PAGE = 500;

	private final InboundWarnings store;

	public FindingInboundWarnings(InboundWarnings store) {
		this.store = store;
	}

	public Mono<List<InboundWarning>> list(int limit) {
		return this.store.list(Math.max(1, Math.min(limit, MAX_PAGE))).collectList();
	}

	public Mono<InboundWarning> find(long id) {
		return this.store.find(id).switchIfEmpty(Mono.error(() -> new InboundWarningNotFound(id)));
	}

	public Mono<byte[]> original(long id) {
		return this.store.original(id).switchIfEmpty(Mono.error(() -> new InboundWarningNotFound(id)));
	}

}
