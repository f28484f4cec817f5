package cn.fj.emergency.command.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The few places where a library parks a thread briefly and by design: allowed, each with its reason. Anything
 * else that blocks on a non-blocking thread fails the test that caused it.
 */
public class HubBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		// Jackson 3 builds each type's deserializer once, under a lock, then serves it from a cache
		builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
		// cancelling a scheduled task (an RSocket keepalive, on disconnect) takes the scheduler queue's lock for
		// an instant; Reactor's own integration allows the same lock for offer and take
		builder.allowBlockingCallsInside("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue", "remove");
		// Netty 4.2's adaptive allocator frees a magazine under a StampedLock when event loops contend for buffers
		// and it grows its magazines; Netty's own BlockHound integration (4.2.18) does not list it yet. Left
		// uncaught, BlockHound's error breaks the read in progress and with it the connection.
		builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
		builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "free");
		// Lettuce 7.5's endpoint guards writes with a SharedLock that takes a ReentrantLock for an instant. When
		// event loops contend for it, BlockHound's error thrown out of the lock leaves the SharedLock's writer
		// count behind, and every later writer spins on it forever (a hung test JVM: the failure mode of
		// redis/lettuce#3804 and #3880). The lock is held only around counter updates.
		builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters");
		builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "doExclusive");
		// the tests' embedded MQTT broker (Moquette, not the hub) hands each connection's commands to its session
		// loops through an ArrayBlockingQueue, whose offer takes a lock for an instant; when its event loops contend,
		// BlockHound's error closed the hub's broker connection mid-test (PublishedWarningReachesItsCountyOnlyTest)
		builder.allowBlockingCallsInside("io.moquette.broker.SessionEventLoopGroup", "routeCommand");
		// r2dbc-postgresql's SCRAM sign-in (every PostgreSQL that asks for a password, the embedded one included) draws
		// its nonce from SecureRandom, which reads /dev/urandom: a file read that never waits for entropy
		builder.allowBlockingCallsInside("com.ongres.scram.common.ScramFunctions", "nonce");
	}

}
