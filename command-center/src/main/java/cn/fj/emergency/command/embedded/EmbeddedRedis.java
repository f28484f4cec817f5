package cn.fj.emergency.command.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * A redis-server run from the binary in the application's own dependencies, listening on
 * {@value ServerSupport#HOST} only, with {@code <data dir>/redis} as its working directory. It keeps nothing on
 * disk (no append-only file, no snapshots): what the hub keeps in Redis is rebuilt within seconds or is a
 * notification (docs/deployment.md, "What Redis holds"), so a restart starts empty. Every client needs the password
 * generated on first start and kept in {@code <data dir>/redis.password} (mode 0600); the binary is copied to
 * {@code <data dir>/runtime/redis} and the server log goes to {@code <data dir>/log/redis.log}.
 */
public final class EmbeddedRedis implements AutoCloseable {

	/** The file in the data directory that holds the password, readable by its owner only. */
	public static final String PASSWORD_FILE = "redis.password";

	// Replaying a long append-only file takes a while; a server that cannot start exits well before this
	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private static final int PROBE_TIMEOUT_MILLIS = 500;

	private final Path root;

	private final Path directory;

	private final Path logFile;

	private final RedisBinary binary;

	private final int port;

	private final Log log;

	private final boolean ownShutdownHook;

	private @Nullable Process process;

	private @Nullable DataDirectoryLock lock;

	private @Nullable Thread shutdownHook;

	private String version = "";

	private final String password;

	private EmbeddedRedis(Path root, RedisBinary binary, int port, Log log, boolean ownShutdownHook) {
		this.root = root;
		this.directory = root.resolve("redis");
		this.logFile = root.resolve("log").resolve("redis.log");
		this.password = ServerPassword.readOrCreate(root.resolve(PASSWORD_FILE), log);
		this.binary = binary;
		this.port = port;
		this.log = log;
		this.ownShutdownHook = ownShutdownHook;
	}

	/**
	 * Starts Redis on a free port with its data under {@code dataDir}.
	 * The server stops when the JVM exits, if not stopped before.
	 * @param dataDir the application's data directory, see {@code hub.data-dir}
	 * @return the running server
	 * @throws IllegalStateException if the server cannot start, naming the data directory and the cause
	 */
	public static EmbeddedRedis start(Path dataDir) {
		return start(dataDir, LogFactory.getLog(EmbeddedRedis.class), true);
	}

	/**
	 * @param shutdownHook whether to stop with the JVM by a hook of its own, which runs at the same time as all
	 * other hooks; an owner that stops the server after its clients at JVM exit passes {@code false}
	 */
	static EmbeddedRedis start(Path dataDir, Log log, boolean shutdownHook) {
		EmbeddedRedis redis = new EmbeddedRedis(ServerSupport.absolute(dataDir), RedisBinary.forThisMachine(),
				ServerSupport.freePort(), log, shutdownHook);
		redis.launch();
		log.info("Embedded Redis " + redis.version + " listening on " + ServerSupport.HOST + ":" + redis.port
				+ ", working directory " + redis.directory + ", nothing kept on disk (the hub needs none of it across "
				+ "restarts); clients need the password in " + redis.root.resolve(PASSWORD_FILE));
		return redis;
	}

	/** Where the server listens, with its password. */
	public String url() {
		return "redis://:" + this.password + "@" + ServerSupport.HOST + ":" + this.port;
	}

	/** The generated password, kept in {@value #PASSWORD_FILE} in the data directory. */
	public String password() {
		return this.password;
	}

	/** The running redis-server, the process to signal in a fault drill. */
	public synchronized Optional<ProcessHandle> serverProcess() {
		Process running = this.process;
		return (running != null) ? Optional.of(running.toHandle()) : Optional.empty();
	}

	/** Whether the server died (killed, or crashed) without being stopped. */
	synchronized boolean isDown() {
		Process running = this.process;
		return running != null && !running.isAlive();
	}

	/**
	 * Starts a server that died again on the same port, as its clients expect to find it, keeping the claim on the
	 * data directory. Does nothing if it was stopped or still runs.
	 * @throws IllegalStateException if the server cannot start again; calling again tries again
	 */
	synchronized void restartAfterCrash() {
		Process dead = this.process;
		if (dead == null || dead.isAlive()) {
			return;
		}
		spawn();
	}

	public int port() {
		return this.port;
	}

	/** Redis's working directory, {@code <data dir>/redis}. */
	public Path directory() {
		return this.directory;
	}

	/**
	 * Stops the server and starts it again on the same port and data, as a restart of a real server would.
	 * @throws IllegalStateException if the server cannot start again
	 */
	public synchronized void restart() {
		stop();
		launch();
	}

	/**
	 * Starts a stopped server again on the same port and data, as after an outage. Does nothing if it runs.
	 * @throws IllegalStateException if the server cannot start again
	 */
	public synchronized void startAgain() {
		if (this.process == null) {
			launch();
		}
	}

	/**
	 * Stops the server, and gives up the data directory. Stopping again
	 * does nothing.
	 */
	public synchronized void stop() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		this.process = null;
		try {
			// SIGTERM: Redis exits cleanly, removing its pid file
			running.destroy();
			if (!running.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				running.destroyForcibly().waitFor();
				throw new IllegalStateException("Embedded Redis did not stop within " + STOP_TIMEOUT.toSeconds()
						+ " s and was killed; data in " + this.directory + ServerSupport.logTail(this.logFile));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping embedded Redis in " + this.directory, ex);
		}
		finally {
			releaseDirectory();
		}
	}

	@Override
	public void close() {
		stop();
	}

	private void launch() {
		this.lock = DataDirectoryLock.acquire(this.root, "Redis");
		try {
			spawn();
		}
		catch (RuntimeException ex) {
			releaseDirectory();
			throw ex;
		}
		if (this.ownShutdownHook) {
			this.shutdownHook = new Thread(this::stop, "embedded-redis-shutdown");
			ServerSupport.addShutdownHook(this.shutdownHook);
		}
	}

	/** Starts redis-server on this object's port and directory; the caller holds the directory's lock. */
	private void spawn() {
		Process started = null;
		try {
			Path pidFile = this.directory.resolve("redis.pid");
			LeftoverServer.stop(pidFile, this.directory, "Redis", this.log);
			Path executable = this.binary.installIn(this.root.resolve("runtime").resolve("redis"));
			Files.createDirectories(this.directory);
			Files.createDirectories(this.logFile.getParent());
			Path config = this.directory.resolve("redis.conf");
			// the password in a file of its owner's, not on a command line that every local user can read
			ServerPassword.writePrivate(config, """
					# Written by command-center at every start
					requirepass %s
					# nothing on disk: the hub keeps nothing in Redis that must outlive a restart
					appendonly no
					save ""
					""".formatted(this.password));
			started = new ProcessBuilder(command(executable, config, pidFile)).directory(this.directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(Redirect.appendTo(this.logFile.toFile()))
				.start();
			awaitReady(started);
			this.version = serverVersion();
			this.process = started;
		}
		catch (IOException | RuntimeException ex) {
			IllegalStateException failure = new IllegalStateException("Could not start embedded Redis with data in "
					+ this.directory + ": " + ex.getMessage() + ServerSupport.logTail(this.logFile), ex);
			if (started != null) {
				kill(started, failure);
			}
			throw failure;
		}
	}

	/** Kills a server that did not get ready, and waits so that it no longer holds the data when we give it up. */
	private static void kill(Process process, Exception failure) {
		try {
			process.destroyForcibly().waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failure.addSuppressed(ex);
		}
	}

	private List<String> command(Path executable, Path config, Path pidFile) {
		return List.of(executable.toString(), config.toString(), "--bind", ServerSupport.HOST, "--port",
				Integer.toString(this.port), "--dir", this.directory.toString(), "--pidfile", pidFile.toString(),
				"--daemonize", "no");
	}

	private void awaitReady(Process started) throws IOException {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		try {
			while (!answersPing()) {
				if (started.waitFor(50, TimeUnit.MILLISECONDS)) {
					throw new IOException("redis-server exited with code " + started.exitValue());
				}
				if (System.nanoTime() > deadline) {
					throw new IOException("redis-server did not answer PING within " + STARTUP_TIMEOUT.toSeconds()
							+ " s");
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while waiting for redis-server", ex);
		}
		if (!started.isAlive()) {
			// Someone else's server answered on this port
			throw new IOException("redis-server exited with code " + started.exitValue());
		}
	}

	/**
	 * Whether the server accepts commands. While it replays the append-only file it answers {@code -LOADING}
	 * instead, and before it listens the connection is refused.
	 */
	private boolean answersPing() {
		try (Socket socket = connect()) {
			BufferedReader reply = send(socket, "AUTH " + this.password + "\r\nPING");
			return "+OK".equals(reply.readLine()) && "+PONG".equals(reply.readLine());
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** What the server says it is: the binaries' file names do not always tell. */
	private String serverVersion() throws IOException {
		try (Socket socket = connect()) {
			BufferedReader reply = send(socket, "AUTH " + this.password + "\r\nINFO server");
			for (String line = reply.readLine(); line != null; line = reply.readLine()) {
				if (line.startsWith("redis_version:")) {
					return line.substring("redis_version:".length());
				}
			}
			throw new IOException("INFO server did not tell the version");
		}
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket();
		try {
			socket.connect(new InetSocketAddress(ServerSupport.HOST, this.port), PROBE_TIMEOUT_MILLIS);
			socket.setSoTimeout(PROBE_TIMEOUT_MILLIS);
			return socket;
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
	}

	private static BufferedReader send(Socket socket, String command) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
	}

	private void releaseDirectory() {
		Thread hook = this.shutdownHook;
		if (hook != null) {
			this.shutdownHook = null;
			ServerSupport.removeShutdownHook(hook);
		}
		DataDirectoryLock held = this.lock;
		if (held != null) {
			this.lock = null;
			held.release();
		}
	}

	@Override
	public String toString() {
		return "EmbeddedRedis[" + ServerSupport.HOST + ":" + this.port + ", " + this.directory + "]";
	}

}
