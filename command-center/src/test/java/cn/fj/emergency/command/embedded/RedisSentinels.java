package cn.fj.emergency.command.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;

/**
 * A real Redis master with one replica, watched by one Sentinel (quorum 1, the master judged down after 1 s), from
 * the same redis-server binary as the embedded default: for tests of what docs/deployment.md says about Sentinel.
 */
public final class RedisSentinels implements AutoCloseable {

	public static final String MASTER_NAME = "hub";

	private final RedisClient client = RedisClient.create();

	private final List<Process> processes = new ArrayList<>();

	private Process master;

	private int masterPort;

	private int replicaPort;

	private int sentinelPort;

	private RedisSentinels() {
	}

	/**
	 * @param directory where the servers keep their files; its path must not contain "redis-sentinel", which makes
	 *        redis-server start as a Sentinel
	 */
	public static RedisSentinels start(Path directory) {
		RedisSentinels group = new RedisSentinels();
		try {
			group.launch(directory);
			return group;
		}
		catch (RuntimeException | IOException ex) {
			group.close();
			throw ex instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) ex;
		}
	}

	/** host:port of the Sentinel, for {@code spring.data.redis.sentinel.nodes}. */
	public String sentinelNodes() {
		return ServerSupport.HOST + ":" + this.sentinelPort;
	}

	public int replicaPort() {
		return this.replicaPort;
	}

	/** The master's port as the Sentinel names it now. */
	public int currentMasterPort() {
		try (StatefulRedisSentinelConnection<String, String> sentinel = this.client.connectSentinel(uri(this.sentinelPort))) {
			return ((java.net.InetSocketAddress) sentinel.sync().getMasterAddrByName(MASTER_NAME)).getPort();
		}
	}

	/** Kills the master (SIGKILL) and waits until the Sentinel has promoted the replica. */
	public void killMasterAndAwaitFailover() {
		this.master.destroyForcibly();
		try {
			this.master.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		RedisCluster.await("the Sentinel to promote the replica", () -> currentMasterPort() == this.replicaPort);
		RedisCluster.await("the promoted replica to take writes", () -> {
			try (StatefulRedisConnection<String, String> c = this.client.connect(uri(this.replicaPort))) {
				return "OK".equals(c.sync().set("sentinels:probe", "1"));
			}
		});
	}

	private void launch(Path directory) throws IOException {
		Path executable = RedisBinary.forThisMachine().installIn(directory.resolve("bin"));
		this.masterPort = RedisCluster.freePort();
		this.replicaPort = RedisCluster.freePort();
		this.sentinelPort = RedisCluster.freePort();
		this.master = server(executable, directory.resolve("master"), this.masterPort);
		server(executable, directory.resolve("replica"), this.replicaPort, "--replicaof", ServerSupport.HOST,
				Integer.toString(this.masterPort));
		RedisCluster.await("the replica to be in sync", () -> {
			try (StatefulRedisConnection<String, String> c = this.client.connect(uri(this.replicaPort))) {
				return c.sync().info("replication").contains("master_link_status:up");
			}
		});
		Path sentinelDir = Files.createDirectories(directory.resolve("sentinel"));
		Path config = sentinelDir.resolve("sentinel.conf");
		Files.writeString(config, String.join("\n", "port " + this.sentinelPort, "bind " + ServerSupport.HOST,
				"dir " + sentinelDir, "sentinel monitor " + MASTER_NAME + " " + ServerSupport.HOST + " " + this.masterPort + " 1",
				"sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
				"sentinel failover-timeout " + MASTER_NAME + " 5000", "") );
		start(new ProcessBuilder(executable.toString(), config.toString(), "--sentinel"), sentinelDir);
		// the Sentinel learns of the replica from the master's INFO, within about ten seconds
		RedisCluster.await("the Sentinel to know the replica", () -> {
			try (StatefulRedisSentinelConnection<String, String> sentinel = this.client.connectSentinel(uri(this.sentinelPort))) {
				return !sentinel.sync().replicas(MASTER_NAME).isEmpty();
			}
		});
	}

	private Process server(Path executable, Path dir, int port, String... more) throws IOException {
		Files.createDirectories(dir);
		List<String> command = new ArrayList<>(List.of(executable.toString(), "--bind", ServerSupport.HOST, "--port",
				Integer.toString(port), "--dir", dir.toString(), "--appendonly", "no", "--save", "", "--daemonize", "no"));
		command.addAll(List.of(more));
		Process process = start(new ProcessBuilder(command), dir);
		RedisCluster.await("redis-server on " + port, () -> {
			try (StatefulRedisConnection<String, String> c = this.client.connect(uri(port))) {
				return "PONG".equals(c.sync().ping());
			}
		});
		return process;
	}

	private Process start(ProcessBuilder builder, Path dir) throws IOException {
		Process process = builder.redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
		this.processes.add(process);
		return process;
	}

	private static RedisURI uri(int port) {
		return RedisURI.builder().withHost(ServerSupport.HOST).withPort(port).withTimeout(Duration.ofSeconds(5)).build();
	}

	@Override
	public void close() {
		this.client.shutdown();
		RedisCluster.stop(this.processes);
	}

}
