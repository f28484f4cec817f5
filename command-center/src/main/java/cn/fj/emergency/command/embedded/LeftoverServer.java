package cn.fj.emergency.command.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;

/**
 * A server that outlived the process that started it. pg_ctl detaches the postmaster, and a killed JVM does not
 * take redis-server with it either, so after a crash the old server may still be serving the data directory and
 * blocks (or, for Redis, races) the new one. Only the holder of the {@link DataDirectoryLock} may stop it: holding
 * the lock proves that no live command-center owns that server.
 */
final class LeftoverServer {

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private LeftoverServer() {
	}

	/**
	 * Stops the process named by {@code pidFile} if it is a server working in {@code directory}. A live process
	 * working elsewhere got a recycled PID: the file is stale and is removed. On systems without {@code /proc}
	 * nothing is stopped, and the server's own start-up check reports a conflict.
	 */
	static void stop(Path pidFile, Path directory, String server, Log log) {
		Optional<ProcessHandle> process = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			return;
		}
		long pid = process.get().pid();
		Optional<Path> workingDirectory = workingDirectory(pid);
		if (workingDirectory.isEmpty()) {
			return;
		}
		if (!workingDirectory.get().equals(realPath(directory))) {
			log.warn("Removing stale " + pidFile + ": PID " + pid + " is now another process");
			delete(pidFile);
			return;
		}
		log.warn(server + " left running by an earlier run (PID " + pid + ") still serves " + directory
				+ "; stopping it");
		if (!process.get().destroy()) {
			throw new IllegalStateException("Could not signal " + server + " (PID " + pid + ") left running by an "
					+ "earlier run to stop; stop it, then start again. Data in " + directory);
		}
		awaitExit(process.get(), pidFile, server, directory);
	}

	/**
	 * Waits until no process works in {@code directory} any more, killing those still there after
	 * {@code timeout}. A PostgreSQL postmaster killed with SIGKILL leaves its backends behind for a moment, attached
	 * to the old shared memory; a new postmaster refuses to start beside them, and must never run with them. Only the
	 * holder of the {@link DataDirectoryLock} may call this, once its own server there has died. Without
	 * {@code /proc} nothing is found, and the server's own start-up check refuses to start beside them.
	 */
	static void stopOrphans(Path directory, String server, Duration timeout, Log log) {
		Path real = realPath(directory);
		long deadline = System.nanoTime() + timeout.toNanos();
		List<ProcessHandle> orphans = orphans(real);
		try {
			while (!orphans.isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(50);
				orphans = orphans(real);
			}
			if (orphans.isEmpty()) {
				return;
			}
			log.warn(orphans.size() + " process(es) of the dead " + server + " still work in " + directory
					+ " after " + timeout.toSeconds() + " s; killing them (PIDs "
					+ orphans.stream().map(ProcessHandle::pid).toList() + ")");
			orphans.forEach(ProcessHandle::destroyForcibly);
			long killDeadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
			while (!orphans(real).isEmpty()) {
				if (System.nanoTime() > killDeadline) {
					throw new IllegalStateException("Processes of the dead " + server + " still work in " + directory
							+ " " + STOP_TIMEOUT.toSeconds() + " s after they were killed");
				}
				Thread.sleep(50);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the processes of the dead " + server, ex);
		}
	}

	private static List<ProcessHandle> orphans(Path directory) {
		long self = ProcessHandle.current().pid();
		return ProcessHandle.allProcesses()
			.filter((process) -> process.pid() != self && ServerSupport.isRunning(process))
			.filter((process) -> workingDirectory(process.pid()).filter(directory::equals).isPresent())
			.toList();
	}

	private static Optional<Long> readPid(Path pidFile) {
		try {
			List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (NumberFormatException ex) {
			// Written half-way when the machine went down; no process can be behind it
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + pidFile, ex);
		}
	}

	private static Optional<Path> workingDirectory(long pid) {
		try {
			return Optional.of(Path.of("/proc", Long.toString(pid), "cwd").toRealPath());
		}
		catch (IOException ex) {
			// No /proc, the process just exited, or it belongs to a user we may not inspect: not ours to stop
			return Optional.empty();
		}
	}

	private static Path realPath(Path directory) {
		try {
			return directory.toRealPath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not resolve " + directory, ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not remove stale " + file, ex);
		}
	}

	private static void awaitExit(ProcessHandle process, Path pidFile, String server, Path directory) {
		try {
			if (!ServerSupport.awaitStop(process, pidFile, STOP_TIMEOUT)) {
				throw new IllegalStateException(server + " left running by an earlier run (PID " + process.pid()
						+ ") did not stop within " + STOP_TIMEOUT.toSeconds() + " s; stop it, then start again. "
						+ "Data in " + directory);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping " + server + " (PID " + process.pid() + ")",
					ex);
		}
	}

}
