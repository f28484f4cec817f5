package cn.fj.emergency.command.support;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Netty leak detection at paranoid level, made to fail tests. Netty tracks every buffer and, when one that was
 * never released is garbage-collected, reports it (a {@code LEAK:} error in the log) the next time a buffer is
 * allocated. This collects the reports of the detector all buffers share, {@code AbstractByteBuf.leakDetector},
 * through its leak listener: a log appender would not do, since every Spring Boot context start stops and resets
 * the logging configuration. As a JUnit extension ({@link Check}) it turns paranoid detection on before a test
 * class and, after it, forces the collection of what the class left and fails on any leak.
 */
public final class NettyLeaks {

	/** Buffers leaked on purpose carry this hint, so that their reports are told apart. */
	public static final String DELIBERATE = "deliberate-leak";

	private static final NettyLeaks INSTANCE = new NettyLeaks();

	private final List<String> reports = new CopyOnWriteArrayList<>();

	// guarded by this
	private boolean installed;

	private NettyLeaks() {
	}

	/** Paranoid detection and the collector, installed once for this JVM. */
	public static NettyLeaks install() {
		ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
		synchronized (INSTANCE) {
			if (!INSTANCE.installed) {
				byteBufDetector().setLeakListener((type, records) -> INSTANCE.reports.add("LEAK: " + type + records));
				INSTANCE.installed = true;
			}
		}
		return INSTANCE;
	}

	/** Netty creates it when buffers are first used and keeps it private; the listener is its public hook. */
	private static ResourceLeakDetector<?> byteBufDetector() {
		try {
			Field field = Class.forName("io.netty.buffer.AbstractByteBuf").getDeclaredField("leakDetector");
			field.setAccessible(true);
			return (ResourceLeakDetector<?>) field.get(null);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("This Netty has no AbstractByteBuf.leakDetector to listen to", ex);
		}
	}

	/**
	 * Makes Netty report what leaked so far: collects garbage and allocates buffers, whose allocation is where the
	 * detector looks for collected, unreleased ones.
	 */
	public void provoke() {
		for (int round = 0; round < 5; round++) {
			System.gc();
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			for (int i = 0; i < 200; i++) {
				ByteBufAllocator.DEFAULT.buffer(64).release();
				ByteBufAllocator.DEFAULT.heapBuffer(64).release();
			}
		}
	}

	/** Leak reports collected, deliberate ones and the driver's known one ({@link #isKnownDriverLeak}) excluded. */
	public List<String> leaks() {
		return this.reports.stream().filter(r -> !r.contains(DELIBERATE) && !isKnownDriverLeak(r)).toList();
	}

	/** Reports of the driver's known leak, {@link #isKnownDriverLeak}. */
	public List<String> knownDriverLeaks() {
		return this.reports.stream().filter(NettyLeaks::isKnownDriverLeak).toList();
	}

	/**
	 * r2dbc-postgresql 1.1.3's leak of a statement's bind parameters when its connection closes before the statement
	 * was written (pgjdbc/r2dbc-postgresql#734, fixed by the unreleased pull request #736): the buffers were created
	 * by one of the driver's codecs, and the last thing to touch them released them in {@code ExtendedFlowOperator.close}
	 * (a reference short). It happens only to statements in flight when a connection to PostgreSQL is lost, which the
	 * fault tests cause on purpose. Told apart so that any other leak still fails; docs/faults.md says so.
	 */
	static boolean isKnownDriverLeak(String report) {
		int created = report.indexOf("Created at:");
		return created > 0 && report.indexOf("io.r2dbc.postgresql.codec.", created) > 0
				&& report.lastIndexOf("io.r2dbc.postgresql.ExtendedFlowDelegate$ExtendedFlowOperator.close", created) > 0;
	}

	/** Reports of buffers leaked on purpose with this hint. */
	public List<String> deliberate(String hint) {
		return this.reports.stream().filter(r -> r.contains(hint)).toList();
	}

	/** Allocates a buffer and drops it without releasing it: a leak for the detector to find. */
	public static String leakOne() {
		String hint = DELIBERATE + "-" + UUID.randomUUID();
		ByteBuf leaked = ByteBufAllocator.DEFAULT.buffer(64);
		leaked.writeBytes(hint.getBytes(StandardCharsets.UTF_8));
		leaked.touch(hint);
		return hint;
	}

	/**
	 * {@code @ExtendWith(NettyLeaks.Check.class)}: paranoid leak detection from before the test class, and a
	 * failure after it if a buffer leaked. The level is set back afterwards, so that other test classes do not
	 * pay for tracking every buffer.
	 */
	public static final class Check implements BeforeAllCallback, AfterAllCallback {

		private ResourceLeakDetector.Level before = ResourceLeakDetector.getLevel();

		@Override
		public void beforeAll(ExtensionContext context) {
			this.before = ResourceLeakDetector.getLevel();
			install();
		}

		@Override
		public void afterAll(ExtensionContext context) {
			NettyLeaks leaks = install();
			try {
				leaks.provoke();
				if (!leaks.knownDriverLeaks().isEmpty()) {
					System.out.println("Netty leak detection: " + leaks.knownDriverLeaks().size()
							+ " report(s) of r2dbc-postgresql's known leak of bind parameters on a lost connection (#734)");
				}
				assertThat(leaks.leaks()).as("Netty buffers leaked (paranoid leak detection)").isEmpty();
			}
			finally {
				ResourceLeakDetector.setLevel(this.before);
			}
		}

	}

}
