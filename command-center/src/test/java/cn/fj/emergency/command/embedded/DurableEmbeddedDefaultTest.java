package cn.fj.emergency.command.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.TestInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded default keeps what it acknowledged through a crash of the machine (fsync, full_page_writes and
 * synchronous_commit on) and lets in only those who have its passwords; a hub refuses a PostgreSQL that is not
 * durable unless told that this is wanted, and health shows which it runs on.
 */
class DurableEmbeddedDefaultTest {

	static Map<String, Object> embeddedDefault(Path dataDir) {
		Map<String, Object> settings = new HashMap<>();
		settings.put("hub.data-dir", dataDir.toString());
		settings.put("server.port", "0");
		settings.put("hub.city-link.port", "0");
		settings.put("hub.city-link.address", "127.0.0.1");
		settings.put("hub.security.bootstrap-admin-password", Hub.ADMIN_PASSWORD);
		settings.put("hub.redis.namespace", "durable-test");
		return settings;
	}

	@Test
	void aHubOnTheEmbeddedDefaultRunsADurablePostgresThatAsksForAPassword() throws Exception {
		Path dataDir = TestInfrastructure.freshDataDir("embedded-durable-test");
		try (Hub hub = Hub.start(embeddedDefault(dataDir))) {
			Environment environment = hub.context().getEnvironment();
			String url = environment.getRequiredProperty("hub.jdbc.url");
			String password = environment.getRequiredProperty("hub.jdbc.password");
			assertThat(show(url, password, "fsync")).isEqualTo("on");
			assertThat(show(url, password, "full_page_writes")).isEqualTo("on");
			assertThat(show(url, password, "synchronous_commit")).isEqualTo("on");

			hub.http().get().uri("/actuator/health/durability").headers((h) -> h.setBearerAuth(hub.adminToken())).exchange()
				.expectStatus().isOk()
				.expectBody()
				.jsonPath("$.status").isEqualTo("UP")
				.jsonPath("$.components.databaseDurability.details.fsync").isEqualTo("on")
				.jsonPath("$.components.databaseDurability.details.synchronous_commit").isEqualTo("on")
				.jsonPath("$.components.databaseDurability.details.full_page_writes").isEqualTo("on")
				.jsonPath("$.components.databaseDurability.details.durable").isEqualTo(true)
				.jsonPath("$.components.databaseDurability.details.nonDurableAllowed").isEqualTo(false);
			hub.http().get().uri("/actuator/health").exchange()
				.expectBody()
				.jsonPath("$.components.databaseDurability.status").isEqualTo("UP")
				.jsonPath("$.components.databaseDurability.details").doesNotExist();

			Path passwordFile = dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE);
			assertThat(passwordFile).hasContent(password);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
			assertThat(dataDir.resolve("postgres/pg_hba.conf")).content().doesNotContain("trust");
			assertThatExceptionOfType(SQLException.class).as("a wrong password")
				.isThrownBy(() -> show(url, "not-the-password", "fsync"))
				.withMessageContaining("password authentication failed");

			String redisUrl = environment.getRequiredProperty("spring.data.redis.url");
			Path redisPasswordFile = dataDir.resolve(EmbeddedRedis.PASSWORD_FILE);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(redisPasswordFile)))
				.isEqualTo("rw-------");
			assertThat(redisUrl).contains(":" + Files.readString(redisPasswordFile) + "@");
			int redisPort = Integer.parseInt(redisUrl.substring(redisUrl.lastIndexOf(':') + 1));
			assertThat(pingWithoutPassword(redisPort)).as("Redis without its password").startsWith("-NOAUTH");
		}
		try (Hub again = Hub.start(embeddedDefault(dataDir))) {
			assertThat(again.context().getEnvironment().getRequiredProperty("hub.jdbc.password"))
				.as("the password kept in the data directory").isEqualTo(Files.readString(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE)));
		}
	}

	@Test
	void aClusterThatTrustedEveryoneAsksForThePasswordFromItsNextStart() throws Exception {
		Path dataDir = TestInfrastructure.freshDataDir("embedded-trust-test");
		EmbeddedDatabase first = EmbeddedDatabase.start(dataDir);
		first.close();
		// as an earlier version of the hub left it
		Files.writeString(first.directory().resolve("pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
		try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
			assertThat(show(database.jdbcUrl(), database.password(), "fsync")).isEqualTo("on");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> show(database.jdbcUrl(), "", "fsync"));
			assertThat(database.directory().resolve("pg_hba.conf")).content().doesNotContain("trust");
		}
	}

	@Test
	void aHubRefusesAPostgresThatIsNotDurableUnlessToldAndSaysWhichItRunsOn() throws Exception {
		Path dataDir = TestInfrastructure.freshDataDir("embedded-non-durable-test");
		try (EmbeddedDatabase database = EmbeddedDatabase.startWithoutFsync(dataDir)) {
			TestServers.execute(database, "ALTER DATABASE hub SET synchronous_commit = off");
			Map<String, Object> settings = new HashMap<>(Hub.freshHubSettings());
			settings.put("spring.r2dbc.url", database.r2dbcUrl());
			settings.put("spring.r2dbc.password", database.password());
			settings.put("hub.jdbc.url", database.jdbcUrl());
			settings.put("hub.jdbc.password", database.password());
			settings.put("hub.database.allow-non-durable", "false");

			assertThatThrownBy(() -> Hub.start(settings).close()).rootCause()
				.hasMessageContaining("PostgreSQL at " + database.jdbcUrl() + " is not durable: fsync, synchronous_commit are off")
				.hasMessageContaining("ALTER SYSTEM SET fsync = on")
				.hasMessageContaining("hub.database.allow-non-durable=true")
				.hasMessageContaining("HUB_DATABASE_ALLOW_NON_DURABLE=true");

			settings.put("hub.database.allow-non-durable", "true");
			try (Hub hub = Hub.start(settings)) {
				hub.http().get().uri("/actuator/health/durability").headers((h) -> h.setBearerAuth(hub.adminToken())).exchange()
					.expectStatus().isOk()
					.expectBody()
					.jsonPath("$.components.databaseDurability.status").isEqualTo("UP")
					.jsonPath("$.components.databaseDurability.details.fsync").isEqualTo("off")
					.jsonPath("$.components.databaseDurability.details.synchronous_commit").isEqualTo("off")
					.jsonPath("$.components.databaseDurability.details.durable").isEqualTo(false)
					.jsonPath("$.components.databaseDurability.details.nonDurableAllowed").isEqualTo(true);
			}
		}
	}

	private static String show(String jdbcUrl, String password, String setting) throws SQLException {
		try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", password);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW " + setting)) {
			result.next();
			return result.getString(1);
		}
	}

	/** Redis's answer to a PING sent without signing in, in its own protocol. */
	private static String pingWithoutPassword(int port) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(5000);
			socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
		}
	}

}
