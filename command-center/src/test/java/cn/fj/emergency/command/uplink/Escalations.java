package cn.fj.emergency.command.uplink;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.NewEvent;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.Reports;

/** What the escalation tests share: hub settings pointing at a peer, reports by level, level changes, waiting. */
final class Escalations {

	private Escalations() {
	}

	/** A fresh hub's settings with the uplink to {@code peer}, and short timings. */
	static Map<String, Object> settings(NationalPeerStub peer) {
		Map<String, Object> settings = Hub.freshHubSettings();
		settings.put("hub.national.url", peer.url());
		settings.put("hub.national.token", NationalPeerStub.TOKEN);
		settings.put("hub.national.request-timeout", "2s");
		settings.put("hub.national.backoff-min", "50ms");
		settings.put("hub.national.backoff-max", "200ms");
		settings.put("hub.national.poll-interval", "100ms");
		settings.put("hub.national.lease", "30s");
		return settings;
	}

	static Map<String, Object> report(String reportId, String level) {
		Map<String, Object> report = Reports.xiamen(reportId);
		report.put("level", level);
		return report;
	}

	/**
	 * Appends {@code incident.level-changed} as the incidents feature will (the event contract of
	 * docs/national-uplink.md), in a transaction of its own; answers its seq.
	 */
	static long changeLevel(Hub hub, String incidentId, String from, String to) {
		EventLog events = hub.context().getBean(EventLog.class);
		TransactionalOperator transactions = hub.context().getBean(TransactionalOperator.class);
		Map<String, Object> data = Map.of("id", incidentId, "cityCode", "350200", "level", to, "previousLevel", from,
				"reason", "spreading", "by", "officer:test", "at", Instant.now().toString(), "version", 2);
		NewEvent changed = NewEvent.critical("incidents", "incident.level-changed", incidentId, List.of("350200"), false,
				data);
		return transactions.transactional(events.append(List.of(changed))).block(Duration.ofSeconds(10)).get(0);
	}

	static JsonNode upstream(Hub hub, String token, String incidentId) {
		return hub.getJson("/api/incidents/" + incidentId + "/upstream", token);
	}

	/** Polls until the answer satisfies {@code until}, for at most {@code within}; answers the last answer. */
	static JsonNode await(Supplier<JsonNode> poll, Predicate<JsonNode> until, Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		JsonNode last = poll.get();
		while (!until.test(last) && System.nanoTime() < deadline) {
			LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
			last = poll.get();
		}
		return last;
	}

	static boolean acknowledged(JsonNode upstream) {
		return "ACKNOWLEDGED".equals(upstream.path("upstream").asString());
	}

}
