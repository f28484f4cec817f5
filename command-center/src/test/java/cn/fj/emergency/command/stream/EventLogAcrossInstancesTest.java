package cn.fj.emergency.command.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;
import cn.fj.emergency.command.support.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two hub instances on one PostgreSQL and one Redis: every subscriber, on either instance, receives every event
 * exactly once, in sequence order, without a gap, while writers on both instances append concurrently, across a
 * resume on the other instance, and across a Redis restart that loses doorbells.
 */
class EventLogAcrossInstancesTest {

	static final Duration WAIT = Duration.ofSeconds(180);

	static List<Hub> hubs;

	static String officer;

	@BeforeAll
	static void startTwoInstances() {
		hubs = Hub.cluster(2);
		officer = hubs.get(0).dutyOfficerToken();
	}

	@AfterAll
	static void stop() {
		hubs.forEach(Hub::close);
	}

	/** A county of each city platform, for writers spread over the province. */
	static Map<String, Object> report(String city, String reportId) {
		Areas.County county = Areas.city(city).orElseThrow().counties().get(0);
		Map<String, Object> report = Reports.report(reportId, county.code());
		report.put("latitude", 25.5);
		report.put("longitude", 118.5);
		return report;
	}

	/** Writer {@code w} reports {@code count} incidents for one city on instance {@code w % 2}, 16 at a time. */
	static Flux<JsonNode> writer(int w, int count, String prefix) {
		String city = Areas.cities().get(w % Areas.cities().size()).code();
		HubClient client = hubs.get(w % 2).city(city);
		return Flux.range(0, count)
			.flatMap(i -> client.request("incidents.report", report(city, prefix + "-w" + w + "-" + i)), 16)
			.doFinally(signal -> client.close());
	}

	static long head() {
		return hubs.get(0).context().getBean(cn.fj.emergency.command.stream.persistence.EventStore.class).head().block();
	}

	static void assertContiguous(List<Long> seqs, long after, int count) {
		assertThat(seqs).hasSize(count);
		for (int i = 0; i < count; i++) {
			assertThat(seqs.get(i)).as("event %d of %d", i, count).isEqualTo(after + 1 + i);
		}
	}

	@Test
	void eightWritersOnTwoInstancesAndASubscriberOnEachSeeEveryEventOnceInOrder() {
		long start = head();
		int writers = 8;
		int perWriter = 1000;
		int total = writers * perWriter;
		List<HubClient> consoles = List.of(hubs.get(0).console(officer), hubs.get(1).console(officer));
		try {
			List<Mono<List<Long>>> subscribers = consoles.stream()
				.map(console -> console.stream("events.stream", Map.of("after", start))
					.take(total)
					.map(e -> e.get("seq").asLong())
					.collectList()
					.subscribeOn(Schedulers.boundedElastic())
					.cache())
				.toList();
			subscribers.forEach(s -> s.subscribe());

			List<JsonNode> receipts = Flux.range(0, writers)
				.flatMap(w -> writer(w, perWriter, "load"))
				.collectList()
				.block(WAIT);
			assertThat(receipts).hasSize(total);
			Set<Long> receiptSeqs = new HashSet<>();
			receipts.forEach(r -> receiptSeqs.add(r.get("seq").asLong()));
			assertThat(receiptSeqs).hasSize(total);

			for (Mono<List<Long>> subscriber : subscribers) {
				List<Long> seqs = subscriber.block(WAIT);
				assertContiguous(seqs, start, total);
				assertThat(new HashSet<>(seqs)).isEqualTo(receiptSeqs);
			}
		}
		finally {
			consoles.forEach(HubClient::close);
		}
	}

	@Test
	void aSubscriberResumingOnTheOtherInstanceGetsExactlyTheEventsAfterItsPosition() {
		long start = head();
		int total = 3000;
		Flux<JsonNode> writing = writer(0, total, "resume").subscribeOn(Schedulers.boundedElastic()).cache();
		writing.subscribe();

		List<Long> firstPart;
		try (HubClient first = hubs.get(0).console(officer)) {
			firstPart = first.stream("events.stream", Map.of("after", start))
				.take(700)
				.map(e -> e.get("seq").asLong())
				.collectList()
				.block(WAIT);
		}
		long position = firstPart.get(firstPart.size() - 1);
		assertContiguous(firstPart, start, 700);

		List<Long> rest;
		try (HubClient second = hubs.get(1).console(officer)) {
			rest = second.stream("events.stream", Map.of("after", position))
				.take(total - 700)
				.map(e -> e.get("seq").asLong())
				.collectList()
				.block(WAIT);
		}
		assertContiguous(rest, position, total - 700);
		assertThat(writing.count().block(WAIT)).isEqualTo(total);
	}

	@Test
	void droppedDoorbellSubscriptionsAreMadeUpByReadingTheLog() {
		assertEveryEventArrivesDespite("dropped", 1000, 300, EventLogAcrossInstancesTest::killPubSubConnections);
	}

	/** Redis drops every subscriber connection, as it does with a client output buffer overrun. */
	static void killPubSubConnections() {
		io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(TestInfrastructure.get().redisUrl());
		try (var connection = client.connect()) {
			String killed = connection.sync().clientKill(io.lettuce.core.KillArgs.Builder.typePubsub()).toString();
			assertThat(Long.parseLong(killed)).isPositive();
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void doorbellsLostInARedisRestartAreMadeUpByReadingTheLog() {
		assertEveryEventArrivesDespite("restart", 2000, 500, () -> TestInfrastructure.get().redis().restart());
	}

	/**
	 * Everything is written on instance 0 and read on instance 1, which learns of new events by doorbell or by
	 * reading the log; the fault strikes after {@code faultAt} reports were answered.
	 */
	static void assertEveryEventArrivesDespite(String prefix, int total, int faultAt, Runnable fault) {
		long start = head();
		AtomicInteger answered = new AtomicInteger();
		try (HubClient console = hubs.get(1).console(officer)) {
			Mono<List<Long>> subscriber = console.stream("events.stream", Map.of("after", start))
				.take(total)
				.map(e -> e.get("seq").asLong())
				.collectList()
				.subscribeOn(Schedulers.boundedElastic())
				.cache();
			subscriber.subscribe();

			Flux<JsonNode> writing = writer(0, total, prefix)
				.publishOn(Schedulers.boundedElastic())
				.doOnNext(r -> {
					if (answered.incrementAndGet() == faultAt) {
						fault.run();
					}
				});
			assertThat(writing.count().block(WAIT)).isEqualTo(total);

			assertContiguous(subscriber.block(WAIT), start, total);
		}
	}

}
