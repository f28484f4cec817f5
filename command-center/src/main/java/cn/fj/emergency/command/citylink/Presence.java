package cn.fj.emergency.command.citylink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.rsocket.RSocket;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.Ids;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Role;
import cn.fj.emergency.command.security.rsocket.Connections;

/**
 * Who is connected now, across all hub instances: each instance keeps one Redis key per open RSocket connection,
 * with a time to live it renews while the connection lasts, and deletes it when the connection closes. A crashed
 * instance's keys expire by themselves.
 */
@Component
public class Presence implements Connections.Listener, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Presence.class);

	static final Duration TTL = Duration.ofSeconds(60);

	static final Duration RENEW = Duration.ofSeconds(20);

	static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

	private static final int RENEWALS_AT_ONCE = 32;

	private final ReactiveStringRedisTemplate redis;

	private final JsonMapper json;

	private final Clock clock;

	private final String prefix;

	private final String instance;

	private final Map<RSocket, Entry> mine = new ConcurrentHashMap<>();

	private final Duration renewEvery;

	private volatile Disposable renewing = Disposables.disposed();

	private volatile boolean running;

	@Autowired
	public Presence(ReactiveStringRedisTemplate redis, JsonMapper json, Clock clock,
			@Value("${hub.redis.namespace:hub}") String namespace) {
		this(redis, json, clock, namespace, RENEW);
	}

	Presence(ReactiveStringRedisTemplate redis, JsonMapper json, Clock clock, String namespace, Duration renewEvery) {
		this.renewEvery = renewEvery;
		this.redis = redis;
		this.json = json;
		this.clock = clock;
		this.prefix = namespace + ":presence:";
		this.instance = Ids.newId(clock).toString();
	}

	@Override
	public void opened(RSocket connection, HubPrincipal principal) {
		Entry entry = new Entry(this.instance + ":" + Ids.newId(this.clock), principal.subject(), principal.kind().name(),
				principal.roles(), principal.cityCode(), this.clock.instant(), this.instance);
		this.mine.put(connection, entry);
		write(entry).subscribe(ok -> {
		}, error -> log.warn("Could not record the presence of {}: {}", entry.subject(), error.toString()));
	}

	@Override
	public void closed(RSocket connection, HubPrincipal principal) {
		Entry entry = this.mine.remove(connection);
		if (entry != null) {
			this.redis.delete(this.prefix + entry.connectionId())
				.timeout(Duration.ofSeconds(2))
				.subscribe(n -> {
				}, error -> log.warn("Could not clear the presence of {} (it expires within {}): {}", entry.subject(),
						TTL, error.toString()));
		}
	}

	private Mono<Boolean> write(Entry entry) {
		return this.redis.opsForValue()
			.set(this.prefix + entry.connectionId(), this.json.writeValueAsString(entry), TTL)
			.timeout(Duration.ofSeconds(2));
	}

	/**
	 * Every connection open on any instance, city platforms first by city. Fails with a
	 * {@link HubException} {@link ErrorCode#STORAGE_UNAVAILABLE} when Redis fails, or does not answer within
	 * {@link #READ_TIMEOUT}: while it is down, its client holds commands back until it reconnects, which would leave
	 * the caller waiting.
	 */
	public Flux<Entry> connected() {
		return this.redis.scan(ScanOptions.scanOptions().match(this.prefix + "*").count(500).build())
			.collectList()
			.flatMap(keys -> keys.isEmpty() ? Mono.just(List.<@Nullable String>of()) : this.redis.opsForValue().multiGet(keys))
			.timeout(READ_TIMEOUT)
			.onErrorMap(Presence::unavailable)
			.flatMapIterable(Presence::present)
			.map(value -> this.json.readValue(value, Entry.class))
			.sort((a, b) -> String.valueOf(a.cityCode()).compareTo(String.valueOf(b.cityCode())));
	}

	/**
	 * Whatever reading Redis failed with (a timeout, a refused or reset connection, which Lettuce may hand over as a
	 * bare {@link java.io.IOException}) is Redis being unavailable to the caller, and retryable.
	 */
	private static Throwable unavailable(Throwable error) {
		return new HubException(ErrorCode.STORAGE_UNAVAILABLE,
				"Who is connected is kept in Redis, which is unavailable; retry later", Map.of(), error);
	}

	/** MGET answers null for keys that expired since the scan. */
	private static List<String> present(List<@Nullable String> values) {
		return values.stream().filter(Objects::nonNull).map(Objects::requireNonNull).filter(v -> !v.isEmpty()).toList();
	}

	@Override
	public void start() {
		this.running = true;
		// a round slower than the interval (Redis silent: each write waits out its timeout) skips the ticks it
		// overlaps instead of failing the interval with an overflow, which would end the renewals for good
		this.renewing = Flux.interval(this.renewEvery)
			.onBackpressureDrop()
			.concatMap(tick -> Flux.fromIterable(List.copyOf(this.mine.values()))
				.flatMap(this::write, RENEWALS_AT_ONCE)
				.onErrorResume(error -> {
					// a missed renewal is retried at the next tick, well within the time to live
					log.warn("Could not renew presence: {}", error.toString());
					return Mono.empty();
				}), 1)
			.subscribe(ok -> {
			}, error -> log.error("Presence renewal stopped", error));
	}

	@Override
	public void stop() {
		this.running = false;
		this.renewing.dispose();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** One open connection, as kept in Redis. */
	public record Entry(String connectionId, String subject, String kind, Set<Role> roles, @Nullable String cityCode,
			Instant connectedAt, String instance) {
	}

}
