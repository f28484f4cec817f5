package cn.fj.emergency.command.bench;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

import cn.fj.emergency.command.drill.client.ConsoleClient;
import cn.fj.emergency.command.stream.persistence.EventStore;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Pause;
import cn.fj.emergency.command.support.TestInfrastructure;

/**
 * Report → console latency across two instances: city platforms report on instance A at a fixed rate, a duty
 * officer's console follows {@code events.stream} on instance B (the scenario player's clients); the latency of a report runs from its intended
 * send time to the arrival of its {@code incident.reported} event. Baseline: Lettuce publishing messages of the
 * event's size at the same rate to a subscriber on another connection of the same Redis.
 */
final class LatencyBench {

	/** Latencies of one run and what was lost. */
	record Result(Histogram latency, long sent, long received, int payloadBytes, @Nullable Histogram receipts,
			long cutOffs) {
	}

	/** Times the console may be cut off as too slow and resume, as the web console does, before the run fails. */
	static final int MAX_RESUMES = 1000;

	private final BenchConfig config;

	LatencyBench(BenchConfig config) {
		this.config = config;
	}

	Result hub(Hub a, Hub b) {
		Duration total = this.config.warmup().plus(this.config.measure());
		long warmupCount = this.config.latencyRate() * this.config.warmup().toSeconds();
		Map<String, Long> intended = new ConcurrentHashMap<>();
		Histogram latency = Load.histogram();
		// the part of the latency up to the report's receipt on instance A (its commit), for the breakdown
		Histogram receipts = Load.histogram();
		LongAdder received = new LongAdder();
		AtomicLong payloadBytes = new AtomicLong();
		LongAdder refused = new LongAdder();
		String prefix = "lat-" + System.currentTimeMillis();
		ConsoleClient console = ConsoleClient.connect(URI.create("http://127.0.0.1:" + b.httpPort()), b.dutyOfficerToken())
			.block(Duration.ofSeconds(60));
		LongAdder cutOffs = new LongAdder();
		try (console; CityReports cities = CityReports.connect(a, 8, prefix)) {
			// cut off as too slow, the console resumes from its last event, as the web console does; events it
			// receives late count late, and the cut-offs are reported with the figure
			long head = b.context().getBean(EventStore.class).head().block(Duration.ofSeconds(10));
			Disposable stream = console.follow(head, List.of("incidents"), List.of(), MAX_RESUMES, cutOffs::increment)
				.subscribe(event -> {
					long now = System.nanoTime();
					payloadBytes.compareAndSet(0, HubClient.JSON.writeValueAsBytes(event).length);
					Long sentAt = intended.remove(event.path("data").path("reportId").asString(""));
					if (sentAt != null) {
						received.increment();
						if (sentAt >= 0) {
							latency.recordValue(Math.min(Load.MAX_MICROS, (now - sentAt) / 1000));
						}
					}
				}, error -> System.err.println("latency console stream failed: " + error));
			Pause.sleep(Duration.ofSeconds(2));
			long sent = Load.atRate(this.config.latencyRate(), total, (i, at) -> {
				String id = cities.reportId(i);
				// warm-up reports are matched but not recorded
				intended.put(id, i < warmupCount ? -1L : at);
				cities.report((int) i, id).subscribe(receipt -> {
					if (i >= warmupCount) {
						receipts.recordValue(Math.min(Load.MAX_MICROS, (System.nanoTime() - at) / 1000));
					}
				}, error -> refused.increment());
			}).block(total.plusMinutes(2));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (!intended.isEmpty() && System.nanoTime() < deadline) {
				Pause.sleep(Duration.ofMillis(100));
			}
			stream.dispose();
			System.out.printf("latency hub: sent %d, received %d, refused %d, console cut off and resumed %d times, %s; "
					+ "receipts %s%n", sent, received.sum(), refused.sum(), cutOffs.sum(), Load.summary(latency),
					Load.summary(receipts));
			return new Result(latency, sent, received.sum(), (int) payloadBytes.get(), receipts, cutOffs.sum());
		}
	}

	Result redis(TestInfrastructure infra, int payloadBytes) {
		Duration total = this.config.warmup().plus(this.config.measure());
		long warmupCount = this.config.latencyRate() * this.config.warmup().toSeconds();
		String channel = "bench-latency-" + System.currentTimeMillis();
		Histogram latency = Load.histogram();
		LongAdder received = new LongAdder();
		RedisClient client = RedisClient.create(infra.redisUrl());
		try (StatefulRedisPubSubConnection<String, String> subscriber = client.connectPubSub();
				StatefulRedisConnection<String, String> publisher = client.connect()) {
			subscriber.addListener(new RedisPubSubAdapter<>() {
				@Override
				public void message(String from, String message) {
					long now = System.nanoTime();
					int colon = message.indexOf(':');
					long index = Long.parseLong(message.substring(0, colon));
					long sentAt = Long.parseLong(message.substring(colon + 1, message.indexOf(':', colon + 1)));
					received.increment();
					if (index >= warmupCount) {
						latency.recordValue(Math.min(Load.MAX_MICROS, (now - sentAt) / 1000));
					}
				}
			});
			subscriber.sync().subscribe(channel);
			String padding = "x".repeat(Math.max(0, payloadBytes - 40));
			long sent = Load.atRate(this.config.latencyRate(), total,
					(i, at) -> publisher.async().publish(channel, i + ":" + at + ":" + padding))
				.block(total.plusMinutes(2));
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (received.sum() < sent && System.nanoTime() < deadline) {
				Pause.sleep(Duration.ofMillis(100));
			}
			System.out.printf("latency redis: sent %d, received %d, %s%n", sent, received.sum(), Load.summary(latency));
			return new Result(latency, sent, received.sum(), payloadBytes, null, 0);
		}
		finally {
			client.shutdown();
		}
	}

	List<Figure> figures(Result hub, Result redis) {
		double hubP99 = hub.latency().getValueAtPercentile(99) / 1000.0;
		double redisP99 = redis.latency().getValueAtPercentile(99) / 1000.0;
		double bound = 2 * redisP99 + 10;
		long lost = hub.sent() - hub.received();
		return List.of(new Figure("Report → console latency across two instances at " + this.config.latencyRate() + " reports/s",
				Load.summary(hub.latency()) + "; " + lost + " of " + hub.sent() + " not delivered",
				Load.summary(redis.latency()) + " (Lettuce publish → subscriber, " + redis.payloadBytes() + "-byte messages)",
				redisP99 > 0 ? hubP99 / redisP99 : null, String.format("p99 ≤ 2 × Redis p99 + 10 ms = %.1f ms", bound),
				hubP99 <= bound && lost == 0,
				"report on instance A over the city link (8 TCP connections), console on instance B over WebSocket; "
						+ "latency from each report's intended send time (open loop) to its event's arrival; the console "
						+ "cut off as too slow " + hub.cutOffs() + " times, each time resuming from its last event as the "
						+ "web console does (warm-up included)"
						+ (hub.receipts() == null ? "" : "; of which up to the report's receipt (commit on A): "
								+ Load.summary(hub.receipts())),
				null));
	}

}
