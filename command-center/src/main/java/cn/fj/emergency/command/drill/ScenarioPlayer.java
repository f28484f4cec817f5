package cn.fj.emergency.command.drill;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.drill.client.CityPlatformClient;
import cn.fj.emergency.command.drill.client.ConsoleClient;
import cn.fj.emergency.command.drill.client.HubHttpClient;
import cn.fj.emergency.command.drill.client.HubRefusal;

/**
 * Plays a scenario against a hub as its parties would: one city platform connection per city (service tokens it
 * issues for the drill), a department token for the CAP alerts and as author of the hub's warnings, consoles on
 * WebSocket, officers over HTTP. Everything is flagged exercise. Ends with the {@link DrillReport}; whatever it
 * issued (tokens, the webhook subscription) is revoked or removed at the end, also on failure or cancellation.
 */
public final class ScenarioPlayer {

	private static final Logger log = LoggerFactory.getLogger(ScenarioPlayer.class);

	static final List<String> CONSOLE_STREAMS = List.of("incidents", "orders", "warnings", "deliveries");

	private static final Duration TICK = Duration.ofMillis(100);

	private static final int REPORTS_IN_FLIGHT = 256;

	private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

	/** An order's deadline is at least this long after it is issued, however compressed the drill. */
	private static final Duration MINIMUM_DEADLINE = Duration.ofMinutes(1);

	/** Where a drill stands, for its progress display. */
	public record Progress(String phase, double scenarioMinute, double scenarioMinutes, long reportsSent,
			long reportsAcknowledged, long ordersIssued, long warningsPublished) {
	}

	private ScenarioPlayer() {
	}

	public static Mono<DrillReport> play(Scenario scenario, DrillSettings settings, Consumer<Progress> progress) {
		return Mono.usingWhen(Mono.fromSupplier(() -> new Play(scenario, settings, progress)), Play::run,
				Play::tearDown, (play, error) -> play.tearDown(), Play::tearDown);
	}

	/** One playing of a scenario, with what it holds. */
	private static final class Play {

		private final Scenario scenario;

		private final DrillSettings settings;

		private final Consumer<Progress> progress;

		private final HubHttpClient http;

		private final Measurements measurements;

		private final String prefix;

		private final Map<String, String> cityTokens = new LinkedHashMap<>();

		private final List<String> tokenIds = new ArrayList<>();

		private final Map<String, CityPlatformClient> cities = new LinkedHashMap<>();

		private final List<ConsoleClient> consoles = new ArrayList<>();

		private final Map<String, Mono<Optional<DepartmentCap.Sent>>> alerts = new HashMap<>();

		private final Map<String, Mono<String>> warnings = new HashMap<>();

		private final Map<String, Scenario.Order> orders = new HashMap<>();

		private final Map<String, Long> emitted = new HashMap<>();

		private @Nullable String departmentToken;

		/**
		 * Per CAP sender of the scenario's department alerts, a DEPARTMENT token whose subject is that sender: the hub
		 * accepts a pushed alert only under its department's own sender.
		 */
		private final Map<String, String> senderTokens = new LinkedHashMap<>();

		private @Nullable DisposableServer receiver;

		private @Nullable String subscriptionId;

		private long startNanos;

		private Instant startedAt = Instant.EPOCH;

		Play(Scenario scenario, DrillSettings settings, Consumer<Progress> progress) {
			this.scenario = scenario;
			this.settings = settings;
			this.progress = progress;
			this.http = new HubHttpClient(settings.hubBaseUrl(), Duration.ofSeconds(30));
			this.measurements = new Measurements(scenario.limits(), scenario.consoleCount());
			this.prefix = "drill-" + settings.tag() + "-";
		}

		Mono<DrillReport> run() {
			return Mono.defer(this::issueTokens)
				.then(Mono.defer(this::startReceiver))
				.then(Mono.defer(this::connect))
				.then(Mono.defer(this::headOfLog))
				.flatMap(this::playFrom);
		}

		// --- setting up

		private Duration validFor() {
			return this.settings.wall(this.scenario.minutes()).plus(this.settings.grace()).plusHours(1);
		}

		private Mono<Void> issueTokens() {
			String officer = this.settings.officerToken();
			Mono<Void> cityTokens = Flux.fromIterable(this.scenario.cities())
				.concatMap(city -> this.http
					.issueServiceToken(officer, this.prefix + city.code(), "CITY_PLATFORM", city.code(),
							"Drill " + this.settings.tag() + ": simulated city platform", validFor())
					.doOnNext(issued -> {
						this.tokenIds.add(issued.path("tokenId").asString());
						this.cityTokens.put(city.code(), issued.path("token").asString());
					}))
				.then();
			Mono<Void> department = this.http
				.issueServiceToken(officer, this.prefix + "department", "DEPARTMENT", null,
						"Drill " + this.settings.tag() + ": simulated departments", validFor())
				.doOnNext(issued -> {
					this.tokenIds.add(issued.path("tokenId").asString());
					this.departmentToken = issued.path("token").asString();
				})
				.then();
			Mono<Void> senders = Flux.fromStream(this.scenario.phases().stream()
					.flatMap(phase -> phase.departmentAlerts().stream())
					.map(Scenario.DepartmentAlert::sender)
					.filter(java.util.Objects::nonNull)
					.distinct())
				.concatMap(sender -> this.http
					.issueServiceToken(officer, sender, "DEPARTMENT", null,
							"Drill " + this.settings.tag() + ": simulated department sending as " + sender, validFor())
					.doOnNext(issued -> {
						this.tokenIds.add(issued.path("tokenId").asString());
						this.senderTokens.put(sender, issued.path("token").asString());
					}))
				.then();
			return cityTokens.then(department).then(senders);
		}

		/**
		 * A webhook endpoint of the drill's own, subscribed for its cities as a recipient of exercises (the drill's
		 * warnings reach it, and no real recipient): where warning deliveries are measured.
		 */
		private Mono<Void> startReceiver() {
			String host = this.settings.receiverHost();
			if (host == null) {
				return Mono.empty();
			}
			return HttpServer.create()
				.host(host)
				.port(0)
				.route(routes -> routes.post("/drill-webhook", (request, response) -> request.receive()
					.then(response.status(204).send())))
				.bind()
				.doOnNext(server -> this.receiver = server)
				.flatMap(server -> this.http.post("/api/admin/channels/subscriptions", this.settings.officerToken(),
						Map.of("channel", "WEBHOOK", "name", "Drill " + this.settings.tag() + " receiver", "address",
								"http://" + host + ":" + server.port() + "/drill-webhook", "secret",
								"drill-webhook-secret-" + this.settings.tag(), "areas",
								this.scenario.cities().stream().map(Scenario.City::code).toList(), "exercises", true)))
				.doOnNext(subscription -> this.subscriptionId = subscription.path("id").asString())
				.then();
		}

		private Mono<Void> connect() {
			Mono<Void> cityLinks = Flux.fromIterable(this.cityTokens.entrySet())
				.concatMap(city -> CityPlatformClient
					.connect(this.settings.cityLinkHost(), this.settings.cityLinkPort(), city.getValue())
					.doOnNext(client -> this.cities.put(city.getKey(), client)))
				.then();
			Mono<Void> consoleLinks = Flux.range(0, this.scenario.consoleCount())
				.concatMap(i -> ConsoleClient.connect(this.settings.hubBaseUrl(),
						i % 2 == 0 ? this.settings.officerToken() : this.settings.approverToken()))
				.doOnNext(this.consoles::add)
				.then();
			return cityLinks.then(consoleLinks);
		}

		/**
		 * The log's last {@code seq} now: asking for a position beyond it is refused with the head
		 * (RESUME_POSITION_UNKNOWN), so every console and platform can start exactly there and miss nothing.
		 */
		private Mono<Long> headOfLog() {
			return this.consoles.get(0)
				.link()
				.stream("events.stream", Map.of("after", Long.MAX_VALUE))
				.then(Mono.<Long>error(() -> new IllegalStateException("The hub did not refuse a position beyond its log")))
				.onErrorResume(HubRefusal.class, refusal -> "RESUME_POSITION_UNKNOWN".equals(refusal.code())
						? Mono.just(refusal.body().path("head").asLong()) : Mono.error(refusal));
		}

		// --- playing

		private Mono<DrillReport> playFrom(long head) {
			Sinks.Empty<Void> done = Sinks.empty();
			Mono<Void> listening = Flux.merge(consoleListeners(head), platformListeners(head))
				.takeUntilOther(done.asMono())
				.then();
			Mono<Void> driving = Mono.defer(() -> {
				this.startNanos = System.nanoTime();
				this.startedAt = Instant.now();
				return Mono.when(reports(), steps()).then(settle());
			})
				.doFinally(signal -> done.tryEmitEmpty());
			Mono<Void> reporting = Flux.interval(Duration.ofMillis(500))
				.doOnNext(tick -> this.progress.accept(progress()))
				.takeUntilOther(done.asMono())
				.then();
			return Mono.when(listening, driving, reporting).then(Mono.fromSupplier(this::report));
		}

		private DrillReport report() {
			return this.measurements.report(this.scenario.name(), this.settings.timeScale(),
					this.settings.rateMultiplier(), this.startedAt, Instant.now());
		}

		private Progress progress() {
			double minute = Math.min(this.scenario.minutes(), scenarioMinuteNow());
			String phase = "";
			double start = 0;
			for (Scenario.Phase each : this.scenario.phases()) {
				phase = each.name();
				if (minute < start + each.length()) {
					break;
				}
				start += each.length();
			}
			return new Progress(phase, minute, this.scenario.minutes(), this.measurements.reportsSent.get(),
					this.measurements.acknowledgedReports(), this.measurements.ordersIssued(),
					this.measurements.warningsPublishedCount());
		}

		private double scenarioMinuteNow() {
			return this.startNanos == 0 ? 0 : (System.nanoTime() - this.startNanos) / 60e9 * this.settings.timeScale();
		}

		/** Waits until everything acknowledged has arrived everywhere, at most the grace period. */
		private Mono<Void> settle() {
			return Flux.interval(Duration.ZERO, Duration.ofMillis(200))
				.filter(tick -> this.measurements.settled())
				.next()
				.then()
				.timeout(this.settings.grace(), Mono.empty());
		}

		private Flux<Void> consoleListeners(long head) {
			return Flux.range(0, this.consoles.size())
				.flatMap(i -> this.consoles.get(i)
					.follow(head, CONSOLE_STREAMS, List.of(), 100)
					.doOnNext(this::onConsoleEvent)
					.then()
					.onErrorResume(error -> record("console " + i + " stream ended", error)));
		}

		private void onConsoleEvent(JsonNode event) {
			String type = event.path("type").asString();
			JsonNode data = event.path("data");
			if ("incident.reported".equals(type)) {
				this.measurements.reportSeen(data.path("reportId").asString());
			}
			else if ("delivery.state-changed".equals(type)) {
				String state = data.path("state").asString();
				if ("SENT".equals(state) || "ACKNOWLEDGED".equals(state)) {
					this.measurements.warningDelivered(data.path("identifier").asString(),
							data.path("channel").asString(), data.path("recipient").asString());
				}
			}
		}

		/** Each simulated platform follows its orders and acknowledges the drill's after the scenario's delays. */
		private Flux<Void> platformListeners(long head) {
			return Flux.fromIterable(this.cities.entrySet())
				.flatMap(city -> city.getValue()
					.orders(head)
					.filter(event -> "order.issued".equals(event.path("type").asString())
							&& event.path("data").path("ref").asString().startsWith(this.prefix))
					.flatMap(event -> acknowledge(city.getKey(), city.getValue(), event.path("data")))
					.onErrorResume(error -> record("orders of " + city.getKey() + " ended", error)));
		}

		private Mono<Void> acknowledge(String city, CityPlatformClient platform, JsonNode order) {
			String ref = order.path("ref").asString();
			String orderId = order.path("id").asString();
			this.measurements.orderReachedCity(ref);
			Scenario.Order planned = this.orders.get(ref);
			if (planned == null) {
				return Mono.empty();
			}
			Scenario.Acknowledgements acks = planned.acks();
			boolean rejecting = acks.rejectingCities().contains(city);
			String ackPrefix = ref + "-" + city + "-";
			Mono<Void> received = Mono.delay(seconds(acks.received()))
				.then(platform.acknowledge(orderId, ackPrefix + "received", "RECEIVED", null))
				.then();
			Mono<Void> decided = Mono.delay(seconds(acks.accepted() - acks.received()))
				.then(rejecting
						? platform.acknowledge(orderId, ackPrefix + "rejected", "REJECTED", "Drill: the coastal road is cut")
						: platform.acknowledge(orderId, ackPrefix + "accepted", "ACCEPTED", null))
				.doOnNext(ack -> this.measurements.orderAcknowledged(ref, city))
				.then();
			Double completedAfter = acks.completedAfterSeconds();
			Mono<Void> completed = rejecting || completedAfter == null ? Mono.empty()
					: Mono.delay(seconds(completedAfter - acks.accepted()))
						.then(platform.acknowledge(orderId, ackPrefix + "completed", "COMPLETED", "Drill: done"))
						.then();
			return received.then(decided)
				.then(completed)
				.onErrorResume(error -> record("acknowledging " + ref + " by " + city, error));
		}

		private Duration seconds(double scenarioSeconds) {
			return Duration.ofNanos(Math.round(Math.max(0, scenarioSeconds) * 1e9 / this.settings.timeScale()));
		}

		// --- incident reports

		private Mono<Void> reports() {
			long ticks = Math.max(1, (long) Math.ceil(
					(double) this.settings.wall(this.scenario.minutes()).toNanos() / TICK.toNanos()));
			double minutesPerTick = TICK.toNanos() / 60e9 * this.settings.timeScale();
			return Flux.range(1, (int) Math.min(Integer.MAX_VALUE, ticks))
				.concatMap(tick -> Mono.delay(untilTick(tick))
					.thenMany(Flux.defer(() -> Flux.fromIterable(dueReports(Math.min(this.scenario.minutes(),
							tick * minutesPerTick))))))
				.flatMap(this::sendReport, REPORTS_IN_FLIGHT)
				.then();
		}

		private Duration untilTick(long tick) {
			long due = this.startNanos + tick * TICK.toNanos();
			return Duration.ofNanos(Math.max(0, due - System.nanoTime()));
		}

		/** The reports due by this scenario minute that are not sent yet, as (city, number). */
		private List<Map.Entry<String, Long>> dueReports(double minute) {
			List<Map.Entry<String, Long>> due = new ArrayList<>();
			for (Scenario.City city : this.scenario.cities()) {
				long expected = (long) Math.floor(cumulativeReports(city.code(), minute) * this.settings.rateMultiplier());
				long sent = this.emitted.getOrDefault(city.code(), 0L);
				for (long n = sent + 1; n <= expected; n++) {
					due.add(Map.entry(city.code(), n));
				}
				this.emitted.put(city.code(), Math.max(sent, expected));
			}
			return due;
		}

		private double cumulativeReports(String city, double minute) {
			return this.scenario.reportsBy(city, minute);
		}

		private Mono<Void> sendReport(Map.Entry<String, Long> due) {
			String city = due.getKey();
			long n = due.getValue();
			String reportId = this.prefix + city + "-" + n;
			Map<String, Object> report = incidentReport(city, n, reportId);
			this.measurements.reportSending(reportId);
			return this.cities.get(city)
				.report(report)
				.doOnNext(receipt -> this.measurements.reportAcknowledged(reportId))
				.then()
				.onErrorResume(error -> {
					this.measurements.reportRefused(error instanceof HubRefusal refusal ? refusal.code()
							: error.getClass().getSimpleName());
					return Mono.empty();
				});
		}

		private Map<String, Object> incidentReport(String cityCode, long n, String reportId) {
			Scenario.City city = this.scenario.cities().stream().filter(c -> cityCode.equals(c.code())).findFirst()
				.orElseThrow();
			Scenario.Place place = city.counties().get((int) (n % city.counties().size()));
			Scenario.ReportStyle style = this.scenario.reportStyle();
			// spread the points a little (about ±1 km) so that reports are not all at the county seat
			double jitter = ((n * 7919) % 200 - 100) / 10000.0;
			Map<String, Object> report = new LinkedHashMap<>();
			report.put("reportId", reportId);
			report.put("category", pick(style.categoryList(), n));
			report.put("level", pick(style.levelList(), n));
			report.put("title", "[Drill] " + pick(style.titleList(), n));
			report.put("description", "Exercise report " + n + " of drill " + this.settings.tag());
			report.put("latitude", place.latitude() + jitter);
			report.put("longitude", place.longitude() - jitter);
			report.put("countyCode", place.code());
			report.put("occurredAt", OffsetDateTime.now(CHINA).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString());
			report.put("exercise", true);
			return report;
		}

		private static String pick(List<String> values, long n) {
			return values.get((int) (n % values.size()));
		}

		// --- the scenario's steps

		private Mono<Void> steps() {
			List<ScenarioCheck.Step> steps = ScenarioCheck.Step.all(this.scenario);
			steps.forEach(this::prepare);
			return Flux.fromIterable(steps)
				.flatMap(step -> Mono.delay(this.settings.wall(step.minute())).then(execute(step)))
				.then();
		}

		/** Alerts and warnings become cached steps first, so that an Update can wait for what it references. */
		private void prepare(ScenarioCheck.Step step) {
			if (step.value() instanceof Scenario.DepartmentAlert alert) {
				Mono<Optional<DepartmentCap.Sent>> referenced = alert.references() == null ? Mono.just(Optional.empty())
						: this.alerts.get(alert.references());
				this.alerts.put(alert.key(), referenced.flatMap(ref -> push(alert, ref.orElse(null))).cache());
			}
			else if (step.value() instanceof Scenario.PublicWarning warning) {
				this.warnings.put(warning.key(), publish(warning).cache());
			}
			else if (step.value() instanceof Scenario.Order order) {
				this.orders.put(this.prefix + order.key(), order);
			}
		}

		private Mono<Void> execute(ScenarioCheck.Step step) {
			Object value = step.value();
			if (value instanceof Scenario.DepartmentAlert alert) {
				return this.alerts.get(alert.key()).then();
			}
			if (value instanceof Scenario.PublicWarning warning) {
				return this.warnings.get(warning.key())
					.then()
					.onErrorResume(error -> record("warning " + warning.key(), error));
			}
			if (value instanceof Scenario.Order order) {
				return issue(order);
			}
			return requestSupplies((Scenario.SupplyRequest) value, step);
		}

		private Mono<Optional<DepartmentCap.Sent>> push(Scenario.DepartmentAlert alert,
				DepartmentCap.@Nullable Sent references) {
			return Mono.defer(() -> {
				var self = new DepartmentCap.Sent(alert.sender(), this.prefix + alert.key(),
						OffsetDateTime.now(CHINA).truncatedTo(ChronoUnit.SECONDS));
				this.measurements.alertsPushed.incrementAndGet();
				return this.http.pushInboundWarning(senderToken(alert.sender()), DepartmentCap.xml(alert, self, references))
					.doOnNext(answer -> this.measurements.alertsAccepted.incrementAndGet())
					.thenReturn(Optional.of(self))
					.onErrorResume(error -> {
						this.measurements.alertsRefused.incrementAndGet();
						return record("department alert " + alert.key(), error).thenReturn(Optional.<DepartmentCap.Sent>empty());
					});
			});
		}

		private String senderToken(@Nullable String sender) {
			String token = sender == null ? null : this.senderTokens.get(sender);
			if (token == null) {
				throw new IllegalStateException("The drill's department token for sender " + sender + " was not issued");
			}
			return token;
		}

		private String departmentToken() {
			String token = this.departmentToken;
			if (token == null) {
				throw new IllegalStateException("The drill's department token was not issued");
			}
			return token;
		}

		/** Compose (the department, or an officer for an Update or Cancel), submit, approve (a second officer), publish. */
		private Mono<String> publish(Scenario.PublicWarning warning) {
			String officer = this.settings.officerToken();
			Mono<JsonNode> draft = switch (warning.actionOrDefault()) {
				case "update" -> this.warnings.get(warning.of())
					.flatMap(old -> this.http.updateWarning(officer, old, warningContent(warning)));
				case "cancel" -> this.warnings.get(warning.of()).flatMap(old -> this.http.cancelWarning(officer, old));
				default -> Mono.defer(() -> this.http.composeWarning(departmentToken(), warningContent(warning)));
			};
			String author = "alert".equals(warning.actionOrDefault()) ? null : officer;
			return draft.map(view -> view.path("identifier").asString())
				.flatMap(id -> this.http.submitWarning(author == null ? departmentToken() : author, id).thenReturn(id))
				.flatMap(id -> this.http.approveWarning(this.settings.approverToken(), id, "Drill " + this.settings.tag())
					.doOnNext(approved -> this.measurements.warningApproved(id))
					.thenReturn(id))
				.flatMap(id -> this.http.publishWarning(officer, id)
					.doOnNext(published -> this.measurements.warningPublished(id))
					.thenReturn(id));
		}

		private Map<String, Object> warningContent(Scenario.PublicWarning warning) {
			Map<String, Object> content = new LinkedHashMap<>();
			content.put("status", "Exercise");
			content.put("colour", warning.colour());
			content.put("category", "Met");
			content.put("expires", OffsetDateTime.now(CHINA)
				.plusSeconds(Math.round(warning.expiresAfterMinutes() * 60))
				.truncatedTo(ChronoUnit.SECONDS)
				.toString());
			content.put("texts", warning.texts());
			content.put("areas", warning.areas());
			return content;
		}

		/**
		 * Issues the order when its step comes. Everything that depends on the moment, the deadline above all, is
		 * worked out then, inside {@code defer}: the steps are all assembled at the drill's start, and a deadline
		 * computed at assembly would be the drill's start plus the compressed deadline, already past for an order
		 * whose step comes later than that (at a time-scale of 60 or 90 the shipped typhoon's later orders).
		 */
		private Mono<Void> issue(Scenario.Order order) {
			String ref = this.prefix + order.key();
			return Mono.defer(() -> {
				this.measurements.orderIssuing(ref, order.cities());
				return this.http.issueOrder(this.settings.officerToken(), orderRequest(order, ref, OffsetDateTime.now(CHINA)));
			}).then().onErrorResume(error -> record("order " + order.key(), error));
		}

		/**
		 * The order as issued at {@code now}: its deadline is the scenario's deadline compressed, at least a real minute
		 * after {@code now}, rounded up to the second (the hub refuses a deadline not in the future).
		 */
		private Map<String, Object> orderRequest(Scenario.Order order, String ref, OffsetDateTime now) {
			Map<String, Object> request = new LinkedHashMap<>();
			request.put("orderRef", ref);
			request.put("text", order.text());
			request.put("targetCities", order.cities());
			request.put("deadline", deadline(order, now).toString());
			request.put("exercise", true);
			return request;
		}

		private OffsetDateTime deadline(Scenario.Order order, OffsetDateTime now) {
			Duration deadline = this.settings.wall(order.deadlineMinutes() == null ? 0 : order.deadlineMinutes());
			Duration atLeast = deadline.compareTo(MINIMUM_DEADLINE) < 0 ? MINIMUM_DEADLINE : deadline;
			return now.plus(atLeast).plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
		}

		private Mono<Void> requestSupplies(Scenario.SupplyRequest supply, ScenarioCheck.Step step) {
			Map<String, Object> request = new LinkedHashMap<>();
			request.put("requestId", this.prefix + "supplies-" + Math.round(step.minute() * 1000) + "-" + supply.city());
			request.put("location", supply.location());
			request.put("note", "[Drill] " + (supply.note() == null ? "" : supply.note()));
			request.put("lines", supply.lines());
			return Mono.defer(() -> {
				this.measurements.suppliesSent.incrementAndGet();
				return this.http.requestSupplies(this.cityTokens.get(supply.city()), request);
			})
				.doOnNext(answer -> this.measurements.suppliesAccepted.incrementAndGet())
				.then()
				.onErrorResume(error -> {
					this.measurements.suppliesRefused.incrementAndGet();
					return record("supply request of " + supply.city(), error);
				});
		}

		/** A step that failed is part of the report; the drill goes on. */
		private Mono<Void> record(String what, Throwable error) {
			log.warn("Drill {}: {} failed: {}", this.settings.tag(), what, error.toString());
			this.measurements.error(what + ": " + error.getMessage());
			return Mono.empty();
		}

		// --- tearing down

		Mono<Void> tearDown() {
			this.cities.values().forEach(CityPlatformClient::close);
			this.consoles.forEach(ConsoleClient::close);
			String admin = this.settings.officerToken();
			Mono<Void> subscription = this.subscriptionId == null ? Mono.empty()
					: this.http.delete("/api/admin/channels/subscriptions/" + this.subscriptionId, admin);
			Mono<Void> tokens = Flux.fromIterable(this.tokenIds)
				.concatMap(id -> this.http.revokeServiceToken(admin, id)
					.then()
					.onErrorResume(error -> record("revoking service token " + id, error)))
				.then();
			return subscription.onErrorResume(error -> record("removing the webhook subscription", error))
				.then(tokens)
				.doFinally(signal -> {
					DisposableServer server = this.receiver;
					if (server != null) {
						server.dispose();
					}
				});
		}

	}

}
