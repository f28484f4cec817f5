package cn.fj.emergency.alerting.feed.poll;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

import cn.fj.emergency.alerting.feed.InboundReceipt;
import cn.fj.emergency.alerting.feed.ReceivingInboundWarnings;

/**
 * Polls every configured feed on its own interval with Reactor Netty's client: the feed, then each CAP document it
 * links, one at a time, into the inbound store (which drops repeats). Each request has a response timeout and is
 * retried with exponential backoff; a poll that still fails is logged and the next one runs as planned.
 */
public final class PollingFeeds {

	private static final Logger log = LoggerFactory.getLogger(PollingFeeds.class);

	private final List<FeedSource> sources;

	private final ReceivingInboundWarnings receiving;

	private final HttpClient client;

	private final Duration timeout;

	private final int maxBytes;

	private final Disposable.Composite running = Disposables.composite();

	/**
	 * @param timeout the bound on each request (connect and response)
	 * @param maxBytes the largest feed or CAP document read
	 */
	public PollingFeeds(List<FeedSource> sources, ReceivingInboundWarnings receiving, Duration timeout, int maxBytes) {
		this.sources = List.copyOf(sources);
		this.receiving = receiving;
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
				.concatMap(tick -> pollOnce(source), 1)
				.subscribe());
		}
	}

	public void stop() {
		this.running.dispose();
	}

	/** One poll of one feed: the number of alerts newly stored; never an error. */
	public Mono<Long> pollOnce(FeedSource source) {
		return get(source.url())
			.map(feed -> FeedLinks.of(source.url(), feed))
			.flatMapMany(Flux::fromIterable)
			.concatMap(link -> fetchCap(source, link))
			.count()
			.onErrorResume(error -> {
				log.warn("polling the feed {} failed: {}", source.url(), error.toString());
				return Mono.just(0L);
			});
	}

	private Flux<InboundReceipt> fetchCap(FeedSource source, URI link) {
		return get(link)
			.flatMap(cap -> this.receiving.receive(cap, source.url().toString()))
			.flatMapMany(Flux::fromIterable)
			.filter(receipt -> !receipt.repeat())
			.onErrorResume(error -> {
				log.warn("the CAP document {} of the feed {} was not stored: {}", link, source.url(), error.toString());
				return Flux.empty();
			});
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
			.retryWhen(Retry.backoff(2, Duration.ofMillis(200)).maxBackoff(this.timeout));
	}

}
