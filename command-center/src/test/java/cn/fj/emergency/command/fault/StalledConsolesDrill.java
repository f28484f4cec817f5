package cn.fj.emergency.command.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;

/**
 * A share of consoles stalled: they ask for a few events (RSocket request-n) and never for more, while a city
 * platform reports and the other consoles keep up. The drill measures report → console latency of the healthy
 * consoles first with no one stalled, then with the stalled ones attached; samples the hub's
 * {@code hub.stream.subscriber.lag.max} gauge throughout; and lets each cut-off console resume from the
 * {@code lastSeq} it was given.
 */
public final class StalledConsolesDrill {

	private StalledConsolesDrill() {
	}

	/**
	 * @param consoles consoles on the stream, stalled ones included
	 * @param stalled of them, stalled
	 * @param reportsPerPhase reports in each of the two phases
	 * @param concurrency reports in flight
	 * @param buffer {@code hub.stream.subscriber-buffer}
	 * @param stallAfter events a stalled console asks for
	 */
	public record Size(int consoles, int stalled, int reportsPerPhase, int concurrency, int buffer, int stallAfter) {

		public static final Size SHORT = new Size(40, 2, 200, 8, 64, 5);

		public static final Size LONG = new Size(200, 10, 5000, 32, 1024, 5);

		/** {@link #LONG} if the tests are asked to run the drills long ({@link FaultDrills#longForm()}). */
		public static Size forRun() {
			return FaultDrills.longForm() ? LONG : SHORT;
		}

	}

	/**
	 * @param start the log's head before the drill
	 * @param head the log's head after it
	 * @param healthy seqs each healthy console received, in order
	 * @param healthyEndings how the healthy consoles' streams ended (none should have)
	 * @param before healthy consoles' latency with no console stalled
	 * @param during healthy consoles' latency with the stalled ones attached
	 * @param stalledErrors the error body each stalled console was cut off with, or an empty object
	 * @param stalledReceived events each stalled console received before its cut-off
	 * @param resumed seqs each stalled console received after resuming from its lastSeq
	 * @param maxLag the highest {@code hub.stream.subscriber.lag.max} sampled
	 * @param cutOffs {@code hub.stream.cutoffs} counted during the drill
	 */
	public record Result(int buffer, long start, long head, List<List<Long>> healthy,
			List<Map<String, Integer>> healthyEndings, Drills.Latency before, Drills.Latency during,
			List<JsonNode> stalledErrors, List<Integer> stalledReceived, List<List<Long>> resumed, long maxLag,
			double cutOffs) {

		@Override
		public String toString() {
			return "stalled consoles: " + this.healthy.size() + " healthy, " + this.stalledErrors.size()
					+ " stalled; latency before " + this.before + "; with stalled consoles " + this.during
					+ "; stalled cut off with " + this.stalledErrors + "; max lag " + this.maxLag + " of buffer "
					+ this.buffer + "; cut-offs " + this.cutOffs;
		}

	}

	public static Result run(Size size) {
		Map<String, Object> settings = new HashMap<>(Hub.freshHubSettings());
		settings.put("hub.stream.subscriber-buffer", Integer.toString(size.buffer()));
		settings.put("hub.stream.max-streams-per-principal", Integer.toString(size.consoles() * 2));
		try (Hub hub = Hub.start(settings)) {
			MeterRegistry meters = hub.context().getBean(MeterRegistry.class);
			AtomicLong maxLag = new AtomicLong();
			Disposable sampling = Flux.interval(Duration.ofMillis(10))
				.subscribe(tick -> maxLag.accumulateAndGet((long) meters.get("hub.stream.subscriber.lag.max").gauge().value(),
						Math::max));
			double cutOffsBefore = meters.get("hub.stream.cutoffs").counter().count();
			String officer = hub.dutyOfficerToken();
			String city = "350200";
			String token = hub.cityPlatformToken(city).get("token").asString();
			long start = Drills.head(hub);
			List<FollowingConsole> healthy = IntStream.range(0, size.consoles() - size.stalled())
				.mapToObj(i -> new FollowingConsole(() -> hub.console(officer)).start(start))
				.toList();
			List<HubClient> stalledLinks = new ArrayList<>();
			List<Stalled> stalled = new ArrayList<>();
			try (Reporter reporter = new Reporter(city, () -> HubClient.tcp(hub.cityLinkPort(), token))) {
				reporter.report("calm", size.reportsPerPhase(), size.concurrency()).blockLast(Drills.SETTLE.multipliedBy(4));
				long calm = Drills.head(hub);
				Drills.awaitHead(healthy, calm);
				Drills.Latency before = Drills.latency(healthy, reporter.sentNanos());
				for (int i = 0; i < size.stalled(); i++) {
					HubClient link = hub.console(officer);
					stalledLinks.add(link);
					Stalled s = new Stalled(size.stallAfter());
					link.stream("events.stream", Map.of("after", calm)).subscribe(s);
					stalled.add(s);
				}
				Map<Long, Long> calmSent = reporter.sentNanos();
				reporter.report("stalled", size.reportsPerPhase(), size.concurrency()).blockLast(Drills.SETTLE.multipliedBy(4));
				long head = Drills.head(hub);
				Drills.awaitHead(healthy, head);
				Map<Long, Long> stalledSent = new HashMap<>(reporter.sentNanos());
				stalledSent.keySet().removeAll(calmSent.keySet());
				Drills.Latency during = Drills.latency(healthy, stalledSent);
				List<JsonNode> errors = new ArrayList<>();
				List<List<Long>> resumed = new ArrayList<>();
				for (Stalled s : stalled) {
					JsonNode error = s.error.completeOnTimeout(HubClient.JSON.createObjectNode(), Drills.SETTLE.toSeconds(),
							java.util.concurrent.TimeUnit.SECONDS).join();
					errors.add(error);
					if (error.has("lastSeq")) {
						try (FollowingConsole again = new FollowingConsole(() -> hub.console(officer))) {
							again.start(error.get("lastSeq").asLong());
							Drills.awaitHead(List.of(again), head);
							resumed.add(again.seqs());
						}
					}
				}
				sampling.dispose();
				return new Result(size.buffer(), start, head, healthy.stream().map(FollowingConsole::seqs).toList(),
						healthy.stream().map(FollowingConsole::endings).toList(), before, during, errors,
						stalled.stream().map(s -> s.received).toList(), resumed, maxLag.get(),
						meters.get("hub.stream.cutoffs").counter().count() - cutOffsBefore);
			}
			finally {
				sampling.dispose();
				healthy.forEach(FollowingConsole::close);
				stalledLinks.forEach(HubClient::close);
			}
		}
	}

	/** Asks for a few events and never for more; keeps the error it is cut off with. */
	static final class Stalled extends BaseSubscriber<JsonNode> {

		private final int demand;

		final CompletableFuture<JsonNode> error = new CompletableFuture<>();

		volatile int received;

		Stalled(int demand) {
			this.demand = demand;
		}

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			subscription.request(this.demand);
		}

		@Override
		protected void hookOnNext(JsonNode event) {
			this.received++;
		}

		@Override
		protected void hookOnError(Throwable throwable) {
			this.error.complete(HubClient.errorBody(throwable));
		}

		@Override
		protected void hookOnComplete() {
			this.error.complete(HubClient.JSON.createObjectNode());
		}

	}

}
