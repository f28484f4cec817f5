package cn.fj.emergency.command.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import cn.fj.emergency.command.support.TestInfrastructure;

/** What the run ran on, for the report: CPU, memory, OS, JDK, PostgreSQL, Redis, pgbench and the load. */
final class Machine {

	private Machine() {
	}

	static Map<String, String> describe(TestInfrastructure infra) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("CPU", read("/proc/cpuinfo").flatMap(c -> c.lines().filter(l -> l.startsWith("model name")).findFirst())
			.map(l -> l.substring(l.indexOf(':') + 1).strip())
			.orElse("unknown") + ", " + Runtime.getRuntime().availableProcessors() + " cores available to the JVM");
		facts.put("Memory", read("/proc/meminfo").flatMap(m -> m.lines().filter(l -> l.startsWith("MemTotal")).findFirst())
			.map(l -> l.replace("MemTotal:", "").strip())
			.orElse("unknown") + " total");
		facts.put("OS", read("/etc/os-release").flatMap(o -> o.lines().filter(l -> l.startsWith("PRETTY_NAME=")).findFirst())
			.map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", ""))
			.orElse(System.getProperty("os.name")) + ", kernel " + System.getProperty("os.version"));
		facts.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
				+ System.getProperty("java.vendor") + "), max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
		facts.put("PostgreSQL", postgres(infra) + " (embedded, " + durability(infra) + ", local disk)");
		facts.put("Redis", redis(infra) + " (embedded)");
		facts.put("pgbench", Pgbench.version());
		return facts;
	}

	/** The 1, 5 and 15 minute load averages. */
	static String load() {
		return read("/proc/loadavg").map(l -> {
			String[] parts = l.split(" ");
			return parts[0] + " / " + parts[1] + " / " + parts[2];
		}).orElse("unknown");
	}

	private static String postgres(TestInfrastructure infra) {
		try (Connection connection = DriverManager.getConnection(infra.jdbcUrl("postgres"), infra.username(), infra.password());
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select version()")) {
			rows.next();
			return rows.getString(1);
		}
		catch (SQLException ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
	}

	/** As the server reports them, so that the report never claims a durability the run did not have. */
	private static String durability(TestInfrastructure infra) {
		try (Connection connection = DriverManager.getConnection(infra.jdbcUrl("postgres"), infra.username(), infra.password());
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select current_setting('fsync'), current_setting('full_page_writes'), "
						+ "current_setting('synchronous_commit')")) {
			rows.next();
			return "fsync " + rows.getString(1) + ", full_page_writes " + rows.getString(2) + ", synchronous_commit "
					+ rows.getString(3);
		}
		catch (SQLException ex) {
			return "durability unknown (" + ex.getMessage() + ")";
		}
	}

	private static String redis(TestInfrastructure infra) {
		RedisClient client = RedisClient.create(infra.redisUrl());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().info("server").lines().filter(l -> l.startsWith("redis_version:"))
				.findFirst()
				.map(l -> "Redis " + l.substring("redis_version:".length()).strip())
				.orElse("unknown");
		}
		finally {
			client.shutdown();
		}
	}

	private static Optional<String> read(String file) {
		try {
			return Optional.of(Files.readString(Path.of(file), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

}
