package cn.fj.emergency.command.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * The servers one run of a {@link SpringApplication} started, if any, with the checks and the clean-up around
 * them. Once the context is prepared, a configuration still without servers fails the start-up. A
 * {@link ServerSupervisor} starts a server that died again on the same data and port. The servers stop
 * after every bean of the context is destroyed, so connection pools and clients close while their server is still
 * there; they also stop when the run fails, and at JVM exit after Spring Boot has closed the contexts.
 */
final class EmbeddedServers implements SmartApplicationListener, DisposableBean {

	static final String PROPERTY_SOURCE = "embedded-default";

	private static final String BEAN_NAME = "hubEmbeddedServers";

	private static final String SUPERVISOR_BEAN_NAME = "hubEmbeddedServerSupervisor";

	private final SpringApplication application;

	private final boolean enabled;

	private final @Nullable EmbeddedDatabase database;

	private final @Nullable EmbeddedRedis redis;

	private final Log log;

	private final Runnable shutdownHandler = this::close;

	private final ServerSupervisor supervisor;

	private EmbeddedServers(SpringApplication application, boolean enabled, @Nullable EmbeddedDatabase database,
			@Nullable EmbeddedRedis redis, Log log) {
		this.application = application;
		this.enabled = enabled;
		this.database = database;
		this.redis = redis;
		this.log = log;
		List<ServerSupervisor.Supervised> supervised = new ArrayList<>();
		if (database != null) {
			supervised.add(ServerSupervisor.of(database));
		}
		if (redis != null) {
			supervised.add(ServerSupervisor.of(redis));
		}
		// its own logger, so that an operator finds "died" and "restarted" under one name
		this.supervisor = new ServerSupervisor(supervised, LogFactory.getLog(ServerSupervisor.class));
	}

	static EmbeddedServers start(SpringApplication application, boolean enabled, Path dataDir, boolean database,
			boolean redis, Log log) {
		// Not their own JVM shutdown hooks: those would run alongside Spring Boot's, stopping the servers while the
		// context still closes its pools and clients
		EmbeddedDatabase startedDatabase = database ? EmbeddedDatabase.start(dataDir, log, false) : null;
		try {
			EmbeddedRedis startedRedis = redis ? EmbeddedRedis.start(dataDir, log, false) : null;
			EmbeddedServers servers = new EmbeddedServers(application, enabled, startedDatabase, startedRedis, log);
			if (!servers.isEmpty()) {
				SpringApplication.getShutdownHandlers().add(servers.shutdownHandler);
				servers.supervisor.start();
			}
			return servers;
		}
		catch (RuntimeException ex) {
			if (startedDatabase != null) {
				closeInto(startedDatabase, ex);
			}
			throw ex;
		}
	}

	boolean isEmpty() {
		return this.database == null && this.redis == null;
	}

	/** Where the started servers listen, in the properties the application reads. */
	MapPropertySource propertySource() {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (this.database != null) {
			properties.put("spring.r2dbc.url", this.database.r2dbcUrl());
			properties.put("spring.r2dbc.username", this.database.username());
			properties.put("spring.r2dbc.password", this.database.password());
			properties.put(JdbcFromR2dbcPropertySource.URL, this.database.jdbcUrl());
			properties.put(JdbcFromR2dbcPropertySource.USERNAME, this.database.username());
			properties.put(JdbcFromR2dbcPropertySource.PASSWORD, this.database.password());
		}
		if (this.redis != null) {
			// with its password, which Spring Boot takes from the URL
			properties.put(ConfiguredServers.REDIS_URL, this.redis.url());
		}
		return new MapPropertySource(PROPERTY_SOURCE, properties);
	}

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return ApplicationPreparedEvent.class.isAssignableFrom(eventType)
				|| ApplicationFailedEvent.class.isAssignableFrom(eventType);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationPreparedEvent prepared && prepared.getSpringApplication() == this.application) {
			prepared(prepared.getApplicationContext());
		}
		else if (event instanceof ApplicationFailedEvent failed && failed.getSpringApplication() == this.application) {
			close();
		}
	}

	/**
	 * Only now does the environment hold everything, including properties that tests add after the environment
	 * post-processors ran.
	 */
	private void prepared(ConfigurableApplicationContext context) {
		Environment environment = context.getEnvironment();
		Optional<String> postgres = ConfiguredServers.postgres(environment);
		Optional<String> redis = ConfiguredServers.redis(environment);
		checkConfigured(postgres, redis);
		report("PostgreSQL", postgres.get(), (this.database != null) ? this.database.r2dbcUrl() : null);
		report("Redis", redis.get(),
				(this.redis != null) ? ConfiguredServers.withoutPassword(this.redis.url()) : null);
		if (isEmpty()) {
			return;
		}
		// its restart counters, bound to the application's meter registry
		context.getBeanFactory().registerSingleton(SUPERVISOR_BEAN_NAME, this.supervisor);
		if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
			// Registered before any bean exists, so destroyed after all of them
			registry.registerDisposableBean(BEAN_NAME, this);
		}
		else {
			this.log.warn("Embedded servers stop only when the JVM exits: cannot hook into the destruction of "
					+ context.getBeanFactory().getClass().getName());
		}
	}

	private void checkConfigured(Optional<String> postgres, Optional<String> redis) {
		List<String> missing = new ArrayList<>();
		if (postgres.isEmpty()) {
			missing.add("PostgreSQL (spring.r2dbc.url)");
		}
		if (redis.isEmpty()) {
			missing.add("Redis (spring.data.redis.url or spring.data.redis.host)");
		}
		if (missing.isEmpty()) {
			return;
		}
		String reason = this.enabled ? "" : "; hub.embedded.enabled=false keeps embedded servers from starting";
		throw new IllegalStateException("No " + String.join(" and no ", missing) + " configured" + reason
				+ ". Configure the servers to use, or leave hub.embedded.enabled unset to run embedded ones with "
				+ "data in hub.data-dir.");
	}

	private void report(String server, String used, @Nullable String embedded) {
		if (embedded == null) {
			this.log.info("Using external " + server + " at " + used);
		}
		else if (!embedded.equals(used)) {
			this.log.warn("Embedded " + server + " was started, but the configuration now points at " + used
					+ " instead; where servers are configured late (as with @DynamicPropertySource), set "
					+ "hub.embedded.enabled=false");
		}
	}

	@Override
	public void destroy() {
		close();
	}

	/** Stops the servers; stopping again does nothing. */
	synchronized void close() {
		if (!isEmpty()) {
			removeShutdownHandler();
		}
		// first, so that it does not start a server that is being stopped
		this.supervisor.close();
		RuntimeException failure = null;
		for (AutoCloseable server : servers()) {
			try {
				server.close();
			}
			catch (Exception ex) {
				if (failure == null) {
					failure = new IllegalStateException("Could not stop every embedded server", ex);
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	private void removeShutdownHandler() {
		try {
			SpringApplication.getShutdownHandlers().remove(this.shutdownHandler);
		}
		catch (IllegalStateException ex) {
			// The JVM is shutting down: the handler runs anyway and finds the servers stopped
		}
	}

	private List<AutoCloseable> servers() {
		List<AutoCloseable> servers = new ArrayList<>();
		if (this.redis != null) {
			servers.add(this.redis);
		}
		if (this.database != null) {
			servers.add(this.database);
		}
		return servers;
	}

	private static void closeInto(EmbeddedDatabase database, RuntimeException failure) {
		try {
			database.close();
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	@Override
	public String toString() {
		return "EmbeddedServers[" + servers() + "]";
	}

}
