package cn.fj.emergency.command.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two hub instances on one PostgreSQL and a Redis master with a replica under a Sentinel (docs/deployment.md,
 * "Redis Sentinel and Redis Cluster"), configured only by {@code spring.data.redis.sentinel.*}. The doorbell crosses
 * instances before the master is killed and, once the Sentinel has promoted the replica, again: the instances found
 * the new master by themselves. The log poll is set to a minute, so only the doorbell delivers within seconds.
 */
class RedisSentinelTest {

	static RedisSentinels redis;

	static List<Hub> hubs = new ArrayList<>();

	@BeforeAll
	static void start() {
		redis = RedisSentinels.start(TestInfrastructure.freshDataDir("sentinel-group"));
		hubs.addAll(Doorbells.twoInstancesOn(Map.of("spring.data.redis.sentinel.master", RedisSentinels.MASTER_NAME,
				"spring.data.redis.sentinel.nodes", redis.sentinelNodes())));
	}

	@AfterAll
	static void stop() {
		hubs.forEach(Hub::close);
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void theDoorbellCrossesInstancesBeforeAndAfterAFailoverOfTheMaster() {
		// after the failover the instances' pub/sub connections must notice the loss and subscribe again on the new
		// master (the doorbell resubscribes with a backoff of up to 5 s): well under the minute between two polls
		Doorbells.reportsReachTheOtherInstance(hubs.get(0), hubs.get(1), "sentinel", () -> {
		}, () -> {
			redis.killMasterAndAwaitFailover();
			assertThat(redis.currentMasterPort()).isEqualTo(redis.replicaPort());
		});
	}

}
