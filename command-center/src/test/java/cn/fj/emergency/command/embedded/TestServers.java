package cn.fj.emergency.command.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * Talking to the embedded servers from tests.
 */
final class TestServers {

	private TestServers() {
	}

	static void execute(EmbeddedDatabase database, String... statements) throws SQLException {
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
				database.password()); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	static String query(EmbeddedDatabase database, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
				database.password()); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			if (!result.next()) {
				throw new AssertionError("No row from " + sql);
			}
			return result.getString(1);
		}
	}

	static <T> T withRedis(EmbeddedRedis redis, Function<RedisCommands<String, String>, T> work) {
		RedisClient client = RedisClient.create(redis.url());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return work.apply(connection.sync());
		}
		finally {
			client.shutdown();
		}
	}

	static long pid(Path pidFile) throws IOException {
		return Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).strip());
	}

	static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
