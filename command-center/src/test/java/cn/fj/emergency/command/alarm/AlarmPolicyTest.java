package cn.fj.emergency.command.alarm;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.stream.Criticality;
import cn.fj.emergency.command.stream.HubEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** Which events raise an alarm, and the cause that makes it raise once. */
class AlarmPolicyTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static Optional<AlarmCause> causeOf(String stream, String type, String subject, boolean exercise, String data) {
		HubEvent event = new HubEvent(42, stream, type, subject, List.of("350200"), Criticality.CRITICAL, null, exercise,
				Instant.parse("2026-12-07T07:00:00Z"), data);
		return AlarmPolicy.causeOf(event, JSON.readTree(data));
	}

	static Optional<AlarmCause> reported(String level, boolean exercise) {
		return causeOf("incidents", "incident.reported", "inc-1", exercise,
				"{\"id\":\"inc-1\",\"cityCode\":\"350200\",\"level\":\"" + level + "\",\"title\":\"Dam breach\"}");
	}

	static Optional<AlarmCause> levelChanged(String previous, String level) {
		return causeOf("incidents", "incident.level-changed", "inc-1", false, "{\"id\":\"inc-1\",\"cityCode\":\"350200\","
				+ "\"level\":\"" + level + "\",\"previousLevel\":\"" + previous + "\"}");
	}

	@Test
	void aRealLevelIOrIIReportAlarmsOncePerLevel() {
		AlarmCause cause = reported("I", false).orElseThrow();
		assertThat(cause.kind()).isEqualTo(AlarmKind.INCIDENT_LEVEL);
		assertThat(cause.cause()).isEqualTo("incident:inc-1:level:I");
		assertThat(cause.cityCode()).isEqualTo("350200");
		assertThat(cause.summary()).isEqualTo("Dam breach");
		assertThat(cause.sourceSeq()).isEqualTo(42);
		assertThat(reported("II", false)).map(AlarmCause::cause).contains("incident:inc-1:level:II");
		assertThat(reported("III", false)).isEmpty();
		assertThat(reported("IV", false)).isEmpty();
	}

	@Test
	void exerciseEventsNeverAlarm() {
		assertThat(reported("I", true)).isEmpty();
		assertThat(causeOf("orders", "order.overdue", "o-1", true,
				"{\"orderId\":\"o-1\",\"orderRef\":\"drill-7\",\"cityCode\":\"350200\"}")).isEmpty();
		assertThat(causeOf("deliveries", "delivery.state-changed", "FJ-1", true,
				"{\"identifier\":\"FJ-1\",\"channel\":\"SMS\",\"recipient\":\"s-1\",\"messageId\":\"m-1\",\"state\":\"FAILED\"}"))
			.isEmpty();
	}

	@Test
	void aLevelRaisedToIOrIIAlarmsAndALevelLoweredDoesNot() {
		assertThat(levelChanged("III", "I")).map(AlarmCause::cause).contains("incident:inc-1:level:I");
		assertThat(levelChanged("II", "I")).map(AlarmCause::cause).contains("incident:inc-1:level:I");
		assertThat(levelChanged("IV", "II")).map(AlarmCause::cause).contains("incident:inc-1:level:II");
		assertThat(levelChanged("I", "II")).isEmpty();
		assertThat(levelChanged("II", "III")).isEmpty();
		assertThat(levelChanged("IV", "III")).isEmpty();
	}

	@Test
	void anOverdueTargetAlarmsOncePerOrderAndCity() {
		AlarmCause cause = causeOf("orders", "order.overdue", "o-1", false,
				"{\"orderId\":\"o-1\",\"orderRef\":\"typhoon-7\",\"cityCode\":\"350600\",\"state\":null}").orElseThrow();
		assertThat(cause.kind()).isEqualTo(AlarmKind.ORDER_OVERDUE);
		assertThat(cause.cause()).isEqualTo("order:o-1:overdue:350600");
		assertThat(cause.cityCode()).isEqualTo("350600");
		assertThat(cause.summary()).isEqualTo("typhoon-7");
	}

	@Test
	void onlyAFailedDeliveryAlarmsEachTimeItFails() {
		String failed = "{\"identifier\":\"FJ-1\",\"channel\":\"WEBHOOK\",\"recipient\":\"s-1\",\"messageId\":\"m-1\","
				+ "\"state\":\"FAILED\",\"lastError\":\"timeout\"}";
		AlarmCause cause = causeOf("deliveries", "delivery.state-changed", "FJ-1", false, failed).orElseThrow();
		assertThat(cause.kind()).isEqualTo(AlarmKind.DELIVERY_FAILED);
		assertThat(cause.cause()).isEqualTo("delivery:m-1:failed:42");
		assertThat(cause.subjectId()).isEqualTo("FJ-1");
		assertThat(cause.summary()).isEqualTo("WEBHOOK s-1");
		assertThat(causeOf("deliveries", "delivery.state-changed", "FJ-1", false, failed.replace("FAILED", "SENT")))
			.isEmpty();
	}

	@Test
	void otherEventsDoNotAlarm() {
		assertThat(causeOf("incidents", "incident.status-changed", "inc-1", false, "{\"status\":\"VERIFIED\"}")).isEmpty();
		assertThat(causeOf("warnings", "warning.published", "FJ-1", false, "{}")).isEmpty();
	}

	@Test
	void aPlatformAlarmsOncePerTimeItWasOnline() {
		AlarmCause cause = AlarmPolicy.offline("350300", 1765090800000L, 0);
		assertThat(cause.kind()).isEqualTo(AlarmKind.PLATFORM_OFFLINE);
		assertThat(cause.cause()).isEqualTo("platform-offline:350300:1765090800000");
		assertThat(cause.cityCode()).isEqualTo("350300");
	}

}
