package cn.fj.emergency.command.stream;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console that stops asking for events while critical events keep coming is cut off with its last sequence,
 * and resumes from it without loss.
 */
class SlowSubscriberTest {

	static Hub hub;

	@BeforeAll
	static void startHubWithSmallBuffers() {
		Map<String, Object> settings = new java.util.HashMap<>(Hub.freshHubSettings());
		settings.put("hub.stream.subscriber-buffer", "16");
		hub = Hub.start(settings);
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	@Test
	void tooSlowSubscriberIsCutOffAndResumesWithoutLoss() {
		String officer = hub.dutyOfficerToken();
		try (HubClient city = hub.city("350200"); HubClient slow = hub.console(officer)) {
			long[] lastSeq = new long[1];
			StepVerifier.create(slow.stream("events.stream", Map.of("after", 0)), 3)
				.then(() -> Flux.range(0, 100)
					.concatMap(i -> city.request("incidents.report", Reports.xiamen("slow-" + i)))
					.blockLast(Duration.ofSeconds(60)))
				.expectNextCount(3)
				.expectErrorSatisfies(error -> {
					JsonNode body = HubClient.errorBody(error);
					assertThat(body.get("code").asString()).isEqualTo("SUBSCRIBER_TOO_SLOW");
					assertThat(body.get("retryable").asBoolean()).isTrue();
					lastSeq[0] = body.get("lastSeq").asLong();
				})
				.verify(Duration.ofSeconds(60));
			assertThat(lastSeq[0]).isEqualTo(3);

			try (HubClient resumed = hub.console(officer)) {
				List<Long> rest = resumed.stream("events.stream", Map.of("after", lastSeq[0]))
					.take(97)
					.map(e -> e.get("seq").asLong())
					.collectList()
					.block(Duration.ofSeconds(30));
				assertThat(rest).first().isEqualTo(4L);
				assertThat(rest).last().isEqualTo(100L);
				assertThat(rest).doesNotHaveDuplicates().isSorted();
			}
		}
	}

}
