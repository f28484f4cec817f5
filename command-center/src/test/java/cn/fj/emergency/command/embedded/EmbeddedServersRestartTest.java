package cn.fj.emergency.command.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import cn.fj.emergency.command.support.TestInfrastructure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Data written to the embedded PostgreSQL is still there after it restarts; Redis keeps nothing on disk.
 */
class EmbeddedServersRestartTest {

	@Test
	void postgresKeepsRowsAcrossRestart() throws Exception {
		Path dataDir = TestInfrastructure.freshDataDir("embedded-restart-test");
		int firstPort;
		try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
			firstPort = database.port();
			assertThat(database.directory()).isEqualTo(dataDir.resolve("postgres"));
			assertThat(database.r2dbcUrl()).isEqualTo("r2dbc:postgresql://127.0.0.1:" + firstPort + "/hub");
			TestServers.execute(database, "CREATE TABLE incident (id int PRIMARY KEY, title text)",
					"INSERT INTO incident VALUES (1, '闽江洪水')");
		}
		assertThat(TestServers.listening(firstPort)).as("stopped").isFalse();
		assertThat(dataDir.resolve("runtime/postgres")).isDirectory();
		try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
			assertThat(TestServers.query(database, "SELECT title FROM incident WHERE id = 1")).isEqualTo("闽江洪水");
		}
	}

	@Test
	void postgresRecoversWhenThePostmasterWasKilled() throws Exception {
		Path dataDir = TestInfrastructure.freshDataDir("embedded-killed-postmaster-test");
		try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
			TestServers.execute(database, "CREATE TABLE incident (id int)", "INSERT INTO incident VALUES (7)");
			ProcessHandle postmaster = ProcessHandle.of(TestServers.pid(dataDir.resolve("postgres/postmaster.pid")))
				.orElseThrow();
			postmaster.destroyForcibly();
			postmaster.onExit().get(30, TimeUnit.SECONDS);
		}
		assertThat(dataDir.resolve("postgres/postmaster.pid")).as("left behind by the crash").exists();
		try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
			assertThat(TestServers.query(database, "SELECT count(*) FROM incident WHERE id = 7")).isEqualTo("1");
		}
	}

	@Test
	void refusesAClusterOfAnotherMajorVersionAtOnce() throws IOException {
		Path dataDir = TestInfrastructure.freshDataDir("embedded-old-cluster-test");
		Files.createDirectories(dataDir.resolve("postgres"));
		Files.writeString(dataDir.resolve("postgres/PG_VERSION"), "16\n");
		assertThatIllegalStateException().isThrownBy(() -> EmbeddedDatabase.start(dataDir))
			.withMessageStartingWith("Could not start embedded PostgreSQL with data in " + dataDir.resolve("postgres"))
			.withMessageContaining("written by PostgreSQL 16")
			.withMessageContaining("pg_upgrade");
		try (EmbeddedRedis redis = EmbeddedRedis.start(dataDir)) {
			assertThat(redis.directory()).as("the data directory was given up").isDirectory();
		}
	}

	@Test
	void createdDatabasesAreEmptyAndSeparate() throws Exception {
		Path dataDir = TestInfrastructure.freshDataDir("embedded-create-database-test");
		try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
			database.createDatabase("context_1");
			try (Connection connection = DriverManager.getConnection(database.jdbcUrl("context_1"),
					database.username(), database.password()); Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT current_database()")) {
				result.next();
				assertThat(result.getString(1)).isEqualTo("context_1");
			}
			assertThatIllegalStateException().isThrownBy(() -> database.createDatabase("context_1"))
				.withMessageContaining("context_1");
			assertThatIllegalArgumentException().isThrownBy(() -> database.createDatabase("x; DROP DATABASE hub"));
		}
	}

	@Test
	void redisKeepsNothingOnDiskAndItsPasswordAcrossStarts() throws IOException {
		Path dataDir = TestInfrastructure.freshDataDir("embedded-redis-restart-test");
		String password;
		EmbeddedRedis redis = EmbeddedRedis.start(dataDir);
		try {
			password = redis.password();
			assertThat(redis.url()).isEqualTo("redis://:" + password + "@127.0.0.1:" + redis.port());
			TestServers.withRedis(redis, (commands) -> commands.set("presence:1", "闽江"));
			redis.restart();
			String afterRestart = TestServers.withRedis(redis, (commands) -> commands.get("presence:1"));
			assertThat(afterRestart).as("nothing the hub keeps in Redis outlives a restart").isNull();
		}
		finally {
			redis.stop();
		}
		assertThat(TestServers.listening(redis.port())).as("stopped").isFalse();
		redis.stop();
		assertThat(dataDir.resolve("redis/appendonlydir")).doesNotExist();
		assertThat(dataDir.resolve("redis/dump.rdb")).doesNotExist();
		try (EmbeddedRedis again = EmbeddedRedis.start(dataDir)) {
			assertThat(again.password()).as("read again from the data directory").isEqualTo(password);
		}
	}

	@Test
	void aServerRunsOnlyOnceOnADataDirectory() throws IOException {
		Path dataDir = TestInfrastructure.freshDataDir("embedded-lock-test");
		try (EmbeddedRedis redis = EmbeddedRedis.start(dataDir)) {
			assertThatIllegalStateException().isThrownBy(() -> EmbeddedRedis.start(dataDir))
				.withMessageContaining("Redis is already running on data directory " + dataDir.toRealPath());
			assertThat(TestServers.listening(redis.port())).as("the first one still runs").isTrue();
		}
	}

}
