package cn.fj.emergency.alerting.channel;

import java.time.Duration;

/**
 * Exponential backoff with a cap: after the n-th failed attempt the next waits {@code first * 2^(n-1)}, never more
 * than {@code cap}; after {@code maxAttempts} failed attempts the delivery is FAILED.
 */
public record RetryPolicy(int maxAttempts, Duration first, Duration cap) {

	public RetryPolicy {
		if (maxAttempts < 1 || first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
			throw new IllegalArgumentException("Retries need at least one attempt and 0 < first <= cap");
		}
	}

	/** Whether a delivery that has failed this many attempts is given up. */
	public boolean exhausted(int failedAttempts) {
		return failedAttempts >= this.maxAttempts;
	}

	/** How long to wait after this many failed attempts (at least one). */
	public Duration delayAfter(int failedAttempts) {
		int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
		Duration delay = this.first.multipliedBy(1L << doublings);
		return delay.compareTo(this.cap) > 0 ? this.cap : delay;
	}

}
