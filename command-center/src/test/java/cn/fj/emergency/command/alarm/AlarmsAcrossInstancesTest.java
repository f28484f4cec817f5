package cn.fj.emergency.command.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.console.Browser;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alarms on two hub instances sharing one PostgreSQL and one Redis: level I/II reports sent to both at once raise one
 * alarm each, however the instances race; an exercise (drill) incident and a level III one raise none; a raise to level
 * I alarms, a lowering does not; an acknowledgement on one instance records who and when, clears the alarm on the
 * other, and is recorded once.
 */
class AlarmsAcrossInstancesTest {

	static final Duration WAIT = Duration.ofSeconds(20);

	static List<Hub> hubs;

	static DatabaseClient db;

	@BeforeAll
	static void start() {
		hubs = Hub.cluster(2);
		db = hubs.get(0).context().getBean(DatabaseClient.class);
		Browser.createOfficer(hubs.get(0), "zhao.lei", "duty-password-1", null, "DUTY_OFFICER");
		Browser.createOfficer(hubs.get(0), "qian.yu", "duty-password-2", null, "COMMANDER");
	}

	@AfterAll
	static void stop() {
		hubs.forEach(Hub::close);
	}

	static Map<String, Object> report(String id, String level, boolean exercise) {
		Map<String, Object> report = Reports.xiamen(id);
		report.put("level", level);
		report.put("exercise", exercise);
		return report;
	}

	static JsonNode openAlarms(int instance, String token) {
		return hubs.get(instance).getJson("/api/alarms", token);
	}

	static List<String> openSubjects(int instance, String token) {
		List<String> subjects = new ArrayList<>();
		openAlarms(instance, token).forEach(a -> subjects.add(a.path("subjectId").asString()));
		return subjects;
	}

	static long count(String sql, String arg) {
		return db.sql(sql).bind(0, arg).map(r -> r.get(0, Long.class)).one().block(WAIT);
	}

	static void waitUntil(Callable<Boolean> condition, String what) {
		Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(condition);
	}

	@Test
	void reportsSentToBothInstancesAtOnceRaiseOneAlarmEach() {
		String officer = hubs.get(1).signIn("zhao.lei", "duty-password-1");
		List<String> incidents;
		try (HubClient first = hubs.get(0).city("350200"); HubClient second = hubs.get(1).city("350200")) {
			incidents = Flux.range(0, 12)
				.flatMapSequential(i -> (i % 2 == 0 ? first : second).request("incidents.report",
						report("twin-" + i, i % 3 == 0 ? "II" : "I", false)))
				.map(receipt -> receipt.get("incidentId").asString())
				.collectList()
				.block(WAIT);
		}
		assertThat(incidents).hasSize(12);

		waitUntil(() -> openSubjects(0, officer).containsAll(incidents), "an alarm for each of the 12 incidents");
		List<String> subjects = openSubjects(1, officer);
		assertThat(subjects.stream().filter(incidents::contains)).as("one alarm per incident, on either instance")
			.hasSize(12)
			.doesNotHaveDuplicates();
		for (String incident : incidents) {
			assertThat(count("select count(*) from alarm where subject_id = $1", incident)).isEqualTo(1);
			assertThat(count("select count(*) from event_log where type = 'alarm.raised' and payload->>'subjectId' = $1",
					incident))
				.as("alarm.raised events for " + incident)
				.isEqualTo(1);
		}
		JsonNode one = null;
		for (JsonNode alarm : openAlarms(0, officer)) {
			if (alarm.path("subjectId").asString().equals(incidents.get(0))) {
				one = alarm;
			}
		}
		assertThat(one).isNotNull();
		assertThat(one.path("kind").asString()).isEqualTo("INCIDENT_LEVEL");
		assertThat(one.path("level").asString()).isEqualTo("II");
		assertThat(one.path("cityCode").asString()).isEqualTo("350200");
		assertThat(one.path("summary").asString()).isEqualTo("Waterlogging twin-0");
		assertThat(one.path("acknowledgedBy").isNull()).isTrue();
	}

	@Test
	void anExerciseLevelIIncidentAndALevelIIIOneRaiseNoAlarm() {
		String officer = hubs.get(0).signIn("zhao.lei", "duty-password-1");
		String drill;
		String minor;
		String fence;
		try (HubClient xiamen = hubs.get(1).city("350200")) {
			drill = xiamen.request("incidents.report", report("drill-I", "I", true)).block(WAIT).get("incidentId").asString();
			minor = xiamen.request("incidents.report", report("minor-III", "III", false)).block(WAIT).get("incidentId").asString();
			// reported after the two, so once its alarm is raised the tailer has read past them
			fence = xiamen.request("incidents.report", report("fence-II", "II", false)).block(WAIT).get("incidentId").asString();
		}
		waitUntil(() -> openSubjects(0, officer).contains(fence), "the alarm of the real level II incident");
		assertThat(openSubjects(0, officer)).doesNotContain(drill, minor);
		assertThat(count("select count(*) from alarm where subject_id = $1", drill)).isZero();
		assertThat(count("select count(*) from alarm where subject_id = $1", minor)).isZero();
	}

	@Test
	void aLevelRaisedToIAlarmsAndALevelLoweredDoesNot() {
		String officer = hubs.get(0).signIn("zhao.lei", "duty-password-1");
		String incident;
		try (HubClient xiamen = hubs.get(0).city("350200")) {
			incident = xiamen.request("incidents.report", report("raised-later", "III", false)).block(WAIT)
				.get("incidentId").asString();
		}
		hubs.get(1).postJson("/api/incidents/" + incident + "/level", officer,
				Map.of("level", "I", "reason", "the dam is failing"), 200);
		waitUntil(() -> openSubjects(0, officer).contains(incident), "the alarm of the raise to level I");
		hubs.get(1).postJson("/api/incidents/" + incident + "/level", officer,
				Map.of("level", "II", "reason", "the dam holds"), 200);
		// the lowering is on the log before this fence; once the fence alarms, the lowering has been read
		String fence;
		try (HubClient xiamen = hubs.get(0).city("350200")) {
			fence = xiamen.request("incidents.report", report("fence-lowered", "I", false)).block(WAIT)
				.get("incidentId").asString();
		}
		waitUntil(() -> openSubjects(1, officer).contains(fence), "the fence's alarm");
		assertThat(count("select count(*) from alarm where subject_id = $1", incident)).isEqualTo(1);
		assertThat(db.sql("select cause from alarm where subject_id = $1").bind(0, incident)
			.map(r -> r.get(0, String.class)).one().block(WAIT)).isEqualTo("incident:" + incident + ":level:I");
	}

	@Test
	void anAcknowledgementOnOneInstanceRecordsWhoAndWhenAndClearsTheAlarmEverywhere() {
		String duty = hubs.get(0).signIn("zhao.lei", "duty-password-1");
		String commander = hubs.get(1).signIn("qian.yu", "duty-password-2");
		String incident;
		try (HubClient xiamen = hubs.get(0).city("350200")) {
			incident = xiamen.request("incidents.report", report("to-acknowledge", "I", false)).block(WAIT)
				.get("incidentId").asString();
		}
		waitUntil(() -> openSubjects(1, commander).contains(incident), "the alarm");
		String alarmId = null;
		for (JsonNode alarm : openAlarms(1, commander)) {
			if (alarm.path("subjectId").asString().equals(incident)) {
				alarmId = alarm.path("id").asString();
			}
		}
		Instant before = Instant.now();

		JsonNode acknowledged = hubs.get(1).postJson("/api/alarms/" + alarmId + "/acknowledge", commander, Map.of(), 200);

		assertThat(acknowledged.path("acknowledgedBy").asString()).isEqualTo("qian.yu");
		Instant at = Instant.parse(acknowledged.path("acknowledgedAt").asString());
		assertThat(at).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
		assertThat(openSubjects(0, duty)).as("open alarms on the other instance").doesNotContain(incident);
		// a second officer pressing too: nothing changes, the first acknowledgement stands
		JsonNode again = hubs.get(0).postJson("/api/alarms/" + alarmId + "/acknowledge", duty, Map.of(), 200);
		assertThat(again.path("acknowledgedBy").asString()).isEqualTo("qian.yu");
		assertThat(Instant.parse(again.path("acknowledgedAt").asString())).isEqualTo(at);
		assertThat(count("select count(*) from event_log where type = 'alarm.acknowledged' and subject_id = $1", alarmId))
			.isEqualTo(1);
		assertThat(count("select count(*) from audit_record where subject = $1 and action = 'alarm.acknowledged' and actor = 'qian.yu'", alarmId))
			.as("the acknowledgement in the audit trail")
			.isEqualTo(1);

		JsonNode unknown = hubs.get(0).postJson("/api/alarms/0193a0d9-1c44-7a02-8e51-3b2d4f6a8c01/acknowledge", duty,
				Map.of(), 404);
		assertThat(unknown.path("code").asString()).isEqualTo("ALARM_NOT_FOUND");
		Set<Integer> refused = new HashSet<>();
		String platform = hubs.get(0).cityPlatformToken("350200").get("token").asString();
		refused.add(hubs.get(0).http().post().uri("/api/alarms/" + alarmId + "/acknowledge")
			.headers(h -> h.setBearerAuth(platform)).exchange().returnResult(Void.class).getStatus().value());
		assertThat(refused).containsExactly(403);
	}

}
