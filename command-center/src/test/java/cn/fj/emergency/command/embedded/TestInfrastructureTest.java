package cn.fj.emergency.command.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import cn.fj.emergency.command.support.TestInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a Spring test uses the shared servers: {@code @DynamicPropertySource} values arrive only after the environment
 * post-processors ran, so the test turns the embedded default off, and the check for configured servers, made once
 * the context is prepared, finds them.
 */
@SpringBootTest(classes = TestInfrastructureTest.NoBeans.class, properties = "hub.embedded.enabled=false",
		webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TestInfrastructureTest {

	private static final String DATABASE = TestInfrastructure.get().newDatabase();

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		registry.add("spring.r2dbc.url", () -> infrastructure.r2dbcUrl(DATABASE));
		registry.add("spring.r2dbc.username", infrastructure::username);
		registry.add("spring.r2dbc.password", infrastructure::password);
		registry.add("spring.data.redis.url", infrastructure::redisUrl);
	}

	@Autowired
	private Environment environment;

	@Test
	void derivesJdbcCoordinatesForTheTestsOwnDatabase() throws Exception {
		assertThat(this.environment.getProperty("hub.jdbc.url"))
			.isEqualTo(TestInfrastructure.get().jdbcUrl(DATABASE));
		try (Connection connection = DriverManager.getConnection(this.environment.getProperty("hub.jdbc.url"),
				this.environment.getProperty("hub.jdbc.username"), this.environment.getProperty("hub.jdbc.password"));
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT current_database()")) {
			result.next();
			assertThat(result.getString(1)).isEqualTo(DATABASE);
		}
		assertThat(this.environment.getProperty("spring.data.redis.url"))
			.isEqualTo(TestInfrastructure.get().redisUrl());
	}

	@Test
	void givesEveryCallerItsOwnDatabase() {
		assertThat(TestInfrastructure.get().newDatabase()).isNotEqualTo(DATABASE).startsWith("test_");
	}

	@Configuration(proxyBeanMethods = false)
	static class NoBeans {

	}

}
