package cn.fj.emergency.command.fault;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;

import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.embedded.EmbeddedDatabase;
import cn.fj.emergency.command.stream.HubEvent;
import cn.fj.emergency.command.stream.persistence.EventStore;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;

/** What the drills share: reading the event log, failing over between instances, waiting, latencies. */
final class Drills {

	/** Waits for the system to settle after a fault: long, since a loaded 2-core machine is slow. */
	static final Duration SETTLE = Duration.ofSeconds(90);

	private Drills() {
	}

	/** The last seq in the event log. */
	static long head(Hub hub) {
		return hub.context().getBean(EventStore.class).head().block(SETTLE);
	}

	/** Every seq in the log after {@code after}, read from PostgreSQL. */
	static List<Long> log(Hub hub, long after) {
		EventStore store = hub.context().getBean(EventStore.class);
		List<Long> seqs = new ArrayList<>();
		long from = after;
		while (true) {
			List<Long> page = store.readAfter(from, 1000).map(HubEvent::seq).collectList().block(SETTLE);
			if (page.isEmpty()) {
				return seqs;
			}
			seqs.addAll(page);
			from = page.get(page.size() - 1);
		}
	}

	/**
	 * Connections to the instances in turn: each call, made when the connection before was lost, tries the next
	 * instance, as a client given several hub addresses does.
	 */
	static Supplier<HubClient> failover(List<Integer> ports, IntFunction<HubClient> connect) {
		AtomicInteger calls = new AtomicInteger();
		return () -> connect.apply(ports.get(Math.floorMod(calls.getAndIncrement(), ports.size())));
	}

	/** Waits until every console has received the event {@code head}; says where each is if they do not. */
	static void awaitHead(Collection<FollowingConsole> consoles, long head) {
		try {
			consoles.forEach(c -> await("a console reaches the head " + head, () -> c.last() >= head));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new AssertionError("Not every console reached " + head + ": " + consoles.stream()
				.map(c -> "at " + c.last() + " after " + c.endings() + (c.failure() == null ? "" : " failed " + c.failure()))
				.toList(), ex);
		}
	}

	static void await(String what, BooleanSupplier condition) {
		Awaitility.await(what).atMost(SETTLE).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
	}

	/** Report → console latencies over the given consoles, from when each report was first sent. */
	static Latency latency(Collection<FollowingConsole> consoles, Map<Long, Long> sentNanos) {
		List<Long> micros = new ArrayList<>();
		for (FollowingConsole console : consoles) {
			console.receivedNanos().forEach((seq, received) -> {
				Long sent = sentNanos.get(seq);
				if (sent != null) {
					micros.add((received - sent) / 1000);
				}
			});
		}
		long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
		return new Latency(sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99),
				sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
	}

	private static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
	}

	/** Deliveries measured and their latency in milliseconds. */
	record Latency(int deliveries, double p50Millis, double p99Millis, double maxMillis) {

		@Override
		public String toString() {
			return deliveries + " deliveries, p50 " + p50Millis + " ms, p99 " + p99Millis + " ms, max " + maxMillis + " ms";
		}

	}

	/** The reportIds of every incident in this database. */
	static Set<String> storedReportIds(EmbeddedDatabase database) {
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
				database.password()); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT report_id FROM incident")) {
			Set<String> ids = new HashSet<>();
			while (rows.next()) {
				ids.add(rows.getString(1));
			}
			return ids;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Consoles of one officer on this hub, following the stream from {@code start}. */
	static List<FollowingConsole> consoles(Hub hub, int count, long start) {
		String officer = hub.dutyOfficerToken();
		return IntStream.range(0, count)
			.mapToObj(i -> new FollowingConsole(() -> hub.console(officer)).start(start))
			.toList();
	}

	/** City platforms reporting to this hub over the city link, one per city in turn. */
	static List<Reporter> reporters(Hub hub, int count) {
		return IntStream.range(0, count).mapToObj(w -> {
			String city = Areas.cities()
				.get(w % Areas.cities().size())
				.code();
			String token = hub.cityPlatformToken(city).get("token").asString();
			return new Reporter(city, () -> HubClient.tcp(hub.cityLinkPort(), token));
		}).toList();
	}

}
