package cn.fj.emergency.command.support;

import java.time.Duration;

/** Sleeping in tests and the benchmark harness, where an interrupt ends the test or the run. */
public final class Pause {

	private Pause() {
	}

	/** Sleeps for the duration (none if it is negative); an interrupt keeps the thread's flag and fails. */
	public static void sleep(Duration duration) {
		if (duration.isNegative()) {
			return;
		}
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
