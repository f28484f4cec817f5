package cn.fj.emergency.command.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the embedded servers have in common.
 */
final class ServerSupport {

	static final String HOST = "127.0.0.1";

	private static final int LOG_TAIL_LINES = 10;

	private ServerSupport() {
	}

	static Path absolute(Path path) {
		return path.toAbsolutePath().normalize();
	}

	/**
	 * A port that was free a moment ago. Another process may take it before the server binds; the server then
	 * fails to start and says so, which is better than guessing a fixed port that the machine already uses.
	 */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find a free port on " + HOST, ex);
		}
	}

	/**
	 * The end of a server's own log, for error messages: when a server fails during start-up the application's
	 * logging is often not initialized yet, so the reason has to travel in the exception.
	 */
	static String logTail(Path logFile) {
		if (!Files.isReadable(logFile)) {
			return "";
		}
		try {
			List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
			List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
			return "\nLast lines of " + logFile + ":\n  " + String.join("\n  ", tail);
		}
		catch (IOException | UncheckedIOException ex) {
			return "\n(could not read " + logFile + ": " + ex.getMessage() + ")";
		}
	}

	/**
	 * Waits until a server that is not our child has stopped: its pid file is gone (both servers remove it last
	 * thing) or the process is. Waiting for the process alone takes a second or two longer, as its parent is init,
	 * which reaps it when it gets round to it.
	 * @return whether the server stopped in time
	 */
	static boolean awaitStop(ProcessHandle process, Path pidFile, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		long pause = 5;
		while (Files.exists(pidFile) && process.isAlive()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(pause);
			pause = Math.min(pause * 2, 100);
		}
		return true;
	}

	/**
	 * Whether a process still runs. A killed server whose parent has not reaped it yet is a zombie, which
	 * {@link ProcessHandle#isAlive()} still counts as alive; on Linux its state in {@code /proc} tells.
	 */
	static boolean isRunning(ProcessHandle process) {
		if (!process.isAlive()) {
			return false;
		}
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"), StandardCharsets.UTF_8);
			// "pid (name) state ...": the name may hold spaces and parentheses, the state follows the last ')'
			int end = stat.lastIndexOf(')');
			return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
		}
		catch (IOException ex) {
			// no /proc, or the process has just gone
			return process.isAlive();
		}
	}

	static void addShutdownHook(Thread hook) {
		Runtime.getRuntime().addShutdownHook(hook);
	}

	static void removeShutdownHook(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// The JVM is shutting down: the hook runs (or ran) anyway and finds the server stopped
		}
	}

}
