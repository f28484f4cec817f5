package cn.fj.emergency.command.embedded;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deriving {@code hub.jdbc.*} from {@code spring.r2dbc.*}, and keeping passwords out of the log.
 */
class JdbcFromR2dbcPropertySourceTest {

	@Test
	void turnsPostgresR2dbcUrlsIntoJdbcUrls() {
		assertThat(JdbcFromR2dbcPropertySource.jdbcUrl("r2dbc:postgresql://db:5433/hub?applicationName=hub"))
			.isEqualTo("jdbc:postgresql://db:5433/hub?applicationName=hub");
		assertThat(JdbcFromR2dbcPropertySource.jdbcUrl("r2dbc:pool:postgres://db/hub"))
			.isEqualTo("jdbc:postgresql://db/hub");
		assertThat(JdbcFromR2dbcPropertySource.jdbcUrl("r2dbcs:postgresql://db/hub"))
			.isEqualTo("jdbc:postgresql://db/hub?sslmode=require");
		assertThat(JdbcFromR2dbcPropertySource.jdbcUrl("r2dbcs:postgresql://db/hub?applicationName=hub"))
			.isEqualTo("jdbc:postgresql://db/hub?applicationName=hub&sslmode=require");
		assertThat(JdbcFromR2dbcPropertySource.jdbcUrl("r2dbc:h2:mem:///hub")).isNull();
		assertThat(JdbcFromR2dbcPropertySource.jdbcUrl(null)).isNull();
	}

	@Test
	void movesUserInformationOutOfTheUrl() {
		StandardEnvironment environment = environment(
				Map.of("spring.r2dbc.url", "r2dbc:postgresql://hub:p%40ss+word@db:5432/hub"));
		assertThat(environment.getProperty("hub.jdbc.url")).isEqualTo("jdbc:postgresql://db:5432/hub");
		assertThat(environment.getProperty("hub.jdbc.username")).isEqualTo("hub");
		assertThat(environment.getProperty("hub.jdbc.password")).isEqualTo("p@ss+word");
	}

	@Test
	void prefersR2dbcPropertiesAndGivesWayToJdbcProperties() {
		StandardEnvironment environment = environment(Map.of("spring.r2dbc.url", "r2dbc:postgresql://u:p@db/hub",
				"spring.r2dbc.username", "configured", "hub.jdbc.password", "explicit"));
		assertThat(environment.getProperty("hub.jdbc.username")).isEqualTo("configured");
		assertThat(environment.getProperty("hub.jdbc.password")).isEqualTo("explicit");
	}

	@Test
	void hasNothingWithoutR2dbcUrl() {
		StandardEnvironment environment = environment(Map.of());
		assertThat(environment.containsProperty("hub.jdbc.url")).isFalse();
		assertThat(environment.getProperty("hub.jdbc.username")).isNull();
	}

	@Test
	void logsUrlsWithoutPasswords() {
		assertThat(ConfiguredServers.withoutPassword("redis://:secret@cache:6379/0"))
			.isEqualTo("redis://:******@cache:6379/0");
		assertThat(ConfiguredServers.withoutPassword("r2dbc:postgresql://hub:secret@db/hub"))
			.isEqualTo("r2dbc:postgresql://hub:******@db/hub");
		assertThat(ConfiguredServers.withoutPassword("r2dbc:postgresql://hub@db/hub"))
			.isEqualTo("r2dbc:postgresql://hub@db/hub");
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		environment.getPropertySources().addLast(new JdbcFromR2dbcPropertySource(environment));
		return environment;
	}

}
