package cn.fj.emergency.command.schema;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Health component {@code databaseDurability}: the durability settings of the PostgreSQL the hub uses, read now
 * (an operator may change them while the hub runs), and whether the hub was told to run without them. {@code UP}
 * when durable or allowed; {@code DOWN} when a setting was turned off after a start that required them on. Its
 * status is on {@code /actuator/health} for everyone, its details on {@code /actuator/health/durability} for
 * administrators.
 */
@Component
public class DatabaseDurabilityHealthIndicator extends AbstractReactiveHealthIndicator {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final DatabaseClient database;

	private final boolean nonDurableAllowed;

	public DatabaseDurabilityHealthIndicator(DatabaseClient database, CheckingDatabaseDurability check) {
		super("Could not read the durability settings of PostgreSQL");
		this.database = database;
		this.nonDurableAllowed = check.nonDurableAllowed();
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return read().timeout(TIMEOUT).map((durability) -> {
			Health.Builder status = (durability.durable() || this.nonDurableAllowed) ? builder.up() : builder.down();
			return status.withDetails(durability.settings())
				.withDetail("durable", durability.durable())
				.withDetail("nonDurableAllowed", this.nonDurableAllowed)
				.build();
		});
	}

	private Mono<DatabaseDurability> read() {
		return this.database.sql(DatabaseDurability.QUERY)
			.map((row) -> new DatabaseDurability(text(row.get(0, String.class)), text(row.get(1, String.class)),
					text(row.get(2, String.class))))
			.one();
	}

	private static String text(@org.jspecify.annotations.Nullable String value) {
		return (value != null) ? value : "unknown";
	}

}
