package cn.fj.emergency.command.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * A real Redis Cluster of three masters (no replicas) on free local ports, from the same redis-server binary as the
 * embedded default, for tests of what docs/deployment.md says about Redis Cluster. The slots are split in three
 * and the nodes introduced with {@code CLUSTER ADDSLOTS} and {@code CLUSTER MEET}, as {@code redis-cli --cluster
 * create} would.
 */
public final class RedisCluster implements AutoCloseable {

	private static final int SLOTS = 16384;

	private final List<Process> processes = new ArrayList<>();

	private final List<Integer> ports = new ArrayList<>();

	private final RedisClient client = RedisClient.create();

	private RedisCluster() {
	}

	public static RedisCluster start(Path directory, int masters) {
		RedisCluster cluster = new RedisCluster();
		try {
			cluster.launch(directory, masters);
			cluster.form();
			return cluster;
		}
		catch (RuntimeException | IOException ex) {
			cluster.close();
			throw ex instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) ex;
		}
	}

	/** host:port of every master, for {@code spring.data.redis.cluster.nodes}. */
	public String nodes() {
		return String.join(",", this.ports.stream().map(p -> ServerSupport.HOST + ":" + p).toList());
	}

	public List<Integer> ports() {
		return List.copyOf(this.ports);
	}

	/** How many keys each master holds, in the order of {@link #ports()}. */
	public List<Long> keysPerNode() {
		return this.ports.stream().map(port -> {
			try (StatefulRedisConnection<String, String> c = connect(port)) {
				return c.sync().dbsize();
			}
		}).toList();
	}

	private void launch(Path directory, int masters) throws IOException {
		Path executable = RedisBinary.forThisMachine().installIn(directory.resolve("bin"));
		for (int i = 0; i < masters; i++) {
			int port = freePort();
			Path dir = Files.createDirectories(directory.resolve("node-" + port));
			ProcessBuilder builder = new ProcessBuilder(executable.toString(), "--bind", ServerSupport.HOST, "--port",
					Integer.toString(port), "--dir", dir.toString(), "--cluster-enabled", "yes", "--cluster-config-file",
					dir.resolve("nodes.conf").toString(), "--appendonly", "no", "--save", "", "--daemonize", "no")
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("redis.log").toFile());
			this.processes.add(builder.start());
			this.ports.add(port);
		}
		for (int port : this.ports) {
			await("node " + port + " to answer", () -> {
				try (StatefulRedisConnection<String, String> c = connect(port)) {
					return "PONG".equals(c.sync().ping());
				}
			});
		}
	}

	private void form() {
		int n = this.ports.size();
		for (int i = 0; i < n; i++) {
			int from = SLOTS * i / n;
			int to = SLOTS * (i + 1) / n;
			try (StatefulRedisConnection<String, String> c = connect(this.ports.get(i))) {
				c.sync().clusterAddSlots(IntStream.range(from, to).toArray());
			}
		}
		try (StatefulRedisConnection<String, String> first = connect(this.ports.get(0))) {
			for (int port : this.ports.subList(1, n)) {
				first.sync().clusterMeet(ServerSupport.HOST, port);
			}
		}
		for (int port : this.ports) {
			await("node " + port + " to see the cluster formed", () -> {
				try (StatefulRedisConnection<String, String> c = connect(port)) {
					String info = c.sync().clusterInfo();
					return info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:" + n);
				}
			});
		}
	}

	private StatefulRedisConnection<String, String> connect(int port) {
		return this.client.connect(RedisURI.builder().withHost(ServerSupport.HOST).withPort(port)
			.withTimeout(Duration.ofSeconds(5)).build());
	}

	static void await(String what, java.util.function.BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		RuntimeException last = null;
		while (System.nanoTime() < deadline) {
			try {
				if (condition.getAsBoolean()) {
					return;
				}
			}
			catch (RuntimeException ex) {
				last = ex;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted waiting for " + what, ex);
			}
		}
		throw new IllegalStateException("Timed out waiting for " + what, last);
	}

	@SuppressWarnings("try") // the bus port is held only to check it is free
	static int freePort() throws IOException {
		// a cluster node also listens on its port + 10000 (the cluster bus): keep both free
		for (int attempt = 0; attempt < 50; attempt++) {
			try (ServerSocket socket = new ServerSocket(0)) {
				int port = socket.getLocalPort();
				if (port + 10000 <= 65535) {
					try (ServerSocket bus = new ServerSocket(port + 10000)) {
						return port;
					}
					catch (IOException taken) {
						// try another
					}
				}
			}
		}
		throw new IOException("No free port pair for a Redis Cluster node");
	}

	@Override
	public void close() {
		this.client.shutdown();
		stop(this.processes);
	}

	/** Stops the servers (SIGTERM), killing those that have not stopped after 10 s. */
	static void stop(List<Process> processes) {
		for (Process process : processes) {
			process.destroy();
		}
		for (Process process : processes) {
			try {
				if (!process.waitFor(10, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
			}
		}
	}

}
