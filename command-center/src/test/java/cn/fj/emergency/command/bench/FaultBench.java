package cn.fj.emergency.command.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The fault tests in their long form ({@code -Dbench.faults=true}): each test class of {@code fault/} run through
 * the JUnit Platform with {@code fault.drills=long}, so with the very assertions of the suite's short form (no
 * gap, nothing acknowledged lost, retryable refusals only, stalled consoles cut off with a resumable position, no
 * Netty leak at paranoid level) on the long sizes of docs/faults.md. Each class runs in a JVM of its own (as in the
 * suite: hubs of one JVM share Reactor Netty's resources, and the launcher installs BlockHound), its output in
 * {@code target/bench-faults/}; each is one figure, met when every test of it passed.
 */
final class FaultBench {

	private static final List<String> TESTS = List.of("KilledInstanceTest", "RedisOutageTest", "DatabaseRestartTest",
			"PrimaryFailoverTest", "StalledConsolesTest", "NettyLeakTest");

	private static final String SUMMARY = "FAULT-BENCH-SUMMARY ";

	private FaultBench() {
	}

	static List<Figure> run() {
		List<Figure> figures = new ArrayList<>();
		Path logs = Path.of("target", "bench-faults").toAbsolutePath();
		try {
			Files.createDirectories(logs);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (String test : TESTS) {
			Path log = logs.resolve(test + ".log");
			long t0 = System.nanoTime();
			String summary;
			int exit;
			try {
				Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
						"-Xmx3g", "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+AllowRedefinitionToAddDeleteMethods",
						"-XX:+EnableDynamicAgentLoading", "-Xshare:off", "-Dfault.drills=long", "-Dtest.infra.dir=test-infra-faults", "-Dtest.infra.durable=true",
						"-cp", System.getProperty("java.class.path"), FaultBench.class.getName(), test)
					.redirectErrorStream(true)
					.redirectOutput(log.toFile())
					.start();
				if (!child.waitFor(60, TimeUnit.MINUTES)) {
					child.destroyForcibly();
				}
				exit = child.isAlive() ? -1 : child.exitValue();
				summary = Files.readAllLines(log).stream().filter(l -> l.startsWith(SUMMARY)).map(l -> l.substring(SUMMARY.length()))
					.findFirst().orElse("no summary (see " + log + ")");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while " + test + " ran", ex);
			}
			double seconds = (System.nanoTime() - t0) / 1e9;
			figures.add(new Figure("Fault drill, long form: " + test,
					String.format(Locale.ROOT, "%s in %.0f s", summary, seconds), "–", null,
					"the suite's assertions hold on the long size", exit == 0,
					"`fault." + test + "` with -Dfault.drills=long in a JVM of its own (docs/faults.md); output in "
							+ "command-center/target/bench-faults/" + test + ".log",
					null));
		}
		return figures;
	}

	/** In the child JVM: runs one fault test class and exits 0 when every test passed. */
	public static void main(String[] args) {
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create()
			.execute(LauncherDiscoveryRequestBuilder.request()
				.selectors(selectClass("cn.fj.emergency.command.fault." + args[0]))
				.build(), listener);
		TestExecutionSummary summary = listener.getSummary();
		boolean passed = summary.getTestsFoundCount() > 0 && summary.getTotalFailureCount() == 0
				&& summary.getTestsSucceededCount() == summary.getTestsFoundCount();
		String failures = summary.getFailures()
			.stream()
			.map(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException())
			.collect(Collectors.joining("; "));
		System.out.println(SUMMARY + summary.getTestsSucceededCount() + " of " + summary.getTestsFoundCount()
				+ " tests passed" + (failures.isEmpty() ? "" : "; failures: " + failures.replace('\n', ' ')));
		System.out.flush();
		// hub threads and the embedded servers' hooks: exit explicitly
		System.exit(passed ? 0 : 1);
	}

}
