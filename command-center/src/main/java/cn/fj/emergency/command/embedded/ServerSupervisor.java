package cn.fj.emergency.command.embedded;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;

/**
 * Watches the embedded servers of one application and starts one that died again, on the same data and port, so
 * that the connection pools reconnect and the hub recovers without a person restarting it. One check at a time on a
 * thread of its own (restarting is blocking work, kept off the event loops), every {@value #CHECK_MILLIS} ms; a
 * restart that fails is tried again after a back-off that doubles from 1 s up to 30 s. Each server keeps its claim
 * on the data directory throughout, so no other process can start a second server on it. Restarts and failed
 * attempts are counted in {@code hub.embedded.restarts} and {@code hub.embedded.restart.failures}, tagged by
 * server.
 */
final class ServerSupervisor implements MeterBinder, AutoCloseable {

	private static final long CHECK_MILLIS = 500;

	private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	/** A server the supervisor can check and restart. */
	interface Supervised {

		/** For the log and the metrics' tag: "PostgreSQL", "Redis". */
		String name();

		/** Where it is, for the log. */
		String where();

		boolean isDown();

		/** @throws RuntimeException if it could not start again */
		void restartAfterCrash();

	}

	private final List<Watch> watches;

	private final Log log;

	private final ScheduledExecutorService executor;

	ServerSupervisor(List<Supervised> servers, Log log) {
		this.watches = servers.stream().map(Watch::new).toList();
		this.log = log;
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "embedded-servers-supervisor");
			thread.setDaemon(true);
			return thread;
		});
	}

	static Supervised of(EmbeddedDatabase database) {
		return new Supervised() {

			@Override
			public String name() {
				return "PostgreSQL";
			}

			@Override
			public String where() {
				return "127.0.0.1:" + database.port() + ", data in " + database.directory();
			}

			@Override
			public boolean isDown() {
				return database.isDown();
			}

			@Override
			public void restartAfterCrash() {
				database.restartAfterCrash();
			}

		};
	}

	static Supervised of(EmbeddedRedis redis) {
		return new Supervised() {

			@Override
			public String name() {
				return "Redis";
			}

			@Override
			public String where() {
				return "127.0.0.1:" + redis.port() + ", working directory " + redis.directory();
			}

			@Override
			public boolean isDown() {
				return redis.isDown();
			}

			@Override
			public void restartAfterCrash() {
				redis.restartAfterCrash();
			}

		};
	}

	void start() {
		this.executor.scheduleWithFixedDelay(this::checkAll, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
	}

	/** Restarts of the named server so far. */
	long restarts(String server) {
		return this.watches.stream().filter((watch) -> watch.server.name().equals(server))
			.mapToLong((watch) -> watch.restarts.get()).sum();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Watch watch : this.watches) {
			FunctionCounter.builder("hub.embedded.restarts", watch.restarts, AtomicLong::get)
				.description("Restarts of an embedded server that had died")
				.tag("server", watch.server.name())
				.register(registry);
			FunctionCounter.builder("hub.embedded.restart.failures", watch.failures, AtomicLong::get)
				.description("Attempts to restart an embedded server that failed")
				.tag("server", watch.server.name())
				.register(registry);
		}
	}

	/** Stops watching, waiting for a restart under way to end, so that the servers can be stopped after. */
	@Override
	public void close() {
		this.executor.shutdownNow();
		try {
			if (!this.executor.awaitTermination(2, TimeUnit.MINUTES)) {
				this.log.warn("The embedded servers' supervisor did not stop within 2 minutes");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void checkAll() {
		for (Watch watch : this.watches) {
			try {
				watch.check();
			}
			catch (RuntimeException ex) {
				// a check must never end the schedule
				this.log.error("Checking embedded " + watch.server.name() + " failed", ex);
			}
		}
	}

	private final class Watch {

		private final Supervised server;

		private final AtomicLong restarts = new AtomicLong();

		private final AtomicLong failures = new AtomicLong();

		private long downSince;

		private int attempts;

		private long nextAttempt;

		private Duration backoff = FIRST_BACKOFF;

		Watch(Supervised server) {
			this.server = server;
		}

		void check() {
			if (Thread.currentThread().isInterrupted() || !this.server.isDown()) {
				return;
			}
			long now = System.nanoTime();
			if (this.attempts == 0) {
				this.downSince = now;
				ServerSupervisor.this.log.error("Embedded " + this.server.name() + " (" + this.server.where()
						+ ") died; restarting it on the same data and port");
			}
			else if (now < this.nextAttempt) {
				return;
			}
			this.attempts++;
			try {
				this.server.restartAfterCrash();
			}
			catch (RuntimeException ex) {
				this.failures.incrementAndGet();
				ServerSupervisor.this.log.error("Embedded " + this.server.name() + " could not be restarted (attempt "
						+ this.attempts + "); trying again in " + this.backoff.toSeconds() + " s: " + ex.getMessage());
				this.nextAttempt = System.nanoTime() + this.backoff.toNanos();
				this.backoff = min(this.backoff.multipliedBy(2), MAX_BACKOFF);
				return;
			}
			this.restarts.incrementAndGet();
			ServerSupervisor.this.log.warn("Embedded " + this.server.name() + " restarted (" + this.server.where()
					+ ") after " + this.attempts + " attempt(s), " + Duration.ofNanos(System.nanoTime() - this.downSince)
						.toMillis() + " ms after it was found dead");
			this.attempts = 0;
			this.backoff = FIRST_BACKOFF;
		}

		private static Duration min(Duration a, Duration b) {
			return (a.compareTo(b) <= 0) ? a : b;
		}

	}

}
