package cn.fj.emergency.command.fault;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.rsocket.exceptions.ApplicationErrorException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

/**
 * A city platform written as docs/faults.md tells one to be: it reports incidents over the city link and sends a
 * report again, with the same {@code reportId}, when the hub refuses it with a retryable code or the connection is
 * lost, reconnecting (perhaps to another instance) first. It keeps every receipt and counts every refusal by code
 * ({@value #CONNECTION_LOST} for a lost connection, {@value #NO_ANSWER} for an attempt the hub did not answer).
 */
public final class Reporter implements AutoCloseable {

	public static final String CONNECTION_LOST = "CONNECTION_LOST";

	public static final String NO_ANSWER = "NO_ANSWER";

	/** How long one attempt may wait for its answer: a hub that has not answered by then hangs. */
	static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

	private final String city;

	private final Reconnection connection;

	private final Map<String, Map<String, Object>> sent = new ConcurrentHashMap<>();

	private final Map<String, JsonNode> receipts = new ConcurrentHashMap<>();

	private final Map<Long, Long> sentNanos = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();

	private final Set<String> nonRetryable = ConcurrentHashMap.newKeySet();

	private final Set<String> retried = ConcurrentHashMap.newKeySet();

	/**
	 * @param city the platform's city code
	 * @param connect opens a connection, blocking; called on a bounded-elastic thread whenever one is needed
	 */
	public Reporter(String city, Supplier<HubClient> connect) {
		this.city = city;
		this.connection = new Reconnection(connect);
	}

	/** A report in the first county of the city, with a place inside the province. */
	public static Map<String, Object> report(String city, String reportId) {
		Areas.County county = Areas.city(city).orElseThrow().counties().get(0);
		Map<String, Object> report = Reports.report(reportId, county.code());
		report.put("latitude", 25.5);
		report.put("longitude", 118.5);
		return report;
	}

	public String city() {
		return this.city;
	}

	/** Reports {@code prefix-0} … {@code prefix-(count-1)}, {@code concurrency} at a time, each until answered. */
	public Flux<JsonNode> report(String prefix, int count, int concurrency) {
		return Flux.range(0, count).flatMap(i -> send(prefix + "-" + i), concurrency);
	}

	/** One report, sent until the hub answers it with a receipt or a refusal that is not retryable. */
	public Mono<JsonNode> send(String reportId) {
		// the same content every time: a report sent again is the same report
		Map<String, Object> report = this.sent.computeIfAbsent(reportId, id -> report(this.city, id));
		long first = System.nanoTime();
		return Mono.defer(() -> this.connection.client().flatMap(c -> c.request("incidents.report", report)
				.timeout(ANSWER_TIMEOUT)
				.onErrorMap(error -> this.connection.lost(c, error))))
			.doOnError(error -> this.retried.add(reportId))
			.retryWhen(Retry.backoff(600, Duration.ofMillis(50)).maxBackoff(Duration.ofSeconds(1)).filter(this::retryable))
			.doOnNext(receipt -> {
				JsonNode before = this.receipts.putIfAbsent(reportId, receipt);
				if (before == null) {
					this.sentNanos.putIfAbsent(receipt.get("seq").asLong(), first);
				}
			});
	}

	private boolean retryable(Throwable error) {
		if (error instanceof ApplicationErrorException) {
			JsonNode body = HubClient.errorBody(error);
			String code = body.path("code").asString("UNREADABLE");
			count(code);
			if (!body.path("retryable").asBoolean(false)) {
				this.nonRetryable.add(code);
				return false;
			}
			return true;
		}
		count(error instanceof TimeoutException ? NO_ANSWER : CONNECTION_LOST);
		return true;
	}

	private void count(String code) {
		this.refusals.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
	}

	/** The first receipt of each report, by reportId. */
	public Map<String, JsonNode> receipts() {
		return Map.copyOf(this.receipts);
	}

	/** When each acknowledged report was first sent, by the seq of its event, in {@link System#nanoTime()}. */
	public Map<Long, Long> sentNanos() {
		return Map.copyOf(this.sentNanos);
	}

	/** Failed attempts by error code, {@value #CONNECTION_LOST} or {@value #NO_ANSWER}. */
	public Map<String, Integer> refusals() {
		Map<String, Integer> counts = new TreeMap<>();
		this.refusals.forEach((code, n) -> counts.put(code, n.get()));
		return counts;
	}

	/** Reports that needed more than one attempt. */
	public Set<String> retried() {
		return Set.copyOf(this.retried);
	}

	/** The sequence numbers of receipts' events (a set: one event per report, however often it was sent). */
	static Set<Long> seqs(Map<String, JsonNode> receipts) {
		Set<Long> seqs = new HashSet<>();
		receipts.values().forEach(r -> seqs.add(r.get("seq").asLong()));
		return seqs;
	}

	/** Codes of refusals that were not retryable, which ended their report. */
	public Set<String> nonRetryable() {
		return Set.copyOf(this.nonRetryable);
	}

	@Override
	public void close() {
		this.connection.close();
	}

}
