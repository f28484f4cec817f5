package cn.fj.emergency.command.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.Pause;

/**
 * Approved warning → handed to every channel: a warning for Siming (350203, Xiamen) is composed, submitted,
 * approved by a second officer, then published; the time runs from the publish request to the last arrival at
 * the channels' receivers: the MQTT terminal (a real broker, Moquette, in this JVM; topics of the county and the
 * city) and a webhook receiver subscribed for Xiamen. Under background city-link report load.
 */
final class WarningBench implements AutoCloseable {

	private static final Pattern IDENTIFIER = Pattern.compile("<identifier>([^<]+)</identifier>");

	/** Arrival times ({@link System#nanoTime()}) by identifier and receiver (MQTT topic, or "webhook"). */
	private final Map<String, Map<String, Long>> arrivals;

	private final Server broker;

	private final MqttClient terminal;

	private final DisposableServer webhook;

	private final int mqttPort;

	private final BenchConfig config;

	private WarningBench(BenchConfig config, Map<String, Map<String, Long>> arrivals, Server broker, int mqttPort,
			MqttClient terminal, DisposableServer webhook) {
		this.config = config;
		this.arrivals = arrivals;
		this.broker = broker;
		this.mqttPort = mqttPort;
		this.terminal = terminal;
		this.webhook = webhook;
	}

	/** The broker and the receivers, started before the hub so that its settings can name the broker. */
	static WarningBench start(BenchConfig config) {
		try {
			int port = freePort();
			Properties props = new Properties();
			props.setProperty("host", "127.0.0.1");
			props.setProperty("port", Integer.toString(port));
			props.setProperty("websocket_port", "disabled");
			props.setProperty("allow_anonymous", "true");
			props.setProperty("persistence_enabled", "false");
			props.setProperty("data_path", Files.createTempDirectory("bench-moquette").toString());
			Server broker = new Server();
			broker.startServer(new MemoryConfig(props));
			Map<String, Map<String, Long>> arrivals = new ConcurrentHashMap<>();
			DisposableServer webhook = HttpServer.create()
				.host("127.0.0.1")
				.port(0)
				.handle((request, response) -> request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
					.flatMap(body -> {
						record(arrivals, body, "webhook");
						return response.status(200).sendString(Mono.just("{\"status\":\"ACCEPTED\"}")).then();
					}))
				.bindNow();
			MqttClient terminal = new MqttClient("tcp://127.0.0.1:" + port, "bench-terminal", new MemoryPersistence());
			MqttConnectOptions options = new MqttConnectOptions();
			options.setCleanSession(true);
			terminal.connect(options);
			terminal.subscribe("fj/warnings/#", 1,
					(topic, message) -> record(arrivals, new String(message.getPayload(), StandardCharsets.UTF_8), topic));
			return new WarningBench(config, arrivals, broker, port, terminal, webhook);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (MqttException ex) {
			throw new IllegalStateException("Could not connect the MQTT terminal", ex);
		}
	}

	private static void record(Map<String, Map<String, Long>> into, String payload, String receiver) {
		long now = System.nanoTime();
		Matcher m = IDENTIFIER.matcher(payload);
		if (m.find()) {
			into.computeIfAbsent(m.group(1), k -> new ConcurrentHashMap<>()).putIfAbsent(receiver, now);
		}
	}

	/** Settings for the hub that publishes: MQTT enabled on this broker. */
	void configure(Map<String, Object> settings) {
		settings.put("hub.channels.mqtt.broker-url", "tcp://127.0.0.1:" + this.mqttPort);
		// the bench's warnings are Exercise: its terminals and webhook take exercises (docs/channels.md)
		settings.put("hub.channels.mqtt.exercises", "true");
	}

	/** Latencies of the hand-offs, and how many never completed within 30 s. */
	record Result(Histogram latency, int warnings, int incomplete) {
	}

	Result run(Hub hub) {
		String admin = hub.adminToken();
		hub.postJson("/api/admin/channels/subscriptions", admin, Map.of("channel", "WEBHOOK", "name", "bench Xiamen",
				"address", "http://127.0.0.1:" + this.webhook.port() + "/hook", "secret", "bench-webhook-secret-0123",
				"areas", List.of("350200"), "exercises", true), 201);
		String author = hub.officerToken(null, "DUTY_OFFICER");
		String approver = hub.officerToken(null, "DUTY_OFFICER");
		Histogram latency = Load.histogram();
		int incomplete = 0;
		Random random = new Random(20261202);
		LongAdder background = new LongAdder();
		Duration loadFor = Duration.ofSeconds(this.config.warnings() * 4L + 60);
		try (CityReports cities = CityReports.connect(hub, 8, "warn-bg-" + System.currentTimeMillis())) {
			reactor.core.Disposable load = Load.atRate(this.config.backgroundRate(), loadFor,
					(i, at) -> cities.report((int) i).subscribe(r -> background.increment(), e -> {
					})).subscribe();
			try {
				Pause.sleep(this.config.warmup());
				for (int w = 0; w < this.config.warnings(); w++) {
					JsonNode draft = hub.postJson("/api/warnings", author, content(), 201);
					String id = draft.get("identifier").asString();
					hub.postJson("/api/warnings/" + id + "/submit", author, Map.of(), 200);
					hub.postJson("/api/warnings/" + id + "/approve", approver, Map.of(), 200);
					long start = System.nanoTime();
					hub.postJson("/api/warnings/" + id + "/publish", author, Map.of(), 200);
					Long last = awaitAll(id, Duration.ofSeconds(30));
					if (last == null) {
						incomplete++;
					}
					else {
						latency.recordValue(Math.min(Load.MAX_MICROS, (last - start) / 1000));
					}
					Pause.sleep(Duration.ofMillis(random.nextInt(1000)));
				}
			}
			finally {
				load.dispose();
			}
		}
		System.out.printf("warnings: %d, incomplete %d, %s, background reports %d%n", this.config.warnings(), incomplete,
				Load.summary(latency), background.sum());
		return new Result(latency, this.config.warnings(), incomplete);
	}

	/** The last arrival once the MQTT topics of the county and the city and the webhook all have it. */
	private @Nullable Long awaitAll(String identifier, Duration within) {
		Set<String> expected = Set.of("fj/warnings/350203", "fj/warnings/350200");
		long deadline = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < deadline) {
			Map<String, Long> seen = this.arrivals.getOrDefault(identifier, Map.of());
			Long hook = seen.get("webhook");
			if (hook != null && seen.keySet().containsAll(expected)) {
				long last = hook;
				for (String topic : expected) {
					last = Math.max(last, seen.get(topic));
				}
				return last;
			}
			Pause.sleep(Duration.ofMillis(2));
		}
		return null;
	}

	List<Figure> figures(Result result) {
		double p99 = result.latency().getValueAtPercentile(99) / 1000.0;
		return List.of(new Figure("Approved warning → handed to every channel, under " + this.config.backgroundRate()
				+ " reports/s", Load.summary(result.latency()) + " over " + result.warnings() + " warnings, "
						+ result.incomplete() + " not handed off within 30 s",
				"–", null, "p99 ≤ 1 s", p99 <= 1000 && result.incomplete() == 0 && result.latency().getTotalCount() > 0,
				"from the publish request of an approved warning to its last arrival: MQTT (embedded Moquette, topics "
						+ "350203 and 350200, QoS 1) and a webhook receiver; default hub.channels.worker.poll-interval",
				null));
	}

	private static Map<String, Object> content() {
		Map<String, Object> area = new HashMap<>();
		area.put("description", "厦门市思明区 Siming, Xiamen");
		area.put("codes", List.of("350203"));
		Map<String, Object> content = new HashMap<>();
		content.put("status", "Exercise");
		content.put("colour", "yellow");
		content.put("expires", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(6).withNano(0).toString());
		content.put("texts", List.of(
				Map.of("language", "zh-CN", "event", "台风", "headline", "台风黄色预警", "description", "未来24小时台风影响"),
				Map.of("language", "en", "event", "Typhoon", "headline", "Typhoon yellow warning", "description",
						"Typhoon within 24 hours")));
		content.put("areas", List.of(area));
		return content;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.terminal.disconnect();
			this.terminal.close();
		}
		catch (MqttException ex) {
			System.err.println("MQTT terminal did not close cleanly: " + ex);
		}
		this.broker.stopServer();
		this.webhook.disposeNow();
	}

}
