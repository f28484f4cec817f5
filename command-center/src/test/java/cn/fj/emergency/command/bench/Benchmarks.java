package cn.fj.emergency.command.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.TestInfrastructure;

/**
 * The benchmark harness: measures, in one run, the hub (instances started in this JVM on the embedded PostgreSQL
 * and Redis, as the tests do) and its physical baselines, and writes {@code docs/benchmarks.md}. Run by
 * {@code ./mvnw -B -Pbench -DskipTests -pl command-center -am verify} (or {@code ./bench.sh}). Exits 1 when a
 * figure could not be measured; missed targets are reported, not failed.
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	public static void main(String[] args) {
		BenchConfig config = BenchConfig.fromSystemProperties();
		Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String loadBefore = Machine.load();
		long t0 = System.nanoTime();
		// every figure on a PostgreSQL that survives a crash: fsync on, and no hub told to run without it
		System.setProperty("test.infra.durable", "true");
		TestInfrastructure infra = TestInfrastructure.get();
		if (!infra.durable()) {
			throw new IllegalStateException("The benchmark harness runs only on a durable PostgreSQL");
		}
		Map<String, String> machine = Machine.describe(infra);
		List<Figure> figures = new ArrayList<>();
		if (!config.jitWarmup().isZero()) {
			attempt(figures, null, "", () -> warmUpJit(config));
		}
		IngestBench ingest = new IngestBench(config, infra);

		boolean ingesting = config.runs("ingest");
		Map<Integer, Pgbench.Result> ingestBase = !ingesting ? null
				: attempt(figures, "Durable ingest", "≥ 0.5× / ≥ 1.5×", ingest::baselines);
		Map<String, Object> offSettings = Hub.freshHubSettings();
		offSettings.put("hub.intake.max-batch", "1");
		Map<Integer, Load.Outcome> ingestOff = !ingesting ? null : attempt(figures, ingestBase == null ? null : "Durable ingest, micro-batching off",
				"≥ 0.5×", () -> {
					try (Hub off = Hub.start(offSettings)) {
						return ingest.measure(off, "off");
					}
				});
		Map<Integer, Load.Outcome> ingestTransport = ingestOff == null ? null : attempt(figures,
				"rsocket-java alone, request-response over TCP", "– (bound)", ingest::transport);
		// on the database the hub without micro-batching has just written, its statement alone
		Map<Integer, IngestBench.Floor> ingestFloors = ingestOff == null ? null : attempt(figures,
				"PostgreSQL alone, the hub's intake statement", "– (bound)",
				() -> ingest.floors(Pgbench.databaseOf(offSettings)));

		WarningBench warnings = !config.runs("warnings") ? null : attempt(figures, "Approved warning → every channel", "p99 ≤ 1 s",
				() -> WarningBench.start(config));
		Map<String, Object> settings = Hub.freshHubSettings();
		if (warnings != null) {
			warnings.configure(settings);
		}
		settings.put("hub.stream.max-streams-per-principal", Integer.toString(Math.max(16, config.subscribers())));
		settings.put("spring.r2dbc.pool.max-acquire-time", "60s");
		Hub a = Hub.start(settings);
		List<Hub> others = new ArrayList<>();
		try {
			Map<Integer, Load.Outcome> ingestOn = !ingesting ? null : attempt(figures, ingestBase == null ? null : "Durable ingest, micro-batching on",
					"≥ 1.5×", () -> ingest.measure(a, "on"));
			if (ingestBase != null && ingestOff != null && ingestOn != null) {
				figures.addAll(ingest.figures(ingestBase, ingestOff, ingestOn, ingestFloors, ingestTransport));
			}

			ReservationBench reservations = new ReservationBench(config, infra);
			if (config.runs("reservations")) {
				attempt(figures, "Reservations on one hot item", "≥ 0.7× and no collapse", () -> {
					Map<Integer, Pgbench.Result> base = reservations.baselines();
					Map<Integer, Load.Outcome> hub = reservations.hub(a);
					// on the database the hub has just written, the least work of a commitment
					ReservationBench.Floors floors = attempt(figures, "PostgreSQL alone, a commitment's least work",
							"– (bound)", () -> reservations.floors(Pgbench.databaseOf(settings)));
					figures.addAll(reservations.figures(base, hub, floors));
					return hub;
				});
			}

			if (warnings != null) {
				attempt(figures, "Approved warning → handed to every channel", "p99 ≤ 1 s", () -> {
					figures.addAll(warnings.figures(warnings.run(a)));
					return warnings;
				});
			}
			LatencyBench latency = new LatencyBench(config);
			if (config.runs("latency")) {
				attempt(figures, "Report → console latency across two instances", "p99 ≤ 2 × Redis p99 + 10 ms", () -> {
					// closing one instance's context while another runs in this JVM stops the other's servers too (they
					// share reactor-netty's global resources), so the second instance stays up until the end
					Hub b = Hub.start(settings);
					others.add(b);
					LatencyBench.Result hub = latency.hub(a, b);
					LatencyBench.Result redis = latency.redis(infra, Math.max(hub.payloadBytes(), 100));
					figures.addAll(latency.figures(hub, redis));
					return hub;
				});
			}

			// last: a thousand streams leave the instance busy for a while after they are cancelled
			FanOutBench fanOut = new FanOutBench(config);
			if (config.runs("fanout")) {
				attempt(figures, "Fan-out to " + config.subscribers() + " console subscribers", "≥ 100,000 deliveries/s and ≥ 0.5×",
						() -> {
							// the bare broadcast first, while nothing else runs in this JVM's event loops
							fanOut.sample(a);
							FanOutBench.Result bare = fanOut.bare();
							FanOutBench.Steps hub = fanOut.hub(a);
							figures.addAll(fanOut.figures(hub, bare));
							return hub;
						});
			}

		}
		finally {
			others.forEach(Hub::close);
			a.close();
			if (warnings != null) {
				warnings.close();
			}
		}

		// after every other hub of this JVM has closed (closing one stops the others' servers), on a hub of its own
		String console = null;
		boolean consoleMeasured = true;
		if (config.runs("console")) {
			ConsoleBench bench = new ConsoleBench(config);
			ConsoleBench.Result result = attempt(figures, "Console: first paint and event to screen", "–", bench::run);
			consoleMeasured = result != null && result.failure() == null;
			if (result != null) {
				console = bench.section(result, machine, Report.conditions());
			}
		}

		if (Boolean.getBoolean("bench.faults")) {
			attempt(figures, "Fault drills, long form", "the suite's assertions hold", () -> figures.addAll(FaultBench.run()));
		}

		long minutes = (System.nanoTime() - t0) / 60_000_000_000L;
		Path output = Path.of(System.getProperty("bench.output", "../docs/benchmarks.md")).toAbsolutePath().normalize();
		if (config.consoleOnly()) {
			// the console alone: its section replaces the previous one, every other section stays as its run wrote it
			if (console != null) {
				Report.replaceConsole(output, console);
				System.out.println("Replaced the console section of " + output);
			}
		}
		else {
			new Report(config, machine, started, loadBefore, Machine.load(), minutes, figures, console).write(output);
			System.out.println("Wrote " + output);
		}
		figures.forEach(f -> System.out.println(f.verdict() + "  " + f.name() + ": " + f.system() + " vs " + f.baseline()));
		if (console != null) {
			System.out.println(console);
		}
		boolean allMeasured = consoleMeasured && figures.stream().allMatch(f -> f.failure() == null);
		// hub threads and the embedded servers' hooks: exit explicitly
		System.exit(allMeasured ? 0 : 1);
	}

	/**
	 * Reports at the latency figure's rate over the city link and a console following them, on a throwaway instance,
	 * for {@code bench.jit-warmup} seconds: the hub's busiest paths, compiled before anything is measured.
	 */
	private static Object warmUpJit(BenchConfig config) {
		System.out.println("JIT warm-up: " + config.jitWarmup().toSeconds() + " s");
		try (Hub hub = Hub.start(Hub.freshHubSettings())) {
			return new LatencyBench(config.withWindows(config.jitWarmup(), Duration.ZERO)).hub(hub, hub);
		}
	}

	/**
	 * Runs one step; a failure becomes a figure that says why it could not be measured (when {@code name} is not
	 * null: a step whose prerequisite failed already has its figure), and the run goes on.
	 */
	private static <T> @Nullable T attempt(List<Figure> figures, @Nullable String name, String target, Supplier<T> step) {
		try {
			return step.get();
		}
		catch (RuntimeException | LinkageError | AssertionError ex) {
			System.err.println("Benchmark step failed: " + name);
			ex.printStackTrace();
			if (name != null) {
				figures.add(Figure.failed(name, target, ex.toString()));
			}
			return null;
		}
	}

}
