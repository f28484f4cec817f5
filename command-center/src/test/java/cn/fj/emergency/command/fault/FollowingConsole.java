package cn.fj.emergency.command.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.rsocket.exceptions.ApplicationErrorException;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.HubClient;

/**
 * A console that follows {@code events.stream} as docs/console-stream.md tells one to: whenever its stream ends
 * (cut off, a retryable refusal, the connection lost, the hub gone) it reconnects, perhaps to another instance,
 * and subscribes again with {@code after} = the last {@code seq} it received. It keeps the sequence numbers in the
 * order received and when each arrived, counts events it got twice, and counts each ending by its error code
 * ({@value Reporter#CONNECTION_LOST} for a lost connection, {@code COMPLETED} for a stream that just ended).
 */
public final class FollowingConsole implements AutoCloseable {

	private final Reconnection connection;

	// guarded by this
	private final List<Long> seqs = new ArrayList<>();

	private final Map<Long, Long> receivedNanos = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> endings = new ConcurrentHashMap<>();

	private final AtomicInteger duplicates = new AtomicInteger();

	private volatile long last;

	private volatile @Nullable Throwable failure;

	private volatile Disposable following = Disposables.disposed();

	/** @param connect opens a connection, blocking; called on a bounded-elastic thread whenever one is needed */
	public FollowingConsole(Supplier<HubClient> connect) {
		this.connection = new Reconnection(connect);
	}

	/** Follows the stream from after {@code after} until closed. */
	public FollowingConsole start(long after) {
		this.last = after;
		this.following = Flux.defer(() -> this.connection.client().flatMapMany(c -> c.stream("events.stream", Map.of("after", this.last))
				.onErrorMap(error -> this.connection.lost(c, error))))
			.doOnNext(this::received)
			.doOnComplete(() -> count("COMPLETED"))
			.repeat()
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(50)).maxBackoff(Duration.ofSeconds(1))
				.filter(this::resumable))
			.subscribe(event -> {
			}, error -> this.failure = error);
		return this;
	}

	private void received(JsonNode event) {
		long seq = event.get("seq").asLong();
		if (seq <= this.last) {
			this.duplicates.incrementAndGet();
			return;
		}
		this.receivedNanos.put(seq, System.nanoTime());
		synchronized (this) {
			this.seqs.add(seq);
		}
		this.last = seq;
	}

	private boolean resumable(Throwable error) {
		if (error instanceof ApplicationErrorException) {
			JsonNode body = HubClient.errorBody(error);
			count(body.path("code").asString("UNREADABLE"));
			return body.path("retryable").asBoolean(false);
		}
		count(Reporter.CONNECTION_LOST);
		return true;
	}

	private void count(String ending) {
		this.endings.computeIfAbsent(ending, e -> new AtomicInteger()).incrementAndGet();
	}

	/** The last seq received. */
	public long last() {
		return this.last;
	}

	/** Every seq received, in the order received, without those received twice. */
	public synchronized List<Long> seqs() {
		return List.copyOf(this.seqs);
	}

	/** When each seq arrived, in {@link System#nanoTime()}. */
	public Map<Long, Long> receivedNanos() {
		return Map.copyOf(this.receivedNanos);
	}

	/** Events received again after a resume (at or before the position resumed from). */
	public int duplicates() {
		return this.duplicates.get();
	}

	/** How the stream ended each time before it was resumed, by error code. */
	public Map<String, Integer> endings() {
		Map<String, Integer> counts = new TreeMap<>();
		this.endings.forEach((ending, n) -> counts.put(ending, n.get()));
		return counts;
	}

	/** Why the console gave up, if it did: a refusal that is not retryable. */
	public @Nullable Throwable failure() {
		return this.failure;
	}

	@Override
	public void close() {
		this.following.dispose();
		this.connection.close();
	}

}
