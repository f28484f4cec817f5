package cn.fj.emergency.command.uplink;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.Ids;
import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.incident.Incident;
import cn.fj.emergency.command.incident.IncidentLevel;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.HubEvent;
import cn.fj.emergency.command.uplink.persistence.ForwardStore;
import cn.fj.emergency.command.uplink.persistence.ForwardStore.NewForward;

/**
 * Fills the outbox from the event log: each round, in one transaction, takes the tailer's cursor row (an instance
 * that finds it taken leaves the round to the holder), reads the events after it, inserts a forward for each one
 * the {@link EscalationPolicy} selects, and moves the cursor past them. Runs whether or not the uplink is
 * configured, so nothing is lost before it is. Also refreshes the pending-forwards gauge.
 */
@Component
class QueueingEscalations implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(QueueingEscalations.class);

	/** Events read per transaction. */
	static final int EVENTS_PER_ROUND = 500;

	static final String LEVEL_CHANGED = "incident.level-changed";

	/** The disaster responses' stream and the two of its types that may be forwarded (docs/disaster-events.md). */
	static final String RESPONSES = "disaster-responses";

	static final String RESPONSE_ACTIVATED = "disaster-response.activated";

	static final String RESPONSE_RAISED = "disaster-response.raised";

	private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(30);

	private final EventLog events;

	private final ForwardStore store;

	private final TransactionalOperator transactions;

	private final JsonMapper json;

	private final Clock clock;

	private final NationalUplinkProperties properties;

	private final LogGrowth growth;

	private final ForwardingEscalations forwarding;

	private final AtomicLong pending = new AtomicLong();

	private volatile Disposable running = Disposables.disposed();

	QueueingEscalations(EventLog events, ForwardStore store, TransactionalOperator transactions, JsonMapper json,
			Clock clock, NationalUplinkProperties properties, LogGrowth growth, ForwardingEscalations forwarding,
			MeterRegistry meters) {
		this.events = events;
		this.store = store;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
		this.growth = growth;
		this.forwarding = forwarding;
		Gauge.builder("hub.uplink.pending", this.pending, AtomicLong::get)
			.description("Forwards to the national platform not yet acknowledged")
			.register(meters);
	}

	/** One round: answers whether the log may hold more to read right now. */
	Mono<Boolean> round() {
		Mono<Result> work = this.store.lockCursor()
			.flatMap(cursor -> this.events.readAfter(cursor, EVENTS_PER_ROUND).collectList())
			.flatMap(this::queue);
		return this.transactions.transactional(work)
			.doOnNext(result -> {
				if (result.inserted() > 0) {
					this.forwarding.poke();
				}
			})
			.map(Result::more)
			.defaultIfEmpty(false)
			.flatMap(more -> refreshPending().thenReturn(more));
	}

	private Mono<Result> queue(List<HubEvent> read) {
		if (read.isEmpty()) {
			return Mono.just(new Result(0, false));
		}
		Instant now = this.clock.instant();
		long last = read.get(read.size() - 1).seq();
		return Flux.fromIterable(read)
			.concatMap(event -> Mono.justOrEmpty(forwardFor(event, now)).flatMap(this::withIncident))
			.collectList()
			.flatMap(forwards -> forwards.isEmpty() ? Mono.just(0L) : this.store.insert(forwards, now))
			.flatMap(inserted -> this.store.moveCursor(last)
				.thenReturn(new Result(inserted, read.size() == EVENTS_PER_ROUND)));
	}

	private Mono<Void> refreshPending() {
		return this.store.pendingCount().doOnNext(this.pending::set).then();
	}

	/** The forward an event calls for, if any; its incident's report still to be attached to a level raise. */
	private Optional<Draft> forwardFor(HubEvent event, Instant now) {
		boolean incident = Incident.STREAM.equals(event.stream())
				&& (Incident.REPORTED.equals(event.type()) || LEVEL_CHANGED.equals(event.type()));
		boolean response = RESPONSES.equals(event.stream())
				&& (RESPONSE_ACTIVATED.equals(event.type()) || RESPONSE_RAISED.equals(event.type()));
		if (!incident && !response) {
			return Optional.empty();
		}
		try {
			JsonNode data = this.json.readTree(event.data());
			if (response) {
				return responseChanged(event, data);
			}
			return Incident.REPORTED.equals(event.type()) ? reported(event, data) : levelChanged(event, data);
		}
		catch (JacksonException | IllegalArgumentException | DateTimeException ex) {
			// a broken event cannot become readable by retrying: it is skipped, loudly
			log.error("Event {} ({}) does not match its contract and is not forwarded: {}", event.seq(), event.type(),
					ex.toString());
			return Optional.empty();
		}
	}

	private Optional<Draft> reported(HubEvent event, JsonNode data) {
		IncidentLevel level = level(data, "level");
		if (!EscalationPolicy.forwardsReport(level)) {
			return Optional.empty();
		}
		return Optional.of(new Draft(event, ForwardKind.INCIDENT_REPORTED, incidentId(event, data), city(data), level,
				null, null, null, null, event.data(), null));
	}

	private Optional<Draft> levelChanged(HubEvent event, JsonNode data) {
		IncidentLevel level = level(data, "level");
		IncidentLevel previous = level(data, "previousLevel");
		if (!EscalationPolicy.forwardsChange(level, previous)) {
			return Optional.empty();
		}
		return Optional.of(new Draft(event, ForwardKind.LEVEL_RAISED, incidentId(event, data), city(data), level,
				previous, text(data, "reason"), text(data, "by"), instant(data, "at"), null, null));
	}

	/**
	 * A response activated at Ⅰ or Ⅱ, or raised into Ⅰ or Ⅱ: forwarded with the disaster event's id in place of an
	 * incident's, its first city, the level as I or II, and the signed change as {@code response}.
	 */
	private Optional<Draft> responseChanged(HubEvent event, JsonNode data) {
		IncidentLevel level = responseLevel(data, "level");
		if (level != IncidentLevel.I && level != IncidentLevel.II) {
			return Optional.empty();
		}
		JsonNode cities = data.path("cities");
		if (!cities.isArray() || cities.isEmpty()) {
			throw new IllegalArgumentException("no cities");
		}
		String eventId = text(data, "eventId");
		if (eventId == null) {
			throw new IllegalArgumentException("no eventId");
		}
		IncidentLevel previous = text(data, "previousLevel") == null ? null : responseLevel(data, "previousLevel");
		ForwardKind kind = RESPONSE_ACTIVATED.equals(event.type()) ? ForwardKind.RESPONSE_ACTIVATED
				: ForwardKind.RESPONSE_RAISED;
		return Optional.of(new Draft(event, kind, UUID.fromString(eventId), cities.get(0).asString(), level, previous,
				text(data, "reason"), text(data, "changedBy"), instant(data, "changedAt"), null, event.data()));
	}

	/** RESPONSE_I..RESPONSE_IV as the uplink's I..IV. */
	private static IncidentLevel responseLevel(JsonNode data, String field) {
		String text = text(data, field);
		String numeral = text != null && text.startsWith("RESPONSE_") ? text.substring("RESPONSE_".length()) : "";
		return IncidentLevel.parse(numeral)
			.orElseThrow(() -> new IllegalArgumentException(field + " is not RESPONSE_I..RESPONSE_IV: " + text));
	}

	/** A level raise carries the incident as reported, so that the peer needs nothing else to know it. */
	private Mono<NewForward> withIncident(Draft draft) {
		if (draft.incidentJson() != null || draft.responseJson() != null) {
			return Mono.just(toForward(draft, draft.incidentJson()));
		}
		return this.events.firstAbout(draft.incidentId().toString(), Incident.REPORTED)
			.map(reported -> toForward(draft, reported.data()))
			.switchIfEmpty(Mono.fromSupplier(() -> toForward(draft, null)));
	}

	private NewForward toForward(Draft d, @Nullable String incidentJson) {
		UUID id = Ids.newId(this.clock);
		HubEvent e = d.event();
		ForwardRequest request = new ForwardRequest(id, d.kind(), Areas.PROVINCE, e.seq(), d.incidentId(), d.cityCode(),
				d.level(), d.previousLevel(), d.reason(), d.changedBy(), d.changedAt(), e.exercise(), e.recordedAt(),
				incidentJson, d.responseJson());
		return new NewForward(id, e.seq(), d.incidentId(), d.cityCode(), d.kind(), d.level(), d.previousLevel(),
				e.exercise(), this.json.writeValueAsString(request));
	}

	private static UUID incidentId(HubEvent event, JsonNode data) {
		String id = text(data, "id");
		if (id == null) {
			id = event.subjectId();
		}
		if (id == null) {
			throw new IllegalArgumentException("no incident id");
		}
		return UUID.fromString(id);
	}

	private static String city(JsonNode data) {
		String city = text(data, "cityCode");
		if (city == null) {
			throw new IllegalArgumentException("no cityCode");
		}
		return city;
	}

	private static IncidentLevel level(JsonNode data, String field) {
		String text = text(data, field);
		return IncidentLevel.parse(text == null ? "" : text)
			.orElseThrow(() -> new IllegalArgumentException(field + " is not I, II, III or IV: " + text));
	}

	private static @Nullable Instant instant(JsonNode data, String field) {
		String text = text(data, field);
		return text == null ? null : OffsetDateTime.parse(text).toInstant();
	}

	/** A field as text: a string as it is, any other value as JSON, absent or null as null. */
	private static @Nullable String text(JsonNode data, String field) {
		JsonNode node = data.path(field);
		if (node.isMissingNode() || node.isNull()) {
			return null;
		}
		return node.isString() ? node.asString() : node.toString();
	}

	@Override
	public void start() {
		this.running = this.growth.rounds()
			.run("Queueing escalations", this.properties.pollInterval(), ROUND_TIMEOUT, this::round);
	}

	@Override
	public void stop() {
		this.running.dispose();
	}

	@Override
	public boolean isRunning() {
		return !this.running.isDisposed();
	}

	private record Draft(HubEvent event, ForwardKind kind, UUID incidentId, String cityCode, IncidentLevel level,
			@Nullable IncidentLevel previousLevel, @Nullable String reason, @Nullable String changedBy,
			@Nullable Instant changedAt, @Nullable String incidentJson, @Nullable String responseJson) {
	}

	private record Result(long inserted, boolean more) {
	}

}
