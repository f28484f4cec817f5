package cn.fj.emergency.command.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.Digests;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/**
 * Counts failed sign-ins per username and per client address in Redis, so that every hub instance sees the same
 * counts. Once either count reaches its limit, sign-ins for that username (or from that address) are refused with
 * {@link ErrorCode#SIGN_IN_THROTTLED} until the window that began with the first failure ends, whatever the
 * password: the right one too. Only failures count; a successful sign-in clears its username's count.
 * <p>
 * Attempts already past the check when the limit is reached still finish, so at most the limit plus the attempts
 * in flight at that moment are verified. While Redis is unavailable (an error, or no answer within 2 s), each
 * instance counts on its own, in memory, with the same limits: officers can still sign in during an outage, and
 * guessing stays bounded per instance.
 */
@Component
public class SignInThrottle {

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(2);

	/** Counts kept in memory while Redis is unavailable, at most this many (then the expired go, or all). */
	private static final int LOCAL_CAPACITY = 100_000;

	private final ConcurrentHashMap<String, LocalCount> local = new ConcurrentHashMap<>();

	private final AtomicLong lastWarned = new AtomicLong(Long.MIN_VALUE);

	/** The longest time to live, in milliseconds, of the keys whose count reached its limit (ARGV[i]); 0 if none. */
	private static final RedisScript<Long> LOCKED = RedisScript.of("""
			local wait = 0
			for i, key in ipairs(KEYS) do
			  local n = tonumber(redis.call('GET', key) or '0')
			  if n >= tonumber(ARGV[i]) then
			    local ttl = redis.call('PTTL', key)
			    if ttl < 0 then ttl = tonumber(ARGV[#KEYS + 1]) end
			    if ttl > wait then wait = ttl end
			  end
			end
			return wait
			""", Long.class);

	/** Counts one failure on every key; a key's window (ARGV[1] ms) starts with its first failure. */
	private static final RedisScript<Long> FAILED = RedisScript.of("""
			for i, key in ipairs(KEYS) do
			  if redis.call('INCR', key) == 1 then
			    redis.call('PEXPIRE', key, ARGV[1])
			  end
			end
			return 1
			""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final SignInProperties properties;

	private final String prefix;

	public SignInThrottle(ReactiveStringRedisTemplate redis, SignInProperties properties,
			@Value("${hub.redis.namespace:hub}") String namespace) {
		this.redis = redis;
		this.properties = properties;
		this.prefix = namespace + ":sign-in-failures:";
	}

	/** Empty when the username and the address may try; {@link ErrorCode#SIGN_IN_THROTTLED} otherwise. */
	public Mono<Void> check(String username, String address) {
		List<String> args = List.of(Integer.toString(this.properties.maxFailuresPerUser()),
				Integer.toString(this.properties.maxFailuresPerAddress()),
				Long.toString(this.properties.failureWindow().toMillis()));
		List<String> keys = List.of(userKey(username), addressKey(address));
		return this.redis.execute(LOCKED, keys, args)
			.next()
			.timeout(REDIS_TIMEOUT)
			.defaultIfEmpty(0L)
			.onErrorResume(error -> {
				unavailable(error);
				return Mono.fromSupplier(() -> localWait(keys));
			})
			.flatMap(waitMillis -> waitMillis <= 0 ? Mono.<Void>empty() : Mono.error(throttled(waitMillis)));
	}

	/** Counts a failed sign-in against the username and the address. */
	public Mono<Void> failed(String username, String address) {
		List<String> keys = List.of(userKey(username), addressKey(address));
		return this.redis.execute(FAILED, keys, List.of(Long.toString(this.properties.failureWindow().toMillis())))
			.then()
			.timeout(REDIS_TIMEOUT)
			.onErrorResume(error -> {
				unavailable(error);
				return Mono.fromRunnable(() -> localFailed(keys));
			});
	}

	/** A successful sign-in: the username's failures are forgotten (the address's are not). */
	public Mono<Void> succeeded(String username) {
		String key = userKey(username);
		this.local.remove(key);
		return this.redis.delete(key).then().timeout(REDIS_TIMEOUT).onErrorResume(error -> {
			unavailable(error);
			return Mono.empty();
		});
	}

	private static HubException throttled(long waitMillis) {
		long seconds = Math.max(1, (waitMillis + 999) / 1000);
		return new HubException(ErrorCode.SIGN_IN_THROTTLED,
				"Too many failed sign-ins for this username or from this address; try again in " + seconds + " s",
				Map.of("retryAfterSeconds", seconds));
	}

	private void unavailable(Throwable error) {
		long now = System.nanoTime();
		long last = this.lastWarned.get();
		if ((last == Long.MIN_VALUE || now - last > Duration.ofMinutes(1).toNanos()) && this.lastWarned.compareAndSet(last, now)) {
			log.warn("Redis is unavailable for counting failed sign-ins ({}); counting on this instance alone meanwhile",
					error.toString());
		}
	}

	/** The longest wait of the keys at their limit in the in-memory counts, in milliseconds; 0 if none. */
	private long localWait(List<String> keys) {
		long now = System.nanoTime();
		long wait = 0;
		for (int i = 0; i < keys.size(); i++) {
			int limit = (i == 0) ? this.properties.maxFailuresPerUser() : this.properties.maxFailuresPerAddress();
			LocalCount count = this.local.get(keys.get(i));
			if (count != null && count.endsAt - now > 0 && count.failures.get() >= limit) {
				wait = Math.max(wait, Duration.ofNanos(count.endsAt - now).toMillis());
			}
		}
		return wait;
	}

	private void localFailed(List<String> keys) {
		long now = System.nanoTime();
		if (this.local.size() >= LOCAL_CAPACITY) {
			this.local.values().removeIf(count -> count.endsAt - now <= 0);
			if (this.local.size() >= LOCAL_CAPACITY) {
				this.local.clear();
			}
		}
		long window = this.properties.failureWindow().toNanos();
		for (String key : keys) {
			this.local.compute(key, (k, count) -> (count == null || count.endsAt - now <= 0) ? new LocalCount(now + window)
					: count).failures.incrementAndGet();
		}
	}

	/** Failures counted in memory in the window ending at {@code endsAt} ({@link System#nanoTime()}). */
	private static final class LocalCount {

		final long endsAt;

		final AtomicInteger failures = new AtomicInteger();

		LocalCount(long endsAt) {
			this.endsAt = endsAt;
		}

	}

	// usernames are hashed: whatever text a client sends, the key stays short and plain
	private String userKey(String username) {
		return this.prefix + "user:" + Digests.sha256Hex(username);
	}

	private String addressKey(String address) {
		return this.prefix + "address:" + address;
	}

}
