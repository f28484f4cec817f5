package cn.fj.emergency.command.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
		String executable = find();
		String database = infra.newDatabase();
		try (Connection connection = DriverManager.getConnection(infra.jdbcUrl(database), infra.username(), infra.password());
				Statement statement = connection.createStatement()) {
			for (String sql : setup) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare the pgbench database: " + ex.getMessage(), ex);
		}
		return new Pgbench(infra, database, executable);
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
