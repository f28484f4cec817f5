package cn.fj.emergency.command.drill;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.alerting.channel.webhook.WebhookTargets;
import cn.fj.emergency.command.Ids;
import cn.fj.emergency.command.drill.persistence.DrillStore;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Role;
import cn.fj.emergency.command.security.TokenService;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.NewEvent;

/**
 * Drills started from the console: the hub plays the scenario against itself, on its own ports, with two officer
 * tokens it signs for the drill (ADMIN + COMMANDER, and a second COMMANDER for dual control) and the service tokens
 * the player issues and revokes. The drill's row and its event are written in one transaction at each change of
 * state; progress is saved every {@link #PROGRESS_EVERY}, and a drill cancelled on another instance stops at the
 * next save.
 */
@Component
public class RunningDrills {

	private static final Logger log = LoggerFactory.getLogger(RunningDrills.class);

	static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

	static final Duration GRACE = Duration.ofSeconds(30);

	private final DrillStore store;

	private final EventLog events;

	private final TransactionalOperator transactions;

	private final TokenService tokens;

	private final Environment environment;

	private final JsonMapper json;

	private final Clock clock;

	private final WebhookTargets webhookTargets;

	private final Map<UUID, Disposable> running = new ConcurrentHashMap<>();

	RunningDrills(DrillStore store, EventLog events, TransactionalOperator transactions, TokenService tokens,
			Environment environment, JsonMapper json, Clock clock, WebhookTargets webhookTargets) {
		this.webhookTargets = webhookTargets;
		this.store = store;
		this.events = events;
		this.transactions = transactions;
		this.tokens = tokens;
		this.environment = environment;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Starts a drill. One whose scenario publishes public warnings is started by a commander only: refused at once,
	 * before anything is played, with {@code ACCESS_DENIED} naming the role.
	 */
	public Mono<Drill> start(HubPrincipal by, Scenario scenario, double timeScale, double rateMultiplier) {
		if (publishesWarnings(scenario) && !by.has(Role.COMMANDER)) {
			throw new HubException(ErrorCode.ACCESS_DENIED,
					"Starting a drill that publishes public warnings needs the role COMMANDER; scenario "
							+ scenario.name() + " publishes warnings",
					Map.of("missingRole", Role.COMMANDER.name()));
		}
		checkPace(timeScale, rateMultiplier);
		Drill drill = new Drill(Ids.newId(this.clock), scenario.name(), scenario.title(), Drill.State.RUNNING, timeScale,
				rateMultiplier, by.subject(), this.clock.instant(), null, null, null, null, null);
		return this.transactions.transactional(this.store.insert(drill, Scenarios.json(scenario))
			.then(this.events.append(List.of(event("drill.started", drill))))
			.thenReturn(drill)).flatMap(started -> settings(started, scenario).doOnNext(settings -> launch(started, scenario, settings))
				.thenReturn(started)
				.onErrorResume(error -> end(started.id(), Drill.State.FAILED, String.valueOf(error.getMessage()), null)
					.then(Mono.error(error))));
	}

	/**
	 * What a drill of this scenario at this pace would send, its peak rate above all; nothing is started. Checked as
	 * {@link #start} checks it, the role aside (so that anyone who may see drills sees what one would cost).
	 */
	public DrillPlan preview(Scenario scenario, double timeScale, double rateMultiplier) {
		checkPace(timeScale, rateMultiplier);
		return DrillPlan.of(scenario, timeScale, rateMultiplier);
	}

	private static void checkPace(double timeScale, double rateMultiplier) {
		if (!(timeScale > 0) || timeScale > 100_000) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "timeScale", "timeScale must be above 0 and at most 100000");
		}
		if (!(rateMultiplier >= 0) || rateMultiplier > 1000) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "rateMultiplier", "rateMultiplier must be 0 to 1000");
		}
	}

	private static boolean publishesWarnings(Scenario scenario) {
		return scenario.phases().stream().anyMatch(phase -> !phase.warnings().isEmpty());
	}

	public Mono<Drill> find(UUID id) {
		return this.store.find(id).switchIfEmpty(Mono.error(() -> notFound(id)));
	}

	public Flux<Drill> list(int limit) {
		return this.store.list(limit);
	}

	/** Cancels a running drill (on whichever instance runs it); an ended one is answered as it is. */
	public Mono<Drill> cancel(UUID id) {
		return find(id).flatMap(drill -> drill.state() != Drill.State.RUNNING ? Mono.just(drill)
				: end(drill.id(), Drill.State.CANCELLED, null, null).then(Mono.fromRunnable(() -> stopLocally(id)))
					.then(find(id)));
	}

	private void stopLocally(UUID id) {
		Disposable player = this.running.remove(id);
		if (player != null) {
			player.dispose();
		}
	}

	/** The hub's own addresses and the drill's officers, signed off the event loop (ECDSA draws random numbers). */
	private Mono<DrillSettings> settings(Drill drill, Scenario scenario) {
		String tag = drill.id().toString().substring(24);
		Instant expires = this.clock.instant()
			.plus(Duration.ofNanos(Math.round(scenario.minutes() * 60e9 / drill.timeScale())))
			.plus(GRACE)
			.plus(Duration.ofMinutes(30));
		HubPrincipal officer = new HubPrincipal("drill-" + tag, HubPrincipal.Kind.OFFICER,
				Set.of(Role.ADMIN, Role.COMMANDER), null, null, expires);
		HubPrincipal approver = new HubPrincipal("drill-" + tag + "-approver", HubPrincipal.Kind.OFFICER,
				Set.of(Role.COMMANDER), null, null, expires);
		int httpPort = port("local.server.port");
		int cityLinkPort = port("local.rsocket.server.port");
		// the drill's own webhook receiver listens on this machine's loopback: subscribed (for exercises) only where
		// the operator allows webhooks to it (hub.channels.webhook.allowed-targets), else the drill runs without it
		String receiverHost = this.webhookTargets.literalRefusal("127.0.0.1") == null ? "127.0.0.1" : null;
		return Mono.fromCallable(() -> new DrillSettings(URI.create("http://127.0.0.1:" + httpPort), "127.0.0.1",
				cityLinkPort, this.tokens.issue(officer), this.tokens.issue(approver), drill.timeScale(),
				drill.rateMultiplier(), tag, receiverHost, GRACE))
			.subscribeOn(Schedulers.boundedElastic());
	}

	private int port(String property) {
		String port = this.environment.getProperty(property);
		if (port == null) {
			throw new IllegalStateException(property + " is not known yet: the hub has not finished starting");
		}
		return Integer.parseInt(port);
	}

	private void launch(Drill drill, Scenario scenario, DrillSettings settings) {
		AtomicReference<ScenarioPlayer.@Nullable Progress> latest = new AtomicReference<>();
		// a save slower than the interval (a loaded database) skips ticks rather than failing the drill
		Mono<Void> cancelledElsewhere = Flux.interval(PROGRESS_EVERY)
			.onBackpressureDrop()
			.concatMap(tick -> saveProgress(drill.id(), latest.get()))
			.filter(stillRunning -> !stillRunning)
			.next()
			.then();
		Disposable player = ScenarioPlayer.play(scenario, settings, latest::set)
			.takeUntilOther(cancelledElsewhere)
			.flatMap(report -> end(drill.id(), Drill.State.FINISHED, null, report))
			.onErrorResume(error -> {
				log.warn("Drill {} failed", drill.id(), error);
				return end(drill.id(), Drill.State.FAILED, String.valueOf(error.getMessage()), null);
			})
			.doFinally(signal -> this.running.remove(drill.id()))
			.subscribe(ended -> log.info("Drill {} ended", drill.id()),
					error -> log.error("Drill {} could not be ended", drill.id(), error));
		this.running.put(drill.id(), player);
	}

	private Mono<Boolean> saveProgress(UUID id, ScenarioPlayer.@Nullable Progress progress) {
		return this.store.saveProgress(id, progress).onErrorResume(error -> {
			log.warn("Drill {}: progress not saved ({}); trying again at the next tick", id, error.toString());
			return Mono.just(true);
		});
	}

	/**
	 * Fails the running drills whose instance has stopped saving their progress for {@code silence} (it was stopped
	 * or killed mid-drill); answers how many. Safe on every instance at once: a drill ends once.
	 */
	public Mono<Long> failAbandoned(Duration silence) {
		return this.store.abandoned(silence)
			.filter(id -> !this.running.containsKey(id))
			.concatMap(id -> end(id, Drill.State.FAILED, "The hub instance playing the drill stopped: no progress for "
					+ silence.toSeconds() + " s", null))
			.filter(Boolean::booleanValue)
			.count();
	}

	/** Ends the drill and records its event in one transaction; answers whether it was still running. */
	private Mono<Boolean> end(UUID id, Drill.State state, @Nullable String error, @Nullable DrillReport report) {
		String reportJson = report == null ? null : this.json.writeValueAsString(report);
		String markdown = report == null ? null : report.markdown();
		return this.transactions.transactional(this.store.end(id, state, this.clock.instant(), error, reportJson, markdown)
			.flatMap(ended -> !ended ? Mono.just(false)
					: this.store.find(id)
						.flatMap(drill -> this.events.append(List.of(event("drill." + state.name().toLowerCase(java.util.Locale.ROOT),
								drill.summary()))))
						.thenReturn(true)));
	}

	private static NewEvent event(String type, Drill drill) {
		return NewEvent.critical(Drill.STREAM, type, drill.id().toString(), List.of(), true, drill.summary());
	}

	private static HubException notFound(UUID id) {
		return new HubException(ErrorCode.DRILL_NOT_FOUND, "No drill " + id, Map.of("drillId", id.toString()));
	}

}
