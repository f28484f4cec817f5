package cn.fj.emergency.alerting.feed.poll;

import java.net.URI;
import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Whose turn it is to poll a feed, shared by every hub instance, and what the polls found. Each instance asks at each
 * of its ticks; of the instances asking within one interval, one gets the turn.
 */
public interface FeedTurns {

	/**
	 * Takes the feed's turn for {@code instance} if the feed is due, making it due again after most of
	 * {@code interval} (a little less, so the holder's own next tick finds it due): true when this instance polls now.
	 */
	Mono<Boolean> take(URI feed, Duration interval, String instance);

	/** Records the outcome of a poll this instance took. */
	Mono<Void> record(URI feed, String instance, FeedPollOutcome outcome);

	/** What is known of every feed polled so far, by URL. */
	Flux<FeedStatus> statuses();

}
