package cn.fj.emergency.command.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Durations and sizes of a run, from system properties ({@code -Dbench.*}); {@code bench.quick=true} shortens
 * every phase for a smoke run of a minute or two.
 *
 * @param quick whether this is a smoke run
 * @param jitWarmup load on a throwaway instance before any figure, not counted: the JIT compiler of this JVM (hub
 * and harness) keeps a third of a core busy for the first minute or so of load, which a figure's own warm-up does
 * not cover
 * @param warmup load before each measured window, not counted
 * @param measure each measured window
 * @param ingestConcurrency in-flight reports (and pgbench clients) of the ingest figures
 * @param latencyRate reports per second of the latency figure (and Redis messages per second of its baseline)
 * @param subscribers console streams of the fan-out figure
 * @param connections WebSocket connections the subscribers share
 * @param fanOutRates the event rates (reports per second) the fan-out figure steps up through, lowest first
 * @param reservationConcurrency concurrent requesters (and pgbench clients) of the reservation figures
 * @param warnings warnings published in the hand-off figure
 * @param backgroundRate reports per second during the hand-off figure
 * @param only the figures to run ({@code ingest, fanout, reservations, warnings, latency, console}); empty: all
 * @param consoleIncidents open incidents on the console figure's hub
 * @param consoleReal of which real (the rest are drills)
 * @param consoleRepeats loads of each console screen, cold and warm
 * @param consoleRates report rates (per second) of the event-to-screen figure
 * @param consoleEvents reports at least per rate of the event-to-screen figure
 */
record BenchConfig(boolean quick, Duration jitWarmup, Duration warmup, Duration measure, List<Integer> ingestConcurrency, int latencyRate,
		int subscribers, int connections, List<Integer> fanOutRates, List<Integer> reservationConcurrency, int warnings, int backgroundRate,
		java.util.Set<String> only, int consoleIncidents, int consoleReal, int consoleRepeats, List<Integer> consoleRates,
		int consoleEvents) {

	static BenchConfig fromSystemProperties() {
		boolean quick = Boolean.getBoolean("bench.quick");
		return new BenchConfig(quick, Duration.ofSeconds(seconds("bench.jit-warmup", quick ? 0 : 90)),
				Duration.ofSeconds(seconds("bench.warmup", quick ? 2 : 20)),
				Duration.ofSeconds(seconds("bench.measure", quick ? 5 : 20)), ints("bench.ingest.concurrency", "8,64"),
				Integer.getInteger("bench.latency.rate", 1000), Integer.getInteger("bench.fanout.subscribers", 1000),
				Integer.getInteger("bench.fanout.connections", 100),
				ints("bench.fanout.rates", quick ? "100,200" : "100,150,200,250,300,400"),
				ints("bench.reservation.concurrency", "8,256"),
				Integer.getInteger("bench.warnings", quick ? 8 : 20), Integer.getInteger("bench.background.rate", 200),
				java.util.Set.copyOf(Arrays.stream(System.getProperty("bench.only", "").split(",")).map(String::strip)
					.filter(n -> !n.isEmpty())
					.toList()),
				Integer.getInteger("bench.console.incidents", 10_000), Integer.getInteger("bench.console.real", 500),
				Integer.getInteger("bench.console.repeats", quick ? 2 : 5), ints("bench.console.rates", "1,50"),
				Integer.getInteger("bench.console.events", quick ? 30 : 200));
	}

	private static long seconds(String name, long fallback) {
		return Long.getLong(name, fallback);
	}

	private static List<Integer> ints(String name, String fallback) {
		return Arrays.stream(System.getProperty(name, fallback).split(",")).map(String::strip).map(Integer::valueOf).toList();
	}

	/** This configuration with other warm-up and measured windows. */
	BenchConfig withWindows(Duration warmup, Duration measure) {
		return new BenchConfig(this.quick, this.jitWarmup, warmup, measure, this.ingestConcurrency, this.latencyRate,
				this.subscribers, this.connections, this.fanOutRates, this.reservationConcurrency, this.warnings,
				this.backgroundRate, this.only, this.consoleIncidents, this.consoleReal, this.consoleRepeats, this.consoleRates,
				this.consoleEvents);
	}

	/** Whether this run measures the console figure and nothing else (its section alone is replaced). */
	boolean consoleOnly() {
		return this.only.equals(java.util.Set.of("console"));
	}

	/** Whether this run measures the figure. */
	boolean runs(String figure) {
		return this.only.isEmpty() || this.only.contains(figure);
	}

	/** Everything a reader needs to repeat the run, as {@code -D} arguments. */
	String describe() {
		return "bench.quick=" + this.quick + ", JIT warm-up " + this.jitWarmup.toSeconds() + " s, warmup "
				+ this.warmup.toSeconds() + " s, measured windows "
				+ this.measure.toSeconds() + " s, ingest concurrency " + this.ingestConcurrency + ", latency rate "
				+ this.latencyRate + "/s, " + this.subscribers + " subscribers on " + this.connections
				+ " connections at " + this.fanOutRates + " events/s, reservation concurrency " + this.reservationConcurrency + ", " + this.warnings
				+ " warnings under " + this.backgroundRate + " reports/s" + (this.only.isEmpty() ? "" : ", only " + this.only);
	}

}
