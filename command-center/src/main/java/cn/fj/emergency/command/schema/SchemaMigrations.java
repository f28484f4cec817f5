package cn.fj.emergency.command.schema;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Runs each module's versioned migrations at start-up, before any traffic: every module owns its tables, its
 * migrations under {@code db/<module>} and its own history table, so modules evolve independently. Flyway takes a
 * database lock, so several instances starting together migrate once. The one place JDBC is used.
 */
@Component
// nothing is migrated on a database that the hub refuses
@DependsOn("checkingDatabaseDurability")
public class SchemaMigrations implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

	/** The modules whose schemas this application carries, in the order they are migrated. */
	static final List<String> MODULES = List.of("command-center", "alerting", "resources-registry");

	private final String url;

	private final String username;

	private final String password;

	public SchemaMigrations(@Value("${hub.jdbc.url}") String url, @Value("${hub.jdbc.username:}") String username,
			@Value("${hub.jdbc.password:}") String password) {
		this.url = url;
		this.username = username;
		this.password = password;
	}

	@Override
	public void afterPropertiesSet() {
		for (String module : MODULES) {
			var result = Flyway.configure()
				.dataSource(this.url, this.username, this.password)
				.locations("classpath:db/" + module)
				.table("schema_history_" + module.replace('-', '_'))
				.baselineOnMigrate(true)
				.baselineVersion("0")
				.load()
				.migrate();
			log.info("Schema of {}: {} migration(s) applied, now at version {}", module, result.migrationsExecuted,
					result.targetSchemaVersion == null ? "(unchanged)" : result.targetSchemaVersion);
		}
	}

	/** The JDBC coordinates, for other start-up work that must run before traffic. */
	public JdbcTarget target() {
		return new JdbcTarget(this.url, this.username, this.password);
	}

	public record JdbcTarget(String url, String username, String password) {
	}

}
