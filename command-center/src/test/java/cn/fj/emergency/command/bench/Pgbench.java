package cn.fj.emergency.command.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.support.TestInfrastructure;

/**
 * pgbench ({@code /usr/bin/pgbench}, or the one on {@code PATH}) against a database of the embedded PostgreSQL
 * the hub instances use, with a custom script. When pgbench is missing the figure fails with that reason.
 */
final class Pgbench {

	private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

	private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

	private final TestInfrastructure infra;

	private final String database;

	private final String executable;

	/** A result: transactions per second (each one the script once) and the average latency. */
	record Result(double tps, double latencyMs, int clients, String command) {
	}

	private Pgbench(TestInfrastructure infra, String database, String executable) {
		this.infra = infra;
		this.database = database;
		this.executable = executable;
	}

	/** A fresh database for baselines, prepared by the statements. */
	static Pgbench on(TestInfrastructure infra, List<String> setup) {
		Pgbench pgbench = new Pgbench(infra, infra.newDatabase(), find());
		pgbench.execute(setup);
		return pgbench;
	}

	/** An existing database, for example one a hub instance migrated, so that scripts can use the hub's own schema. */
	static Pgbench existing(TestInfrastructure infra, String database) {
		return new Pgbench(infra, database, find());
	}

	/** Runs the statements in this database, each in its own transaction. */
	void execute(List<String> statements) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare the pgbench database: " + ex.getMessage(), ex);
		}
	}

	/** The first row of a query, column by column (label to value), or an error when there is none. */
	Map<String, @Nullable Object> firstRow(String query) {
		try (Connection connection = connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(query)) {
			if (!rows.next()) {
				throw new IllegalStateException("No row from: " + query);
			}
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
				row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
			}
			return row;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read from the pgbench database: " + ex.getMessage(), ex);
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.infra.jdbcUrl(this.database), this.infra.username(), this.infra.password());
	}

	/** The database of a hub's settings ({@code spring.r2dbc.url}, as {@code Hub.freshHubSettings} makes it). */
	static String databaseOf(Map<String, Object> hubSettings) {
		String url = String.valueOf(hubSettings.get("spring.r2dbc.url"));
		String path = URI.create(url.substring("r2dbc:".length())).getPath();
		return path.substring(1);
	}

	/**
	 * A SQL expression of a text value, or {@code null}: decoded from base64, since pgbench would take a colon
	 * followed by a name (in JSON, {@code "low":false}) for one of its variables, even within a quoted literal.
	 */
	static String literal(@Nullable Object value) {
		if (value == null) {
			return "null";
		}
		String base64 = Base64.getEncoder().encodeToString(value.toString().getBytes(StandardCharsets.UTF_8));
		return "convert_from(decode('" + base64 + "', 'base64'), 'UTF8')";
	}

	/**
	 * A function {@code name(p_stream, p_type, p_criticality, p_cities, p_payload)} that runs {@code work} (SQL
	 * statements, each ending with a semicolon) and then appends one event with those columns through the hub's own
	 * {@code event_log_append}, in one transaction: the least work a change of the hub's design takes.
	 */
	static String functionAppendingOneEvent(String name, String work) {
		return """
				create function %s(p_stream text, p_type text, p_criticality text, p_cities text, p_payload text)
				    returns bigint language plpgsql as $$
				begin
				%s
				    return event_log_append(now(), array[p_stream], array[p_type], array[gen_random_uuid()::text],
				        array[p_cities], array[p_criticality], array[null::text], array[false], array[p_payload], array['']);
				end
				$$""".formatted(name, work);
	}

	/** A pgbench script calling that function with a stored event's {@code stream, type, criticality, cities, payload}. */
	static String callAppendingOneEvent(String name, Map<String, @Nullable Object> event) {
		return "select " + name + "(" + String.join(", ", literal(event.get("stream")), literal(event.get("type")),
				literal(event.get("criticality")), literal(event.get("cities")), literal(event.get("payload"))) + ");\n";
	}

	static String find() {
		for (String candidate : List.of("/usr/bin/pgbench", "/usr/lib/postgresql/17/bin/pgbench")) {
			if (Files.isExecutable(Path.of(candidate))) {
				return candidate;
			}
		}
		String path = System.getenv("PATH");
		if (path != null) {
			for (String dir : path.split(":")) {
				if (Files.isExecutable(Path.of(dir, "pgbench"))) {
					return Path.of(dir, "pgbench").toString();
				}
			}
		}
		throw new IllegalStateException("pgbench is not installed (Debian: apt-get install postgresql-client); "
				+ "the baseline cannot be measured");
	}

	static String version() {
		try {
			return run(List.of(find(), "--version"), Duration.ofSeconds(10)).strip();
		}
		catch (RuntimeException ex) {
			return "pgbench missing: " + ex.getMessage();
		}
	}

	/** Runs the script with that many clients for that long and answers the throughput pgbench reports. */
	Result run(String script, int clients, Duration duration) {
		Path file;
		try {
			file = Files.createTempFile("bench-", ".sql");
			Files.writeString(file, script, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not write the pgbench script", ex);
		}
		URI uri = URI.create(this.infra.jdbcUrl(this.database).substring("jdbc:".length()));
		List<String> command = new ArrayList<>(List.of(this.executable, "-n", "-h", uri.getHost(), "-p",
				Integer.toString(uri.getPort()), "-U", this.infra.username(), "-c", Integer.toString(clients), "-j",
				Integer.toString(Math.min(clients, 4)), "-T", Long.toString(duration.toSeconds()), "-M", "prepared", "-f",
				file.toString(), this.database));
		try {
			String output = run(command, duration.plusSeconds(120));
			Matcher tps = TPS.matcher(output);
			if (!tps.find()) {
				throw new IllegalStateException("pgbench printed no tps:\n" + output);
			}
			Matcher latency = LATENCY.matcher(output);
			return new Result(Double.parseDouble(tps.group(1)), latency.find() ? Double.parseDouble(latency.group(1)) : Double.NaN,
					clients, String.join(" ", command).replace(file.toString(), "<script>"));
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// a temporary file left behind is harmless
			}
		}
	}

	private static String run(List<String> command, Duration timeout) {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("PGPASSWORD", TestInfrastructure.get().password());
		try {
			Process process = builder.start();
			byte[] out = process.getInputStream().readAllBytes();
			if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(command.get(0) + " did not finish in " + timeout);
			}
			String output = new String(out, StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + command.get(0) + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted running " + command.get(0), ex);
		}
	}

}
