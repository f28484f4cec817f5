package cn.fj.emergency.command.drill.client;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

/**
 * An officer's console on the hub's WebSocket endpoint {@code /rsocket} (docs/console-stream.md), signed in with an
 * officer token. {@link #follow} keeps the event stream going across cut-offs ({@code SUBSCRIBER_TOO_SLOW}) by
 * resuming after the last {@code seq} seen, without gap or duplicate.
 */
public final class ConsoleClient implements AutoCloseable {

	private final RSocketLink link;

	private ConsoleClient(RSocketLink link) {
		this.link = link;
	}

	/** Connects to {@code ws://…/rsocket} of the hub whose HTTP base URL is given (http→ws, https→wss). */
	public static Mono<ConsoleClient> connect(URI hubBaseUrl, String officerToken) {
		return RSocketLink.websocket(endpoint(hubBaseUrl), officerToken).map(ConsoleClient::new);
	}

	static URI endpoint(URI hubBaseUrl) {
		String scheme = "https".equalsIgnoreCase(hubBaseUrl.getScheme()) ? "wss" : "ws";
		int port = hubBaseUrl.getPort();
		return URI.create(scheme + "://" + hubBaseUrl.getHost() + (port < 0 ? "" : ":" + port) + "/rsocket");
	}

	/**
	 * Route {@code events.stream} once: events after {@code after} (null: from now on), only of the given streams and
	 * cities (empty: all).
	 */
	public Flux<JsonNode> events(@Nullable Long after, List<String> streams, List<String> cities) {
		Map<String, Object> request = new LinkedHashMap<>();
		if (after != null) {
			request.put("after", after);
		}
		if (!streams.isEmpty()) {
			request.put("streams", streams);
		}
		if (!cities.isEmpty()) {
			request.put("cities", cities);
		}
		return this.link.stream("events.stream", request);
	}

	/**
	 * The event stream from {@code after}, resumed after the last {@code seq} received whenever the hub cuts it off
	 * as too slow (at most {@code maxResumes} times); other errors end it.
	 */
	public Flux<JsonNode> follow(long after, List<String> streams, List<String> cities, int maxResumes) {
		return follow(after, streams, cities, maxResumes, () -> {
		});
	}

	/** As {@link #follow(long, List, List, int)}, telling {@code onResume} each time it resumes. */
	public Flux<JsonNode> follow(long after, List<String> streams, List<String> cities, int maxResumes,
			Runnable onResume) {
		return Flux.defer(() -> {
			long[] last = { after };
			return Flux.defer(() -> events(last[0], streams, cities))
				.doOnNext(event -> last[0] = Math.max(last[0], event.path("seq").asLong(last[0])))
				.retryWhen(Retry.max(maxResumes).filter(error -> error instanceof HubRefusal refusal
						&& "SUBSCRIBER_TOO_SLOW".equals(refusal.code()))
					.doBeforeRetry(signal -> onResume.run())
					.onRetryExhaustedThrow((spec, signal) -> signal.failure()));
		});
	}

	/** Route {@code warnings.approve} (dual control: never the author). */
	public Mono<JsonNode> approveWarning(String identifier, @Nullable String comment) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("identifier", identifier);
		request.put("comment", comment);
		return this.link.request("warnings.approve", request);
	}

	public RSocketLink link() {
		return this.link;
	}

	@Override
	public void close() {
		this.link.close();
	}

}
