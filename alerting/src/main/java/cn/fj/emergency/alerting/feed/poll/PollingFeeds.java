package cn.fj.emergency.alerting.feed.poll;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

import cn.fj.emergency.alerting.feed.InboundReceipt;
import cn.fj.emergency.alerting.feed.ReceivingInboundWarnings;

/**
 * Polls every configured feed on its own interval with Reactor Netty's client: the feed, then each CAP document it
 * links, one at a time, into the inbound store (which drops repeats). Every instance ticks; at each tick it asks
 * {@link FeedTurns} whether it is this instance's turn, so a feed is polled about once per interval however many
 * instances run, and an instance that dies leaves the turn to the others at their next tick. Each request has a
 * response timeout and is retried with exponential backoff; a poll that still fails is logged and recorded, and the
 * next one runs as planned.
 */
public final class PollingFeeds {

	private static final Logger log = LoggerFactory.getLogger(PollingFeeds.class);

	/** Retries of each request after its first attempt. */
	private static final int RETRIES = 2;

	private final List<FeedSource> sources;

	private final ReceivingInboundWarnings receiving;

	private final FeedTurns turns;

	private final String instance;

	private final HttpClient client;

	private final Duration timeout;

	private final int maxBytes;

	private final Disposable.Composite running = Disposables.composite();

	/**
	 * @param turns whose turn it is, shared by the instances
	 * @param instance this instance's name in {@code turns} (shown as the last poller)
	 * @param timeout the bound on each request (connect and response)
	 * @param maxBytes the largest feed or CAP document read
	 */
	public PollingFeeds(List<FeedSource> sources, ReceivingInboundWarnings receiving, FeedTurns turns, String instance,
			Duration timeout, int maxBytes) {
		this.sources = List.copyOf(sources);
		this.receiving = receiving;
		this.turns = turns;
		this.instance = instance;
		this.timeout = timeout;
		this.maxBytes = maxBytes;
		this.client = HttpClient.create()
			.responseTimeout(timeout)
			.option(io.netty.channel.ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
			.followRedirect(true);
	}

	public void start() {
		for (FeedSource source : this.sources) {
			this.running.add(Flux.interval(Duration.ZERO, source.interval(), Schedulers.parallel())
				.onBackpressureDrop()
				.concatMap(tick -> pollIfOurTurn(source), 1)
				.subscribe(done -> { }, error -> log.error("polling the feed {} stopped", source.url(), error)));
		}
	}

	public void stop() {
		this.running.dispose();
	}

	/** The feed's poll if it is this instance's turn, recorded; never an error (a failure is logged). */
	Mono<Boolean> pollIfOurTurn(FeedSource source) {
		return this.turns.take(source.url(), source.interval(), this.instance)
			.filter(ours -> ours)
			.flatMap(ours -> pollOnce(source))
			.flatMap(outcome -> this.turns.record(source.url(), this.instance, outcome).thenReturn(true))
			.defaultIfEmpty(false)
			.onErrorResume(error -> {
				log.warn("the turn of the feed {} could not be taken or recorded: {}", source.url(), error.toString());
				return Mono.just(false);
			});
	}

	/** One poll of one feed: what it stored and refused; never an error (a failed poll is an outcome). */
	public Mono<FeedPollOutcome> pollOnce(FeedSource source) {
		AtomicInteger refused = new AtomicInteger();
		return get(source.url())
			.map(feed -> FeedLinks.of(source.url(), feed))
			.flatMapMany(Flux::fromIterable)
			.concatMap(link -> fetchCap(source, link, refused))
			.count()
			.map(stored -> new FeedPollOutcome(stored.intValue(), refused.get(), null))
			.onErrorResume(error -> {
				String reason = reason(error);
				log.warn("polling the feed {} failed: {}", source.url(), reason);
				return Mono.just(new FeedPollOutcome(0, refused.get(), reason));
			});
	}

	private Flux<InboundReceipt> fetchCap(FeedSource source, URI link, AtomicInteger refused) {
		return get(link)
			.flatMap(cap -> this.receiving.receive(cap, source.url().toString()))
			.flatMapMany(Flux::fromIterable)
			.filter(receipt -> !receipt.repeat())
			.onErrorResume(error -> {
				refused.incrementAndGet();
				log.warn("the CAP document {} of the feed {} was not stored: {}", link, source.url(), reason(error));
				return Flux.empty();
			});
	}

	/** What went wrong, for the log and the officers: the last attempt's failure when the retries ran out. */
	private static String reason(Throwable error) {
		Throwable cause = error.getCause();
		if (Exceptions.isRetryExhausted(error) && cause != null) {
			return cause.getMessage() + " (after " + (RETRIES + 1) + " attempts)";
		}
		return error.getMessage() == null ? error.toString() : error.getMessage();
	}

	private Mono<byte[]> get(URI url) {
		return this.client.get()
			.uri(url)
			.responseSingle((response, body) -> {
				if (response.status().code() != 200) {
					return Mono.error(new IllegalStateException("HTTP " + response.status().code() + " from " + url));
				}
				String length = response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
				if (length != null && Long.parseLong(length) > this.maxBytes) {
					return Mono.error(new IllegalStateException(url + " is larger than " + this.maxBytes + " bytes"));
				}
				return body.asByteArray();
			})
			.flatMap(bytes -> bytes.length > this.maxBytes
					? Mono.error(new IllegalStateException(url + " is larger than " + this.maxBytes + " bytes"))
					: Mono.just(bytes))
			.timeout(this.timeout.multipliedBy(2))
			.retryWhen(Retry.backoff(RETRIES, Duration.ofMillis(200)).maxBackoff(this.timeout));
	}

}
