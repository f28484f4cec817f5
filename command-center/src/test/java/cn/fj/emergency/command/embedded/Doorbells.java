package cn.fj.emergency.command.embedded;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that the doorbell carries reports on one hub instance to a console on another, whatever the Redis. */
final class Doorbells {

	private Doorbells() {
	}

	/**
	 * Two instances of one fresh hub on the Redis these settings describe (instead of the shared one), whose log
	 * polls are a minute apart: within seconds, only the doorbell carries an event from one to the other.
	 */
	static List<Hub> twoInstancesOn(Map<String, String> redis) {
		Map<String, Object> settings = Hub.freshHubSettings();
		settings.remove("spring.data.redis.url");
		settings.putAll(redis);
		settings.put("hub.stream.poll-interval", "60s");
		return List.of(Hub.start(settings), Hub.start(settings));
	}

	/**
	 * A console on {@code b} takes a first report of {@code a} from the log and is then live at its head; then, for
	 * each step, the step runs and one more report on {@code a} must reach the console. With the instances' log poll
	 * set far apart, only the doorbell delivers in time.
	 */
	static void reportsReachTheOtherInstance(Hub a, Hub b, String prefix, Runnable... steps) {
		try (HubClient console = b.console(b.dutyOfficerToken()); HubClient city = a.city("350200")) {
			JsonNode first = city.request("incidents.report", Reports.xiamen(prefix + "-0")).block(Duration.ofSeconds(10));
			JsonNode[] receipts = new JsonNode[steps.length];
			JsonNode[] events = new JsonNode[steps.length];
			StepVerifier.Step<JsonNode> verify = StepVerifier
				.create(console.stream("events.stream", Map.of("after", first.get("seq").asLong() - 1)))
				.assertNext(event -> assertThat(event.get("seq").asLong()).isEqualTo(first.get("seq").asLong()));
			for (int i = 0; i < steps.length; i++) {
				int n = i;
				String reportId = prefix + "-" + (n + 1);
				// the event may arrive before the receipt: matched by report id here, by seq below
				verify = verify.then(() -> {
					steps[n].run();
					receipts[n] = city.request("incidents.report", Reports.xiamen(reportId)).block(Duration.ofSeconds(10));
				}).assertNext(event -> {
					assertThat(event.get("data").get("reportId").asString()).isEqualTo(reportId);
					events[n] = event;
				});
			}
			verify.thenCancel().verify(Duration.ofSeconds(20L + 30L * steps.length));
			for (int i = 0; i < steps.length; i++) {
				assertThat(events[i].get("seq").asLong()).isEqualTo(receipts[i].get("seq").asLong());
			}
		}
	}

}
