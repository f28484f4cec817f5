package cn.fj.emergency.command.security.rsocket;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.rsocket.RSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import cn.fj.emergency.command.security.CredentialsChangeListener;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Officer;
import cn.fj.emergency.command.security.OfficerAccounts;
import cn.fj.emergency.command.security.RevokingServiceToken;
import cn.fj.emergency.command.security.ServiceTokens;

/**
 * The RSocket connections open on this instance, by principal. A connection lives no longer than its token: it is
 * closed when the token expires, when its service token is revoked on any instance, and when its officer's
 * credentials change on any instance (password changed or reset, officer disabled, tokens revoked), told through
 * Redis; a sweep every 15 s looks the open connections' tokens up in case a notice was lost.
 */
@Component
public class Connections implements RevokingServiceToken.RevocationListener, CredentialsChangeListener, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Connections.class);

	private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(15);

	private final Map<RSocket, HubPrincipal> open = new ConcurrentHashMap<>();

	private final Clock clock;

	private final ReactiveStringRedisTemplate redis;

	private final ReactiveRedisMessageListenerContainer container;

	private final String channel;

	private final String credentialsChannel;

	private final OfficerAccounts officers;

	private volatile Disposable listening = Disposables.disposed();

	private volatile Disposable sweeping = Disposables.disposed();

	private volatile Disposable credentialsListening = Disposables.disposed();

	private volatile boolean running;

	private final ServiceTokens serviceTokens;

	private final List<Listener> listeners;

	public Connections(Clock clock, ReactiveStringRedisTemplate redis, ReactiveRedisMessageListenerContainer container,
			ServiceTokens serviceTokens, OfficerAccounts officers, List<Listener> listeners,
			@Value("${hub.redis.namespace:hub}") String namespace) {
		this.officers = officers;
		this.credentialsChannel = namespace + ":credential-changes";
		this.listeners = List.copyOf(listeners);
		this.clock = clock;
		this.serviceTokens = serviceTokens;
		this.redis = redis;
		this.container = container;
		this.channel = namespace + ":revocations";
	}

	/** Registers an authenticated connection until it closes or its token expires. */
	void register(RSocket connection, HubPrincipal principal) {
		this.open.put(connection, principal);
		tell(listener -> listener.opened(connection, principal));
		Duration remaining = Duration.between(this.clock.instant(), principal.expiresAt());
		Disposable expiry = Mono.delay(remaining.isNegative() ? Duration.ZERO : remaining)
			.subscribe(tick -> connection.dispose(), error -> log.error("Token expiry timer failed", error));
		connection.onClose()
			.doFinally(signal -> {
				expiry.dispose();
				this.open.remove(connection);
				tell(listener -> listener.closed(connection, principal));
			})
			.subscribe(done -> {
			}, error -> log.debug("Connection of {} closed with {}", principal.subject(), error.toString()));
	}

	/** A listener's failure is logged, never allowed to refuse or break the connection. */
	private void tell(java.util.function.Consumer<Listener> call) {
		for (Listener listener : this.listeners) {
			try {
				call.accept(listener);
			}
			catch (RuntimeException ex) {
				log.error("Connection listener {} failed", listener, ex);
			}
		}
	}

	/** Told when an authenticated connection opens and when it closes; must not block or fail. */
	public interface Listener {

		void opened(RSocket connection, HubPrincipal principal);

		void closed(RSocket connection, HubPrincipal principal);

	}

	public Map<RSocket, HubPrincipal> open() {
		return Map.copyOf(this.open);
	}

	@Override
	public Mono<Void> revoked(String tokenId) {
		closeToken(tokenId);
		return this.redis.convertAndSend(this.channel, tokenId)
			.timeout(Duration.ofSeconds(2))
			.doOnError(error -> log.warn("Could not tell other instances of revoked token {}: {}", tokenId, error.toString()))
			.onErrorResume(error -> Mono.empty())
			.then();
	}

	private void closeToken(String tokenId) {
		this.open.forEach((connection, principal) -> {
			if (tokenId.equals(principal.tokenId())) {
				log.info("Closing connection of {}: its token {} was revoked", principal.subject(), tokenId);
				connection.dispose();
			}
		});
	}

	@Override
	public Mono<Void> credentialsChanged(String username, long version) {
		closeOfficer(username, version);
		return this.redis.convertAndSend(this.credentialsChannel, version + ":" + username)
			.timeout(Duration.ofSeconds(2))
			.doOnError(error -> log.warn("Could not tell other instances that {}'s credentials changed: {}", username,
					error.toString()))
			.onErrorResume(error -> Mono.empty())
			.then();
	}

	/** Closes the officer's connections opened with a token older than {@code version}. */
	private void closeOfficer(String username, long version) {
		this.open.forEach((connection, principal) -> {
			if (principal.kind() == HubPrincipal.Kind.OFFICER && username.equals(principal.subject())
					&& principal.credentialVersion() < version) {
				log.info("Closing connection of officer {}: the officer's credentials changed", username);
				connection.dispose();
			}
		});
	}

	private void credentialsNotice(String message) {
		int colon = message.indexOf(':');
		try {
			closeOfficer(message.substring(colon + 1), Long.parseLong(message.substring(0, colon)));
		}
		catch (RuntimeException ex) {
			log.warn("Ignoring a malformed notice of changed credentials: {}", message);
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.listening = this.container.receive(ChannelTopic.of(this.channel))
			.doOnNext(message -> closeToken(message.getMessage()))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(5)))
			.subscribe(message -> {
			}, error -> log.error("Revocation subscription ended", error));
		this.credentialsListening = this.container.receive(ChannelTopic.of(this.credentialsChannel))
			.doOnNext(message -> credentialsNotice(message.getMessage()))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(5)))
			.subscribe(message -> {
			}, error -> log.error("Subscription to changed credentials ended", error));
		// the Redis notice may be lost: every so often, look the open service tokens up in the record
		// a sweep slower than the interval skips the ticks it overlaps (no overflow error and restart)
		this.sweeping = Flux.interval(SWEEP_INTERVAL)
			.onBackpressureDrop()
			.concatMap(tick -> sweep(), 1)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, SWEEP_INTERVAL).maxBackoff(SWEEP_INTERVAL)
				.doBeforeRetry(s -> log.warn("Sweep of revoked tokens failed: {}", s.failure().toString())))
			.subscribe(tokenId -> {
			}, error -> log.error("Sweep of revoked tokens ended", error));
	}

	private Flux<String> sweep() {
		return sweepServiceTokens().concatWith(sweepOfficers());
	}

	/** Officers with open connections who are disabled or whose credentials changed: their connections close. */
	private Flux<String> sweepOfficers() {
		return Flux.fromIterable(this.open.values())
			.filter(principal -> principal.kind() == HubPrincipal.Kind.OFFICER)
			.map(HubPrincipal::subject)
			.distinct()
			.concatMap(this.officers::find)
			.doOnNext(officer -> closeOfficer(officer.username(),
					officer.enabled() ? officer.credentialVersion() : Long.MAX_VALUE))
			.map(Officer::username);
	}

	private Flux<String> sweepServiceTokens() {
		return Flux.fromIterable(this.open.values())
			.mapNotNull(HubPrincipal::tokenId)
			.distinct()
			.concatMap(this.serviceTokens::find)
			.filter(ServiceTokens.ServiceToken::revoked)
			.map(ServiceTokens.ServiceToken::id)
			.doOnNext(this::closeToken);
	}

	@Override
	public void stop() {
		this.running = false;
		this.listening.dispose();
		this.credentialsListening.dispose();
		this.sweeping.dispose();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
