package cn.fj.emergency.command.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two hub instances on one PostgreSQL and a real three-master Redis Cluster (docs/deployment.md, "Redis Sentinel and
 * Redis Cluster"): the doorbell crosses instances through the cluster (the log poll is set to a minute, so only the
 * doorbell can deliver within seconds), and who is connected lists every connection of both instances although
 * their presence keys lie on several masters.
 */
class RedisClusterTest {

	static RedisCluster redis;

	static List<Hub> hubs = new ArrayList<>();

	@BeforeAll
	static void start() {
		redis = RedisCluster.start(TestInfrastructure.freshDataDir("redis-cluster"), 3);
		hubs.addAll(Doorbells.twoInstancesOn(Map.of("spring.data.redis.cluster.nodes", redis.nodes())));
	}

	@AfterAll
	static void stop() {
		hubs.forEach(Hub::close);
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void aReportOnOneInstanceRingsTheDoorbellOfTheOtherThroughTheCluster() {
		Doorbells.reportsReachTheOtherInstance(hubs.get(0), hubs.get(1), "cluster", () -> {
		});
	}

	@Test
	void whoIsConnectedListsTheConnectionsOfBothInstancesFromKeysOnSeveralMasters() {
		List<String> cities = List.of("350100", "350200", "350300", "350400", "350500", "350600", "350700", "350800");
		List<HubClient> platforms = new ArrayList<>();
		try {
			for (int i = 0; i < cities.size(); i++) {
				platforms.add(hubs.get(i % 2).city(cities.get(i)));
			}
			String officer = hubs.get(0).dutyOfficerToken();
			long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
			Set<String> listed = Set.of();
			while (System.nanoTime() < deadline && !listed.containsAll(cities)) {
				listed = listedCities(hubs.get(0).getJson("/api/presence", officer));
			}
			assertThat(listed).containsAll(cities);
			assertThat(listedCities(hubs.get(1).getJson("/api/presence", officer))).containsAll(cities);
			// the keys are spread: the scan had to visit more than one master
			assertThat(redis.keysPerNode().stream().filter(n -> n > 0).count()).isGreaterThan(1);
		}
		finally {
			platforms.forEach(HubClient::close);
		}
	}

	private static Set<String> listedCities(JsonNode entries) {
		return entries.valueStream()
			.filter(e -> "SERVICE".equals(e.path("kind").asString()))
			.map(e -> e.path("cityCode").asString(""))
			.collect(Collectors.toSet());
	}

}
