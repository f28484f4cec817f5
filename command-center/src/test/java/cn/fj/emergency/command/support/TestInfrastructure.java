package cn.fj.emergency.command.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import cn.fj.emergency.command.embedded.EmbeddedDatabase;
import cn.fj.emergency.command.embedded.EmbeddedRedis;
import org.jspecify.annotations.Nullable;

/**
 * One PostgreSQL and one Redis for the whole test run, with their data in {@code target/test-infra}, which the
 * first use wipes so that every run starts clean. Each test context should take its own database from
 * {@link #newDatabase()}; Redis is shared. Both servers stop with the JVM through their own shutdown hooks. Test
 * JVMs must not run in parallel: a second one finds the data directory locked and fails.
 * <p>
 * PostgreSQL runs with fsync off for speed, and the hubs of the tests say they allow it
 * ({@code hub.database.allow-non-durable}, {@link Hub#freshHubSettings()}); with {@code -Dtest.infra.durable=true},
 * as the benchmark harness runs, it is durable and no hub is told otherwise.
 */
public final class TestInfrastructure {

	private static @Nullable TestInfrastructure instance;

	private final EmbeddedDatabase database;

	private final EmbeddedRedis redis;

	private final AtomicInteger databases = new AtomicInteger();

	private final boolean durable;

	private TestInfrastructure(EmbeddedDatabase database, EmbeddedRedis redis, boolean durable) {
		this.database = database;
		this.redis = redis;
		this.durable = durable;
	}

	public static synchronized TestInfrastructure get() {
		TestInfrastructure infrastructure = instance;
		if (infrastructure == null) {
			// another folder for a JVM running beside one that holds the default (the benchmark harness's fault drills)
			infrastructure = start(freshDataDir(System.getProperty("test.infra.dir", "test-infra")));
			instance = infrastructure;
		}
		return infrastructure;
	}

	private static TestInfrastructure start(Path dataDir) {
		boolean durable = Boolean.getBoolean("test.infra.durable");
		EmbeddedDatabase database = durable ? EmbeddedDatabase.start(dataDir) : EmbeddedDatabase.startWithoutFsync(dataDir);
		try {
			return new TestInfrastructure(database, EmbeddedRedis.start(dataDir), durable);
		}
		catch (RuntimeException ex) {
			database.close();
			throw ex;
		}
	}

	/**
	 * An empty data directory {@code target/<name>}. Only the unpacked server binaries in {@code runtime} are kept,
	 * since unpacking PostgreSQL takes seconds.
	 */
	public static Path freshDataDir(String name) {
		Path dataDir = target().resolve(name);
		stopServersLeftByKilledRun(dataDir);
		if (Files.isDirectory(dataDir)) {
			try (Stream<Path> entries = Files.list(dataDir)) {
				for (Path entry : entries.toList()) {
					if (!entry.getFileName().toString().equals("runtime")) {
						deleteRecursively(entry);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not clean " + dataDir, ex);
			}
		}
		return dataDir;
	}

	/**
	 * Servers that stop cleanly remove their pid files. One still there means a test JVM was killed and its server
	 * may still run on these files; starting over the same directory stops it, and it is better gone before its
	 * files are.
	 */
	private static void stopServersLeftByKilledRun(Path dataDir) {
		if (Files.exists(dataDir.resolve("postgres").resolve("postmaster.pid"))) {
			EmbeddedDatabase.start(dataDir).close();
		}
		if (Files.exists(dataDir.resolve("redis").resolve("redis.pid"))) {
			EmbeddedRedis.start(dataDir).close();
		}
	}

	private static Path target() {
		return Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("target");
	}

	private static void deleteRecursively(Path path) throws IOException {
		try (Stream<Path> files = Files.walk(path)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

	/** Whether PostgreSQL runs with fsync on ({@code -Dtest.infra.durable=true}). */
	public boolean durable() {
		return this.durable;
	}

	/** Creates an empty database with a name unique in this run, and returns the name. */
	public String newDatabase() {
		String name = "test_" + this.databases.incrementAndGet();
		this.database.createDatabase(name);
		return name;
	}

	public String r2dbcUrl(String database) {
		return this.database.r2dbcUrl(database);
	}

	public String jdbcUrl(String database) {
		return this.database.jdbcUrl(database);
	}

	public String username() {
		return this.database.username();
	}

	public String password() {
		return this.database.password();
	}

	public String redisUrl() {
		return this.redis.url();
	}

	/** The shared Redis, for tests that restart it. */
	public EmbeddedRedis redis() {
		return this.redis;
	}

}
