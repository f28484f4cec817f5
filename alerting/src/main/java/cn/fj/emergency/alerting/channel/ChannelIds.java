package cn.fj.emergency.alerting.channel;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Time-ordered UUIDs (version 7, RFC 9562) for subscriptions and message ids, made without {@code SecureRandom}
 * (whose seeding may read from the operating system on an event loop). Names, not secrets.
 */
public final class ChannelIds {

	private ChannelIds() {
	}

	public static UUID newId(Clock clock) {
		return newId(clock.millis());
	}

	public static UUID newId(long millis) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low);
	}

}
