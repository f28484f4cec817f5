package cn.fj.emergency.command.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import cn.fj.emergency.command.support.TestInfrastructure;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link EmbeddedDefaultEnvironment} in real application runs, found through {@code spring.factories}.
 */
class EmbeddedDefaultEnvironmentTest {

	@Test
	void startsBothServersWhenNothingIsConfiguredAndStopsThemWithTheContext() throws Exception {
		Path dataDir = TestInfrastructure.freshDataDir("embedded-default-test");
		int postgresPort;
		int redisPort;
		try (ConfigurableApplicationContext context = run("--hub.data-dir=" + dataDir)) {
			ConfigurableEnvironment environment = context.getEnvironment();
			assertThat(firstSource(environment).getName()).isEqualTo("embedded-default");
			assertThat(((EnumerablePropertySource<?>) firstSource(environment)).getPropertyNames())
				.containsExactlyInAnyOrder("spring.r2dbc.url", "spring.r2dbc.username", "spring.r2dbc.password",
						"hub.jdbc.url", "hub.jdbc.username", "hub.jdbc.password", "spring.data.redis.url");
			String r2dbcUrl = environment.getProperty("spring.r2dbc.url");
			assertThat(r2dbcUrl).matches("r2dbc:postgresql://127\\.0\\.0\\.1:\\d+/hub");
			assertThat(environment.getProperty("hub.jdbc.url"))
				.isEqualTo(r2dbcUrl.replace("r2dbc:postgresql:", "jdbc:postgresql:"));
			try (Connection connection = DriverManager.getConnection(environment.getProperty("hub.jdbc.url"),
					environment.getProperty("hub.jdbc.username"), environment.getProperty("hub.jdbc.password"));
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT current_database(), inet_server_port()")) {
				result.next();
				assertThat(result.getString(1)).isEqualTo("hub");
				postgresPort = result.getInt(2);
			}
			String redisUrl = environment.getProperty("spring.data.redis.url");
			assertThat(redisUrl).matches("redis://:[A-Za-z0-9_-]{32}@127\\.0\\.0\\.1:\\d+");
			redisPort = Integer.parseInt(redisUrl.substring(redisUrl.lastIndexOf(':') + 1));
			assertThat(ping(redisUrl)).isEqualTo("PONG");
			assertThat(dataDir.resolve("postgres/PG_VERSION")).hasContent("17");
			assertThat(dataDir.resolve("redis")).isDirectory();
		}
		assertThat(TestServers.listening(postgresPort)).as("PostgreSQL stopped").isFalse();
		assertThat(TestServers.listening(redisPort)).as("Redis stopped").isFalse();
	}

	@Test
	void startsNoPostgresWhenR2dbcUrlIsSetAndDerivesJdbcCoordinatesFromIt() {
		Path dataDir = TestInfrastructure.freshDataDir("embedded-default-r2dbc-test");
		try (ConfigurableApplicationContext context = run("--hub.data-dir=" + dataDir,
				"--spring.r2dbc.url=r2dbc:postgresql://db.example:5433/hub?connectTimeout=PT5S",
				"--spring.r2dbc.username=hub", "--spring.r2dbc.password=s3cret")) {
			ConfigurableEnvironment environment = context.getEnvironment();
			assertThat(environment.getProperty("spring.r2dbc.url"))
				.isEqualTo("r2dbc:postgresql://db.example:5433/hub?connectTimeout=PT5S");
			assertThat(environment.getProperty("hub.jdbc.url"))
				.isEqualTo("jdbc:postgresql://db.example:5433/hub?connectTimeout=PT5S");
			assertThat(environment.getProperty("hub.jdbc.username")).isEqualTo("hub");
			assertThat(environment.getProperty("hub.jdbc.password")).isEqualTo("s3cret");
			assertThat(((EnumerablePropertySource<?>) firstSource(environment)).getPropertyNames())
				.containsExactly("spring.data.redis.url");
			assertThat(ping(environment.getProperty("spring.data.redis.url"))).isEqualTo("PONG");
			assertThat(dataDir.resolve("postgres")).doesNotExist();
			assertThat(dataDir.resolve("redis")).isDirectory();
		}
	}

	@Test
	void startsNothingWhenBothServersAreConfigured() {
		Path dataDir = TestInfrastructure.freshDataDir("embedded-default-external-test");
		try (ConfigurableApplicationContext context = run("--hub.data-dir=" + dataDir,
				"--spring.r2dbc.url=r2dbc:postgresql://db.example/hub", "--spring.data.redis.host=cache.example",
				"--hub.jdbc.url=jdbc:postgresql://replica.example/hub")) {
			ConfigurableEnvironment environment = context.getEnvironment();
			assertThat(environment.getPropertySources().contains("embedded-default")).isFalse();
			assertThat(environment.getProperty("hub.jdbc.url")).as("configured wins over derived")
				.isEqualTo("jdbc:postgresql://replica.example/hub");
			assertThat(dataDir).doesNotExist();
		}
	}

	@Test
	void failsWithoutConfiguredServersWhenDisabled() {
		Path dataDir = TestInfrastructure.freshDataDir("embedded-default-disabled-test");
		assertThatIllegalStateException()
			.isThrownBy(() -> run("--hub.data-dir=" + dataDir, "--hub.embedded.enabled=false",
					"--spring.data.redis.url=redis://cache.example:6379"))
			.withMessageContaining("No PostgreSQL (spring.r2dbc.url) configured")
			.withMessageContaining("hub.embedded.enabled=false")
			.withMessageNotContaining("Redis");
		assertThat(dataDir).doesNotExist();
	}

	@Test
	void leavesSpringCloudBootstrapContextsAlone() {
		Path dataDir = TestInfrastructure.freshDataDir("embedded-default-bootstrap-test");
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("bootstrap", Map.of()));
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("hub.data-dir", dataDir.toString())));
		SpringApplication application = new SpringApplication();
		new EmbeddedDefaultEnvironment((destination) -> destination.get()).postProcessEnvironment(environment, application);
		assertThat(environment.getPropertySources().stream().map(PropertySource::getName))
			.containsExactly("test", "bootstrap", "systemProperties", "systemEnvironment");
		assertThat(application.getListeners()).noneMatch(EmbeddedServers.class::isInstance);
		assertThat(dataDir).doesNotExist();
	}

	private static ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(NoBeans.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		return application.run(args);
	}

	/** The highest-precedence source apart from Spring Boot's view of all sources. */
	private static PropertySource<?> firstSource(ConfigurableEnvironment environment) {
		return environment.getPropertySources()
			.stream()
			.filter((source) -> !source.getName().equals("configurationProperties"))
			.findFirst()
			.orElseThrow();
	}

	private static String ping(String redisUrl) {
		RedisClient client = RedisClient.create(redisUrl);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().ping();
		}
		finally {
			client.shutdown();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class NoBeans {

	}

}
