/**
 * The benchmark harness (docs/benchmarks.md): the hub measured against physical baselines (pgbench, raw Redis
 * pub/sub, a bare rsocket-java broadcast), and the web console in a real Chromium
 * ({@link cn.fj.emergency.command.bench.ConsoleBench}), in one run, started by
 * {@link cn.fj.emergency.command.bench.Benchmarks} through the Maven profile {@code bench}. Not a test: nothing here runs in the normal build's test phase.
 */
@NullMarked
package cn.fj.emergency.command.bench;

import org.jspecify.annotations.NullMarked;
