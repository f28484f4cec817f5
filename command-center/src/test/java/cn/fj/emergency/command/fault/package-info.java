/**
 * Fault drills: a hub instance killed mid-stream, Redis and PostgreSQL restarted under load, stalled consoles,
 * Netty buffer leaks. Each drill is a class with a {@code run} method taking its size and answering what
 * happened; the tests run them short and assert on the result, {@link cn.fj.emergency.command.fault.FaultDrills}
 * runs them long for the benchmark harness. docs/faults.md says what a client sees in each fault.
 */
@NullMarked
package cn.fj.emergency.command.fault;

import org.jspecify.annotations.NullMarked;
