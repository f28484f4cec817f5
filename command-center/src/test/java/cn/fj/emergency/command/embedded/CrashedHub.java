package cn.fj.emergency.command.embedded;

import java.nio.file.Path;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * A command center that writes a row and a key, says so, and waits to be killed. Run in its own JVM by
 * {@link EmbeddedServersCrashTest}.
 */
final class CrashedHub {

	private CrashedHub() {
	}

	public static void main(String[] args) throws Exception {
		Path dataDir = Path.of(args[0]);
		EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
		TestServers.execute(database, "CREATE TABLE incident (id int, title text)",
				"INSERT INTO incident VALUES (1, '台风')");
		EmbeddedRedis redis = EmbeddedRedis.start(dataDir);
		RedisClient client = RedisClient.create(redis.url());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().set("incident:1", "台风");
		}
		client.shutdown();
		System.out.println("READY " + ProcessHandle.current().pid());
		System.out.flush();
		// Until the test kills this JVM
		while (System.in.read() != -1) {
			// keep waiting
		}
	}

}
