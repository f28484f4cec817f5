package cn.fj.emergency.command.channel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import cn.fj.emergency.command.support.Pause;

/**
 * A real MQTT broker (Moquette, in memory) on a free local port, with a monitoring terminal subscribed to every
 * area's warning topic ({@code fj/warnings/#}, QoS 1): what every county's loudspeakers and boards would receive.
 */
final class MqttBroker implements AutoCloseable {

	record Received(String topic, int qos, String payload) {
	}

	private final Server server;

	private final MqttClient terminal;

	private final int port;

	/** Every message the terminal received, in arrival order. */
	final List<Received> received = new CopyOnWriteArrayList<>();

	private MqttBroker(Server server, int port, MqttClient terminal) {
		this.server = server;
		this.port = port;
		this.terminal = terminal;
	}

	static MqttBroker start() throws IOException, MqttException {
		int port = Warnings.freePort();
		Path data = Files.createTempDirectory("moquette");
		Properties props = new Properties();
		props.setProperty("host", "127.0.0.1");
		props.setProperty("port", Integer.toString(port));
		props.setProperty("websocket_port", "disabled");
		props.setProperty("allow_anonymous", "true");
		props.setProperty("persistence_enabled", "false");
		props.setProperty("data_path", data.toString());
		Server server = new Server();
		server.startServer(new MemoryConfig(props));
		MqttClient terminal = new MqttClient("tcp://127.0.0.1:" + port, "test-terminal", new MemoryPersistence());
		MqttBroker broker = new MqttBroker(server, port, terminal);
		MqttConnectOptions options = new MqttConnectOptions();
		options.setCleanSession(true);
		connect(terminal, options);
		terminal.subscribe("fj/warnings/#", 1, (topic, message) -> broker.received
			.add(new Received(topic, message.getQos(), new String(message.getPayload(), StandardCharsets.UTF_8))));
		return broker;
	}

	/**
	 * Connects the terminal, again up to twice when the broker drops the first connection before its CONNACK: in
	 * about one full test run in four, the freshly started Moquette closed the terminal's first connection after
	 * 0.3 s ("Connection lost", 32109). Any other failure, or a third drop, fails the test class.
	 */
	private static void connect(MqttClient terminal, MqttConnectOptions options) throws MqttException {
		for (int attempt = 1;; attempt++) {
			try {
				terminal.connect(options);
				return;
			}
			catch (MqttException ex) {
				if (ex.getReasonCode() != MqttException.REASON_CODE_CONNECTION_LOST || attempt == 3) {
					throw ex;
				}
				System.err.println("MQTT test terminal: connection " + attempt + " lost before CONNACK, connecting again");
				Pause.sleep(Duration.ofMillis(200));
			}
		}
	}

	/** The URL for {@code hub.channels.mqtt.broker-url}. */
	String url() {
		return "tcp://127.0.0.1:" + this.port;
	}

	/** The messages carrying the CAP alert with this identifier. */
	List<Received> receivedFor(String identifier) {
		String element = "<identifier>" + identifier + "</identifier>";
		return this.received.stream().filter(r -> r.payload().contains(element)).toList();
	}

	@Override
	public void close() throws MqttException {
		this.terminal.disconnect();
		this.terminal.close();
		this.server.stopServer();
	}

}
