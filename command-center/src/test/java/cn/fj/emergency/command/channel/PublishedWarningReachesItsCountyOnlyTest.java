package cn.fj.emergency.command.channel;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.stream.persistence.EventStore;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.WarningContents;
import cn.fj.emergency.command.support.HubClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path of a public warning, from an officer's draft over HTTP to the parties that receive it: composed by
 * one officer, approved by a second, published by the first; then it reaches its county's broadcast terminals' MQTT
 * topic (and its city's) on a real broker and its city platform's {@code warnings.stream}, and no other county's
 * topic and no other city platform.
 */
class PublishedWarningReachesItsCountyOnlyTest {

	static final Duration WAIT = Duration.ofSeconds(20);

	static MqttBroker broker;

	static Hub hub;

	static final List<Throwable> streamErrors = new CopyOnWriteArrayList<>();

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
	void aWarningForSimingReachesSimingsTerminalsAndXiamenOnly() {
		String author = hub.officerToken(null, "DUTY_OFFICER");
		String reviewer = hub.officerToken(null, "DUTY_OFFICER");
		long start = hub.context().getBean(EventStore.class).head().block(WAIT);
		List<JsonNode> xiamen = new CopyOnWriteArrayList<>();
		List<JsonNode> fuzhou = new CopyOnWriteArrayList<>();
		List<JsonNode> quanzhou = new CopyOnWriteArrayList<>();
		try (HubClient xiamenPlatform = hub.city("350200");
				HubClient fuzhouPlatform = hub.city("350100");
				HubClient quanzhouPlatform = hub.city("350500")) {
			// given three city platforms following their warnings live
			List<Disposable> streams = List.of(follow(xiamenPlatform, start, xiamen),
					follow(fuzhouPlatform, start, fuzhou), follow(quanzhouPlatform, start, quanzhou));

			// when a warning for Siming (350203, Xiamen) is drafted, approved by a second officer and published
			String siming = publish(author, reviewer, "350203");

			// then Siming's terminals and Xiamen's city-wide terminals get it over MQTT, and no other area's
			Warnings.await(WAIT, () -> broker.receivedFor(siming).size() >= 2, "two MQTT messages for " + siming);
			Warnings.await(WAIT, () -> acknowledged(author, siming) == 2, "both PUBACKs in the ledger");
			assertThat(broker.receivedFor(siming)).extracting(MqttBroker.Received::topic)
				.containsExactlyInAnyOrder("fj/warnings/350203", "fj/warnings/350200");
			// and Xiamen's platform gets it on warnings.stream, as the published CAP document
			Warnings.await(WAIT, () -> !xiamen.isEmpty(), "Xiamen's warnings.stream");
			JsonNode event = xiamen.get(0);
			assertThat(event.get("type").asString()).isEqualTo("warning.published");
			assertThat(event.get("subjectId").asString()).isEqualTo(siming);
			assertThat(event.get("data").get("capXml").asString())
				.contains("<identifier>" + siming + "</identifier>", "<geocode>");

			// and when one warning each is published for Gulou (350102, Fuzhou) and Licheng (350502, Quanzhou),
			String gulou = publish(author, reviewer, "350102");
			String licheng = publish(author, reviewer, "350502");
			Warnings.await(WAIT, () -> !fuzhou.isEmpty() && !quanzhou.isEmpty(), "Fuzhou's and Quanzhou's streams");
			Warnings.await(WAIT, () -> broker.receivedFor(gulou).size() >= 2 && broker.receivedFor(licheng).size() >= 2,
					"MQTT messages for the later warnings");

			// then those cities' first warning is their own: Siming's, published before, never reached them
			assertThat(fuzhou.get(0).get("subjectId").asString()).isEqualTo(gulou);
			assertThat(quanzhou.get(0).get("subjectId").asString()).isEqualTo(licheng);
			assertThat(broker.receivedFor(gulou)).extracting(MqttBroker.Received::topic)
				.containsExactlyInAnyOrder("fj/warnings/350102", "fj/warnings/350100");
			assertThat(broker.receivedFor(licheng)).extracting(MqttBroker.Received::topic)
				.containsExactlyInAnyOrder("fj/warnings/350502", "fj/warnings/350500");
			// and Xiamen saw nothing of theirs: one message per warning on each topic, nothing else anywhere
			assertThat(xiamen).extracting(e -> e.get("subjectId").asString()).containsOnly(siming);
			assertThat(fuzhou).extracting(e -> e.get("subjectId").asString()).containsOnly(gulou);
			assertThat(quanzhou).extracting(e -> e.get("subjectId").asString()).containsOnly(licheng);
			assertThat(broker.received).hasSize(6);
			assertThat(streamErrors).isEmpty();
			streams.forEach(Disposable::dispose);
		}
	}

	private static Disposable follow(HubClient platform, long after, List<JsonNode> into) {
		return platform.stream("warnings.stream", Map.of("after", after))
			.subscribe(into::add, streamErrors::add);
	}

	/** Drafted by the author over HTTP, approved by the reviewer, published by the author: returns the identifier. */
	private static String publish(String author, String reviewer, String county) {
		Map<String, Object> content = WarningContents.actual("yellow", List.of(county));
		String id = hub.postJson("/api/warnings", author, content, 201).get("identifier").asString();
		hub.postJson("/api/warnings/" + id + "/submit", author, Map.of(), 200);
		hub.postJson("/api/warnings/" + id + "/approve", reviewer, Map.of("comment", "checked"), 200);
		JsonNode published = hub.postJson("/api/warnings/" + id + "/publish", author, Map.of(), 200);
		assertThat(published.get("state").asString()).isEqualTo("PUBLISHED");
		return id;
	}

	private static long acknowledged(String officer, String identifier) {
		long n = 0;
		for (JsonNode row : hub.getJson("/api/deliveries/" + identifier, officer)) {
			if (row.get("channel").asString().equals("MQTT") && row.get("state").asString().equals("ACKNOWLEDGED")) {
				n++;
			}
		}
		return n;
	}

}
