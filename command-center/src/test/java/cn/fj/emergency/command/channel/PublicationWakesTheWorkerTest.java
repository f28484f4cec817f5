package cn.fj.emergency.command.channel;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.fj.emergency.command.support.Hub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commit of a publication wakes this instance's delivery worker: with a poll interval of an hour, a published
 * warning still reaches the MQTT terminal (a real broker) within the test's wait, which only the wake can do.
 */
class PublicationWakesTheWorkerTest {

	static MqttBroker broker;

	static Hub hub;

	@BeforeAll
	static void start() throws IOException, MqttException {
		broker = MqttBroker.start();
		Map<String, Object> settings = new HashMap<>(Hub.freshHubSettings());
		settings.put("hub.channels.worker.poll-interval", "1h");
		settings.put("hub.channels.mqtt.broker-url", broker.url());
		hub = Hub.start(settings);
	}

	@AfterAll
	static void stop() throws MqttException {
		hub.close();
		broker.close();
	}

	@Test
	void publishedWarningIsSentWithoutWaitingForThePoll() {
		Warnings.distribute(hub, Warnings.alert("FJ-WAKE-0001", List.of("350200"), List.of("350203")));

		Warnings.await(Duration.ofSeconds(60), () -> broker.receivedFor("FJ-WAKE-0001").size() >= 2, "two MQTT messages");
		assertThat(broker.receivedFor("FJ-WAKE-0001")).extracting(MqttBroker.Received::topic)
			.containsExactlyInAnyOrder("fj/warnings/350203", "fj/warnings/350200");
	}

}
