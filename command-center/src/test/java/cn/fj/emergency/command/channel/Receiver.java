package cn.fj.emergency.command.channel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A real HTTP endpoint (webhook receiver or SMS gateway) that answers 503 to its first {@code failures} requests and
 * then accepts, counting what it accepted by the key a client de-duplicates on (a message id or client reference).
 */
final class Receiver implements AutoCloseable {

	record Accepted(String key, HttpHeaders headers, String body) {
	}

	private final DisposableServer server;

	private final AtomicInteger requests = new AtomicInteger();

	private final Map<String, AtomicInteger> acceptedByKey = new ConcurrentHashMap<>();

	private final List<Accepted> accepted = new CopyOnWriteArrayList<>();

	/**
	 * @param key the de-duplication key of a request, from its headers and body
	 * @param valid whether the request is acceptable at all (a bad one is answered 400)
	 */
	Receiver(int port, int failures, Function<Accepted, String> key, Function<Accepted, Boolean> valid) {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(port)
			.handle((request, response) -> request.receive().aggregate().asString(StandardCharsets.UTF_8)
				.defaultIfEmpty("")
				.flatMap(body -> {
					if (this.requests.incrementAndGet() <= failures) {
						return response.status(503).send().then();
					}
					Accepted a = new Accepted("", request.requestHeaders(), body);
					if (!valid.apply(a)) {
						return response.status(400).send().then();
					}
					Accepted keyed = new Accepted(key.apply(a), a.headers(), body);
					this.acceptedByKey.computeIfAbsent(keyed.key(), k -> new AtomicInteger()).incrementAndGet();
					this.accepted.add(keyed);
					return response.status(200).sendString(Mono.just("{\"status\":\"ACCEPTED\"}")).then();
				}))
			.bindNow();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.port();
	}

	int requests() {
		return this.requests.get();
	}

	List<Accepted> accepted() {
		return List.copyOf(this.accepted);
	}

	/** How often each key was accepted. */
	Map<String, Integer> countsByKey() {
		Map<String, Integer> counts = new ConcurrentHashMap<>();
		this.acceptedByKey.forEach((k, v) -> counts.put(k, v.get()));
		return counts;
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
