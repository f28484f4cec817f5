package cn.fj.emergency.alerting.feed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.cap.Alert;
import cn.fj.emergency.alerting.cap.CapVersion;
import cn.fj.emergency.alerting.cap.Reference;

/** The store of inbound alerts. */
public interface InboundWarnings {

	/**
	 * Stores it unless (sender, identifier, sent) is already stored: empty then.
	 *
	 * @param version the CAP version the alert was read in ({@code original} is in it)
	 */
	Mono<InboundWarning> insert(Alert alert, CapVersion version, byte[] original, String via, Instant now);

	Mono<InboundWarning> find(Alert alert);

	Mono<InboundWarning> find(long id);

	Mono<byte[]> original(long id);

	Flux<InboundWarning> list(int limit);

	/** Ends the ACTIVE alerts {@code references} name: those it changed. */
	Flux<InboundWarning> end(List<Reference> references, InboundState state, long by);

	/**
	 * The state a stored Update or Cancel of the same sender that references {@code alert} gives it (ACTIVE if none
	 * does).
	 */
	Mono<Ending> endingOf(Alert alert);

	/** @param by the id of the Update or Cancel */
	record Ending(InboundState state, @Nullable Long by) {
	}

	Mono<InboundWarning> setEnding(long id, Ending ending);

	/** How references are matched: sender, identifier and the sending instant to the second. */
	static String key(String sender, String identifier, OffsetDateTime sent) {
		return sender + "," + identifier + "," + sent.toEpochSecond();
	}

}
