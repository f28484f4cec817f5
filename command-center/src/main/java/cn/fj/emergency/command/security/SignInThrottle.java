package cn.fj.emergency.command.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
 * in flight at that moment are verified. When Redis is unavailable, sign-in is refused as retryable
 * {@link ErrorCode#STORAGE_UNAVAILABLE} rather than left unthrottled.
 */
@Component
public class SignInThrottle {

	private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(3);

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
		return redis(this.redis.execute(LOCKED, List.of(userKey(username), addressKey(address)), args).next())
			.defaultIfEmpty(0L)
			.flatMap(waitMillis -> waitMillis <= 0 ? Mono.<Void>empty() : Mono.error(throttled(waitMillis)));
	}

	/** Counts a failed sign-in against the username and the address. */
	public Mono<Void> failed(String username, String address) {
		return redis(this.redis
			.execute(FAILED, List.of(userKey(username), addressKey(address)),
					List.of(Long.toString(this.properties.failureWindow().toMillis())))
			.then());
	}

	/** A successful sign-in: the username's failures are forgotten (the address's are not). */
	public Mono<Void> succeeded(String username) {
		return redis(this.redis.delete(userKey(username)).then());
	}

	private static HubException throttled(long waitMillis) {
		long seconds = Math.max(1, (waitMillis + 999) / 1000);
		return new HubException(ErrorCode.SIGN_IN_THROTTLED,
				"Too many failed sign-ins for this username or from this address; try again in " + seconds + " s",
				Map.of("retryAfterSeconds", seconds));
	}

	private <T> Mono<T> redis(Mono<T> call) {
		return call.timeout(REDIS_TIMEOUT)
			.onErrorMap(error -> !(error instanceof HubException),
					error -> new HubException(ErrorCode.STORAGE_UNAVAILABLE,
							"Sign-in attempts are counted in Redis, which is unavailable; retry later", Map.of(), error));
	}

	// usernames are hashed: whatever text a client sends, the key stays short and plain
	private String userKey(String username) {
		return this.prefix + "user:" + Digests.sha256Hex(username);
	}

	private String addressKey(String address) {
		return this.prefix + "address:" + address;
	}

}
