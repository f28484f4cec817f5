package cn.fj.emergency.alerting.channel.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.channel.DeliveryView;
import cn.fj.emergency.alerting.channel.atom.AtomFeedWriter;
import cn.fj.emergency.alerting.channel.persistence.AtomStore;
import cn.fj.emergency.alerting.channel.persistence.LedgerStore;

/** Reads what the channels hold: the public Atom feed, a published CAP document, a warning's deliveries. */
public class ReadingChannels {

	private final AtomStore atom;

	private final LedgerStore ledger;

	private final AtomFeedWriter feed;

	private final int limit;

	private final Clock clock;

	public ReadingChannels(AtomStore atom, LedgerStore ledger, AtomFeedWriter feed, int limit, Clock clock) {
		this.atom = atom;
		this.ledger = ledger;
		this.feed = feed;
		this.limit = limit;
		this.clock = clock;
	}

	/** The Atom feed of the warnings active now. */
	public Mono<String> feed() {
		Instant now = this.clock.instant();
		return this.atom.active(now, this.limit)
			.collectList()
			.zipWith(this.atom.lastChange(now).map(Optional::of).defaultIfEmpty(Optional.empty()))
			.map(feed -> this.feed.write(feed.getT1(), feed.getT2().orElse(null), now));
	}

	/** The CAP document of a warning the feed lists or listed; nothing if there is none. */
	public Mono<String> capDocument(String identifier) {
		return this.atom.capXml(identifier);
	}

	public Flux<DeliveryView> deliveries(String identifier) {
		return this.ledger.forWarning(identifier);
	}

}
