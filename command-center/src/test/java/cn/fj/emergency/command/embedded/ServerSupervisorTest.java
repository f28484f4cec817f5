package cn.fj.emergency.command.embedded;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.commons.logging.LogFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor's policy, on a server that stands for one whose restarts fail (the real servers' restarts are
 * tried in {@code fault/KilledEmbeddedServersTest}): found dead, it is restarted; a failed restart is tried again after
 * a back-off that doubles; restarts and failures are counted; a server stopped on purpose is left alone.
 */
class ServerSupervisorTest {

	@Test
	void restartsADeadServerWithADoublingBackOffAndCountsIt() {
		FailingTwice server = new FailingTwice();
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		try (ServerSupervisor supervisor = new ServerSupervisor(List.of(server), LogFactory.getLog(getClass()))) {
			supervisor.bindTo(registry);
			supervisor.start();
			server.die();

			Awaitility.await("restarted").atMost(Duration.ofSeconds(30)).until(() -> supervisor.restarts("Test") == 1);

			assertThat(server.attempts).hasSize(3);
			assertThat(Duration.ofNanos(server.attempts.get(1) - server.attempts.get(0)))
				.as("first back-off").isGreaterThanOrEqualTo(Duration.ofMillis(1000));
			assertThat(Duration.ofNanos(server.attempts.get(2) - server.attempts.get(1)))
				.as("doubled").isGreaterThanOrEqualTo(Duration.ofMillis(2000));
			assertThat(registry.get("hub.embedded.restarts").tag("server", "Test").functionCounter().count()).isEqualTo(1);
			assertThat(registry.get("hub.embedded.restart.failures").tag("server", "Test").functionCounter().count())
				.isEqualTo(2);
			assertThat(server.isDown()).isFalse();
		}
	}

	/** Down once {@link #die()}d; its first two restarts fail. */
	private static final class FailingTwice implements ServerSupervisor.Supervised {

		final List<Long> attempts = new CopyOnWriteArrayList<>();

		private final AtomicBoolean down = new AtomicBoolean();

		void die() {
			this.down.set(true);
		}

		@Override
		public String name() {
			return "Test";
		}

		@Override
		public String where() {
			return "nowhere";
		}

		@Override
		public boolean isDown() {
			return this.down.get();
		}

		@Override
		public void restartAfterCrash() {
			this.attempts.add(System.nanoTime());
			if (this.attempts.size() <= 2) {
				throw new IllegalStateException("port taken");
			}
			this.down.set(false);
		}

	}

}
