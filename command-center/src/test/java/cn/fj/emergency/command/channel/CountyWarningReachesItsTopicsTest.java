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
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real MQTT broker (Moquette, embedded): a warning for one county arrives on that county's topic and its
 * city's, QoS 1, as the published CAP document, and on no other area's topic; the broker's PUBACK acknowledges it
 * in the ledger.
 */
class CountyWarningReachesItsTopicsTest {

	static MqttBroker broker;

	static Hub hub;

	@BeforeAll
	static void start() throws IOException, MqttException {
		broker = MqttBroker.start();
		Map<String, Object> settings = new HashMap<>(Hub.freshHubSettings());
		settings.put("hub.channels.worker.poll-interval", "100ms");
		settings.put("hub.channels.retry.first", "100ms");
		settings.put("hub.channels.mqtt.broker-url", broker.url());
		hub = Hub.start(settings);
	}

	@AfterAll
	static void stop() throws MqttException {
		hub.close();
		broker.close();
	}

	@Test
	void warningForOneCountyArrivesOnItsTopicsAndNoOther() {
		// given a terminal subscribed to every area's topic, and a warning for Siming (350203) of Xiamen (350200)
		String officer = hub.officerToken(null, "DUTY_OFFICER");

		// when it is published
		Warnings.distribute(hub, Warnings.alert("FJ-MQ-0001", List.of("350200"), List.of("350203")));

		// then the terminal receives it on Siming's topic and Xiamen's, as the CAP document at QoS 1
		Warnings.await(Duration.ofSeconds(20), () -> broker.received.size() >= 2, "two MQTT messages");
		Warnings.await(Duration.ofSeconds(10), () -> acknowledged(officer, "FJ-MQ-0001") == 2, "PUBACKs recorded");
		assertThat(broker.received).extracting(MqttBroker.Received::topic)
			.containsExactlyInAnyOrder("fj/warnings/350203", "fj/warnings/350200");
		assertThat(broker.received).allSatisfy(r -> {
			assertThat(r.qos()).isEqualTo(1);
			assertThat(r.payload()).contains("<identifier>FJ-MQ-0001</identifier>");
		});

		// and a later warning for another county of the same city reaches only that county's topic and the city's
		broker.received.clear();
		Warnings.distribute(hub, Warnings.alert("FJ-MQ-0002", List.of("350200"), List.of("350211")));
		Warnings.await(Duration.ofSeconds(20), () -> acknowledged(officer, "FJ-MQ-0002") == 2, "PUBACKs recorded");
		Warnings.await(Duration.ofSeconds(10), () -> broker.received.size() >= 2, "two MQTT messages");
		assertThat(broker.received).extracting(MqttBroker.Received::topic)
			.containsExactlyInAnyOrder("fj/warnings/350211", "fj/warnings/350200")
			.doesNotContain("fj/warnings/350203");
	}

	private static long acknowledged(String officer, String identifier) {
		JsonNode rows = hub.getJson("/api/deliveries/" + identifier, officer);
		long n = 0;
		for (JsonNode row : rows) {
			if (row.get("channel").asString().equals("MQTT") && row.get("state").asString().equals("ACKNOWLEDGED")) {
				n++;
			}
		}
		return n;
	}

}
