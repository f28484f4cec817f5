package cn.fj.emergency.command.fault;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.TcpRelay;

/**
 * A hub instance killed mid-stream. Two instances on one PostgreSQL and Redis; city platforms report on both,
 * every console follows the stream on instance A. When a share of the reports has been acknowledged, A is gone
 * without a goodbye: the network to it resets every connection at once (no RSocket or WebSocket close) and
 * refuses new ones. Consoles resume on B with {@code after} = the last seq they saw, A's platforms send what was
 * not yet acknowledged again to B with the same reportId. A's context is closed only at the end: the instances
 * of one JVM share Reactor Netty's global event loops, and closing A's context disposes them under B's HTTP
 * server. (Killing a separate hub process with SIGKILL is the scale-out drill's part.)
 */
public final class KilledInstanceDrill {

	private KilledInstanceDrill() {
	}

	/**
	 * @param writers city platforms, even ones on A and odd ones on B
	 * @param reportsPerWriter reports each sends
	 * @param concurrency reports each has in flight
	 * @param consoles consoles following the stream on A
	 * @param killAt share of all reports acknowledged when A is killed
	 */
	public record Size(int writers, int reportsPerWriter, int concurrency, int consoles, double killAt) {

		public static final Size SHORT = new Size(4, 250, 8, 4, 0.4);

		public static final Size LONG = new Size(10, 2000, 16, 40, 0.4);

		/** {@link #LONG} if the tests are asked to run the drills long ({@link FaultDrills#longForm()}). */
		public static Size forRun() {
			return FaultDrills.longForm() ? LONG : SHORT;
		}

		int reports() {
			return this.writers * this.reportsPerWriter;
		}

	}

	/**
	 * @param reports reports sent
	 * @param receipts receipts, by reportId
	 * @param acknowledgedBeforeKill reports acknowledged when A was killed
	 * @param log seqs in the event log after the drill's start, read from PostgreSQL afterwards
	 * @param consoles seqs each console received, in order
	 * @param duplicates events each console received twice
	 * @param endings how each console's streams ended, by code
	 * @param refusals failed report attempts by code, over all platforms
	 * @param nonRetryable codes of non-retryable refusals
	 */
	public record Result(int reports, Map<String, JsonNode> receipts, int acknowledgedBeforeKill, List<Long> log,
			List<List<Long>> consoles, List<Integer> duplicates, List<Map<String, Integer>> endings,
			Map<String, Integer> refusals, Set<String> nonRetryable) {

		/** The seqs of the acknowledged reports' events. */
		public Set<Long> acknowledgedSeqs() {
			return Reporter.seqs(this.receipts);
		}

		@Override
		public String toString() {
			return "killed instance: " + this.receipts.size() + " of " + this.reports + " reports acknowledged ("
					+ this.acknowledgedBeforeKill + " before the kill), " + this.log.size() + " events in the log, "
					+ this.consoles.size() + " consoles received " + this.consoles.stream().map(List::size).toList()
					+ " with duplicates " + this.duplicates + ", stream endings " + this.endings + ", report refusals "
					+ this.refusals;
		}

	}

	public static Result run(Size size) {
		Map<String, Object> settings = Hub.freshHubSettings();
		settings.put("hub.stream.max-streams-per-principal", Integer.toString(size.consoles() + 16));
		Hub killed = Hub.start(settings);
		try (Hub survivor = Hub.start(settings); TcpRelay consoleLink = new TcpRelay(killed.httpPort());
				TcpRelay cityLink = new TcpRelay(killed.cityLinkPort())) {
			String officer = survivor.dutyOfficerToken();
			long start = Drills.head(survivor);
			List<FollowingConsole> consoles = IntStream.range(0, size.consoles())
				.mapToObj(i -> new FollowingConsole(Drills.failover(List.of(consoleLink.port(), survivor.httpPort()),
						port -> HubClient.websocket(port, officer))).start(start))
				.toList();
			List<Reporter> reporters = IntStream.range(0, size.writers()).mapToObj(w -> {
				String city = Areas.cities().get(w % Areas.cities().size()).code();
				String token = survivor.cityPlatformToken(city).get("token").asString();
				List<Integer> ports = w % 2 == 0 ? List.of(cityLink.port(), survivor.cityLinkPort())
						: List.of(survivor.cityLinkPort());
				return new Reporter(city, Drills.failover(ports, port -> HubClient.tcp(port, token)));
			}).toList();
			try {
				int killAt = (int) (size.reports() * size.killAt());
				AtomicInteger acknowledged = new AtomicInteger();
				CompletableFuture<Integer> kill = new CompletableFuture<>();
				Flux.range(0, size.writers())
					.flatMap(w -> reporters.get(w).report("kill-w" + w, size.reportsPerWriter(), size.concurrency()))
					.doOnNext(receipt -> {
						if (acknowledged.incrementAndGet() == killAt) {
							Mono.fromRunnable(() -> {
								cityLink.cut();
								consoleLink.cut();
								kill.complete(acknowledged.get());
							}).subscribeOn(Schedulers.boundedElastic()).subscribe(x -> {
							}, kill::completeExceptionally);
						}
					})
					.blockLast(Drills.SETTLE.multipliedBy(4));
				int acknowledgedBeforeKill = kill.join();
				long head = Drills.head(survivor);
				Drills.awaitHead(consoles, head);
				Map<String, JsonNode> receipts = new HashMap<>();
				Map<String, Integer> refusals = new TreeMap<>();
				Set<String> nonRetryable = new HashSet<>();
				for (Reporter reporter : reporters) {
					receipts.putAll(reporter.receipts());
					reporter.refusals().forEach((code, n) -> refusals.merge(code, n, Integer::sum));
					nonRetryable.addAll(reporter.nonRetryable());
				}
				return new Result(size.reports(), receipts, acknowledgedBeforeKill, Drills.log(survivor, start),
						consoles.stream().map(FollowingConsole::seqs).toList(),
						consoles.stream().map(FollowingConsole::duplicates).toList(),
						consoles.stream().map(FollowingConsole::endings).toList(), refusals, nonRetryable);
			}
			finally {
				consoles.forEach(FollowingConsole::close);
				reporters.forEach(Reporter::close);
			}
		}
		finally {
			killed.close();
		}
	}

}
