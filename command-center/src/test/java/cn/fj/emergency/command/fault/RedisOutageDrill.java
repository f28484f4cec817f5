package cn.fj.emergency.command.fault;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.embedded.EmbeddedRedis;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Pause;
import cn.fj.emergency.command.support.TestInfrastructure;

/**
 * Redis down for a while under load (EventLogAcrossInstancesTest covers an instant restart and dropped
 * subscriptions). Two instances; platforms report on both, consoles follow on both. When a share of the reports
 * has been acknowledged Redis stops; while it is down a city platform connects and an officer asks who is
 * connected; then Redis starts again on the same port and data. Afterwards each platform sends some of its
 * reports again.
 */
public final class RedisOutageDrill {

	private RedisOutageDrill() {
	}

	/** The platform that connects while Redis is down; writers use other cities. */
	static final String LATE_CITY = Areas.cities().get(Areas.cities().size() - 1).code();

	/**
	 * @param writers city platforms, alternately on instance 0 and 1, at most 9
	 * @param reportsPerWriter reports each sends
	 * @param concurrency reports each has in flight
	 * @param consoles consoles following the stream on each instance
	 * @param stopAt share of all reports acknowledged when Redis stops
	 * @param down how long it stays down
	 */
	public record Size(int writers, int reportsPerWriter, int concurrency, int consoles, double stopAt, Duration down) {

		public static final Size SHORT = new Size(4, 200, 8, 2, 0.3, Duration.ofSeconds(4));

		public static final Size LONG = new Size(8, 2500, 16, 10, 0.3, Duration.ofSeconds(30));

		/** {@link #LONG} if the tests are asked to run the drills long ({@link FaultDrills#longForm()}). */
		public static Size forRun() {
			return FaultDrills.longForm() ? LONG : SHORT;
		}

		int reports() {
			return this.writers * this.reportsPerWriter;
		}

	}

	/**
	 * @param receipts first receipt of each report, by reportId
	 * @param resent receipts of reports sent again afterwards, by reportId
	 * @param log seqs in the event log after the drill's start
	 * @param consoles seqs each console (on either instance) received, in order
	 * @param duplicates events each console received twice
	 * @param endings how each console's streams ended, by code
	 * @param refusals failed report attempts by code
	 * @param nonRetryable codes of non-retryable refusals
	 * @param presenceDuringOutage HTTP status and error code of {@code GET /api/presence} while Redis was down
	 * @param lateCityListed whether the platform that connected during the outage was listed afterwards
	 */
	public record Result(int reports, Map<String, JsonNode> receipts, Map<String, JsonNode> resent, List<Long> log,
			List<List<Long>> consoles, List<Integer> duplicates, List<Map<String, Integer>> endings,
			Map<String, Integer> refusals, Set<String> nonRetryable, String presenceDuringOutage, boolean lateCityListed) {

		public Set<Long> acknowledgedSeqs() {
			return Reporter.seqs(this.receipts);
		}

		@Override
		public String toString() {
			return "Redis outage: " + this.receipts.size() + " of " + this.reports + " reports acknowledged, "
					+ this.log.size() + " events in the log, consoles received "
					+ this.consoles.stream().map(List::size).toList() + ", stream endings " + this.endings
					+ ", report refusals " + this.refusals + ", presence during the outage " + this.presenceDuringOutage
					+ ", late platform listed afterwards " + this.lateCityListed;
		}

	}

	public static Result run(Size size) {
		Map<String, Object> settings = new HashMap<>(Hub.freshHubSettings());
		settings.put("hub.stream.max-streams-per-principal", Integer.toString(size.consoles() + 16));
		EmbeddedRedis redis = TestInfrastructure.get().redis();
		try (Hub first = Hub.start(settings); Hub second = Hub.start(settings)) {
			List<Hub> hubs = List.of(first, second);
			String officer = first.dutyOfficerToken();
			String lateToken = first.cityPlatformToken(LATE_CITY).get("token").asString();
			long start = Drills.head(first);
			List<FollowingConsole> consoles = IntStream.range(0, 2 * size.consoles())
				.mapToObj(i -> new FollowingConsole(() -> hubs.get(i % 2).console(officer)).start(start))
				.toList();
			List<Reporter> reporters = IntStream.range(0, size.writers()).mapToObj(w -> {
				String city = Areas.cities().get(w % (Areas.cities().size() - 1)).code();
				String token = first.cityPlatformToken(city).get("token").asString();
				return new Reporter(city, () -> HubClient.tcp(hubs.get(w % 2).cityLinkPort(), token));
			}).toList();
			HubClient[] late = new HubClient[1];
			try {
				int stopAt = (int) (size.reports() * size.stopAt());
				AtomicInteger acknowledged = new AtomicInteger();
				CompletableFuture<String> outage = new CompletableFuture<>();
				Flux.range(0, size.writers())
					.flatMap(w -> reporters.get(w).report("redis-w" + w, size.reportsPerWriter(), size.concurrency()))
					.doOnNext(receipt -> {
						if (acknowledged.incrementAndGet() == stopAt) {
							Mono.fromCallable(() -> {
								redis.stop();
								long down = System.nanoTime();
								late[0] = HubClient.tcp(first.cityLinkPort(), lateToken);
								String presence = presence(second, officer);
								Pause.sleep(size.down().minusNanos(System.nanoTime() - down));
								redis.startAgain();
								return presence;
							}).subscribeOn(Schedulers.boundedElastic()).subscribe(outage::complete, outage::completeExceptionally);
						}
					})
					.blockLast(Drills.SETTLE.multipliedBy(4));
				String presenceDuringOutage = outage.join();
				Map<String, JsonNode> receipts = new HashMap<>();
				Map<String, Integer> refusals = new TreeMap<>();
				Set<String> nonRetryable = new HashSet<>();
				Map<String, JsonNode> resent = new HashMap<>();
				for (int w = 0; w < size.writers(); w++) {
					Reporter reporter = reporters.get(w);
					receipts.putAll(reporter.receipts());
					reporter.refusals().forEach((code, n) -> refusals.merge(code, n, Integer::sum));
					nonRetryable.addAll(reporter.nonRetryable());
					Set<String> again = new HashSet<>();
					for (int i = 0; i < size.reportsPerWriter(); i += Math.max(1, size.reportsPerWriter() / 10)) {
						again.add("redis-w" + w + "-" + i);
					}
					reporter.retried().stream().limit(20).forEach(again::add);
					for (String reportId : again) {
						resent.put(reportId, reporter.send(reportId).block(Drills.SETTLE));
					}
				}
				long head = Drills.head(first);
				Drills.awaitHead(consoles, head);
				boolean lateCityListed;
				try {
					Drills.await("the platform connected during the outage is listed",
							() -> listedNow(second, officer, LATE_CITY));
					lateCityListed = true;
				}
				catch (org.awaitility.core.ConditionTimeoutException ex) {
					lateCityListed = false;
				}
				return new Result(size.reports(), receipts, resent, Drills.log(first, start),
						consoles.stream().map(FollowingConsole::seqs).toList(),
						consoles.stream().map(FollowingConsole::duplicates).toList(),
						consoles.stream().map(FollowingConsole::endings).toList(), refusals, nonRetryable,
						presenceDuringOutage, lateCityListed);
			}
			finally {
				redis.startAgain();
				consoles.forEach(FollowingConsole::close);
				reporters.forEach(Reporter::close);
				if (late[0] != null) {
					late[0].close();
				}
			}
		}
	}

	/** {@code <status> <code>} of who is connected, or {@code NO_ANSWER} after the client's 30 s. */
	private static String presence(Hub hub, String officer) {
		try {
			EntityExchangeResult<JsonNode> result = whoIsConnected(hub, officer);
			JsonNode body = result.getResponseBody();
			return result.getStatus().value() + " " + (body == null ? "" : body.path("code").asString(""));
		}
		catch (IllegalStateException | AssertionError ex) {
			return Reporter.NO_ANSWER + " " + ex;
		}
	}

	/**
	 * Whether who is connected lists the city now. Right after Redis's return the hub's client may still be
	 * reconnecting, and the answer is then the retryable {@code 503 STORAGE_UNAVAILABLE}: not listed yet, ask again.
	 * Any other refusal fails the drill.
	 */
	private static boolean listedNow(Hub hub, String officer, String city) {
		EntityExchangeResult<JsonNode> result = whoIsConnected(hub, officer);
		JsonNode body = result.getResponseBody();
		if (result.getStatus().value() == 503 && body != null
				&& "STORAGE_UNAVAILABLE".equals(body.path("code").asString(""))) {
			return false;
		}
		if (result.getStatus().value() != 200 || body == null) {
			throw new AssertionError("who is connected answered " + result.getStatus() + " " + body);
		}
		return listed(body, city);
	}

	private static EntityExchangeResult<JsonNode> whoIsConnected(Hub hub, String officer) {
		return hub.http()
			.get()
			.uri("/api/presence")
			.headers(h -> h.setBearerAuth(officer))
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult();
	}

	private static boolean listed(JsonNode connections, String city) {
		for (JsonNode connection : connections) {
			if (city.equals(connection.path("cityCode").asString(""))) {
				return true;
			}
		}
		return false;
	}

}
