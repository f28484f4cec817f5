package cn.fj.emergency.command.embedded;

import java.nio.file.Path;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;

/**
 * Starts an embedded PostgreSQL unless {@code spring.r2dbc.url} is set, and an embedded Redis unless
 * {@code spring.data.redis.url} or {@code spring.data.redis.host} is set, each with its data under
 * {@code hub.data-dir} (default {@code ./data}). The started servers' coordinates go into the highest-precedence
 * property source {@value EmbeddedServers#PROPERTY_SOURCE}. {@code hub.embedded.enabled=false} starts nothing, and
 * then a missing server fails the start-up. Either way {@code hub.jdbc.*}, what Flyway connects with, defaults to
 * the coordinates in {@code spring.r2dbc.*}.
 */
public final class EmbeddedDefaultEnvironment implements EnvironmentPostProcessor, Ordered {

	static final String DATA_DIR = "hub.data-dir";

	static final String ENABLED = "hub.embedded.enabled";

	// Spring Cloud's bootstrap context carries this source; the servers belong to the application's own context
	private static final String BOOTSTRAP_PROPERTY_SOURCE = "bootstrap";

	private final Log log;

	public EmbeddedDefaultEnvironment(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(EmbeddedDefaultEnvironment.class);
	}

	/** Last, so that every other source of configuration has been added when it decides. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		MutablePropertySources sources = environment.getPropertySources();
		if (sources.contains(BOOTSTRAP_PROPERTY_SOURCE) || sources.contains(JdbcFromR2dbcPropertySource.NAME)) {
			return;
		}
		sources.addLast(new JdbcFromR2dbcPropertySource(environment));
		boolean enabled = environment.getProperty(ENABLED, Boolean.class, true);
		boolean database = enabled && ConfiguredServers.postgres(environment).isEmpty();
		boolean redis = enabled && ConfiguredServers.redis(environment).isEmpty();
		Path dataDir = Path.of(environment.getProperty(DATA_DIR, "./data"));
		EmbeddedServers servers = EmbeddedServers.start(application, enabled, dataDir, database, redis, this.log);
		if (!servers.isEmpty()) {
			sources.addFirst(servers.propertySource());
		}
		application.addListeners(servers);
	}

}
