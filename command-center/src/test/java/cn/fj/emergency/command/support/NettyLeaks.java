package cn.fj.emergency.command.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.AppenderBase;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Netty leak detection at paranoid level, made to fail tests. Netty tracks every buffer and, when one that was
 * never released is garbage-collected, logs a {@code LEAK:} report on {@code io.netty.util.ResourceLeakDetector}
 * the next time a buffer is allocated. This collects those reports with an appender that survives Spring Boot's
 * reset of the logging configuration at every context start. As a JUnit extension it turns paranoid detection on
 * before a test class and, after it, forces the collection of what the class left and fails on any leak.
 */
public final class NettyLeaks extends AppenderBase<ILoggingEvent> implements LoggerContextListener {

	/** Buffers leaked on purpose carry this hint, so that their reports are told apart. */
	public static final String DELIBERATE = "deliberate-leak";

	private static final String DETECTOR = ResourceLeakDetector.class.getName();

	private static final NettyLeaks INSTANCE = new NettyLeaks();

	// guarded by this
	private final List<String> reports = new ArrayList<>();

	private boolean installed;

	private NettyLeaks() {
	}

	/** Paranoid detection and the collector, installed once for this JVM. */
	public static NettyLeaks install() {
		ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
		synchronized (INSTANCE) {
			if (!INSTANCE.installed) {
				LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
				INSTANCE.setContext(context);
				INSTANCE.setName("netty-leaks");
				context.addListener(INSTANCE);
				INSTANCE.attach(context);
				INSTANCE.installed = true;
			}
		}
		return INSTANCE;
	}

	private void attach(LoggerContext context) {
		// a reset of the configuration stops every appender it detaches
		if (!isStarted()) {
			start();
		}
		Logger detector = context.getLogger(DETECTOR);
		detector.setLevel(Level.ERROR);
		detector.detachAppender(this);
		detector.addAppender(this);
	}

	@Override
	protected void append(ILoggingEvent event) {
		String message = event.getFormattedMessage();
		if (message != null && message.contains("LEAK")) {
			synchronized (this) {
				this.reports.add(message);
			}
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

	/** Leak reports collected, deliberate ones excluded. */
	public synchronized List<String> leaks() {
		return this.reports.stream().filter(r -> !r.contains(DELIBERATE)).toList();
	}

	/** Reports of buffers leaked on purpose with this hint. */
	public synchronized List<String> deliberate(String hint) {
		return this.reports.stream().filter(r -> r.contains(hint)).toList();
	}

	/** Allocates a buffer and drops it without releasing it: a leak for the detector to find. */
	public static String leakOne() {
		String hint = DELIBERATE + "-" + UUID.randomUUID();
		ByteBuf leaked = ByteBufAllocator.DEFAULT.buffer(32);
		leaked.writeBytes(hint.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		leaked.touch(hint);
		return hint;
	}

	@Override
	public boolean isResetResistant() {
		return true;
	}

	@Override
	public void onStart(LoggerContext context) {
	}

	@Override
	public void onReset(LoggerContext context) {
		attach(context);
	}

	@Override
	public void onStop(LoggerContext context) {
	}

	@Override
	public void onLevelChange(Logger logger, Level level) {
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
				assertThat(leaks.leaks()).as("Netty buffers leaked (paranoid leak detection)").isEmpty();
			}
			finally {
				ResourceLeakDetector.setLevel(this.before);
			}
		}

	}

}
