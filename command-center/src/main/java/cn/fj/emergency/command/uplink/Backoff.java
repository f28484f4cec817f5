package cn.fj.emergency.command.uplink;

import java.time.Duration;

/**
 * The wait before the next attempt of a forward: exponential in the attempts made so far, capped, with jitter so
 * that forwards failed together are not all retried at the same instant. The jitter draws the wait uniformly from
 * the upper half of the exponential step ("equal jitter"), so it never falls below half of it.
 *
 * @param min the wait after the first failed attempt (before jitter)
 * @param max the longest wait
 */
public record Backoff(Duration min, Duration max) {

	public Backoff {
		if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
			throw new IllegalArgumentException("Backoff needs 0 < min <= max, not " + min + " and " + max);
		}
	}

	/**
	 * @param attempts the attempts made so far, at least 1
	 * @param random a number in [0, 1)
	 */
	public Duration delay(int attempts, double random) {
		long minNanos = this.min.toNanos();
		long maxNanos = this.max.toNanos();
		int doublings = Math.min(Math.max(attempts - 1, 0), 62);
		long step = doublings >= Long.numberOfLeadingZeros(minNanos) - 1 ? maxNanos : Math.min(maxNanos, minNanos << doublings);
		long half = step / 2;
		return Duration.ofNanos(half + (long) ((step - half) * random));
	}

}
