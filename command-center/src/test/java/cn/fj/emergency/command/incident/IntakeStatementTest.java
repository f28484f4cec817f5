package cn.fj.emergency.command.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.incident.persistence.IncidentStore;
import cn.fj.emergency.command.support.Hub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake's one statement ({@link IncidentStore#intake}, the database function {@code incident_intake}) on a
 * batch that mixes a stored report with new ones, two of them near each other: only the new ones are written, their
 * events numbered consecutively in input order with the suspicion's after them, and every row that refers to a
 * number refers to the right one.
 */
class IntakeStatementTest {

	static Hub hub;

	static IncidentStore store;

	static DatabaseClient db;

	static JsonMapper json;

	@BeforeAll
	static void start() {
		hub = Hub.start(Hub.freshHubSettings());
		store = hub.context().getBean(IncidentStore.class);
		db = hub.context().getBean(DatabaseClient.class);
		json = hub.context().getBean(JsonMapper.class);
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	static final IncidentStore.Screening SCREENING = new IncidentStore.Screening(Duration.ofHours(1), 1000, 5);

	@Test
	void aMixedBatchWritesOnlyTheNewReportsAndFlagsTheNearOneInTheSameStatement() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Incident stored = incident("batch-a", 24.50, 118.10, now);
		List<IncidentStore.Written> first = intake(List.of(stored), now);
		assertThat(first).extracting(IncidentStore.Written::id).containsExactly(stored.id());
		assertThat(first.get(0).lastSeq()).isEqualTo(first.get(0).reportedSeq());

		// the same report again (a retry under a fresh id), and two new ones about 200 m apart
		Incident retried = incident("batch-a", 24.50, 118.10, now);
		// of two new ones reported at the same instant, the one with the greater id (in PostgreSQL's order of
		// uuid, unsigned, which Java's UUID.compareTo is not) names the other
		long tail = UUID.randomUUID().getLeastSignificantBits() & 0xffffffffffffL;
		Incident b = incident(UUID.fromString("%08x-0000-4000-8000-%012x".formatted(1, tail)), "batch-b", 24.70, 118.30, now);
		Incident c = incident(UUID.fromString("%08x-0000-4000-8000-%012x".formatted(2, tail)), "batch-c", 24.7018, 118.30, now);
		List<IncidentStore.Written> written = intake(List.of(retried, b, c), now);

		assertThat(written).extracting(IncidentStore.Written::id).containsExactly(b.id(), c.id());
		long seqB = written.get(0).reportedSeq();
		assertThat(written.get(1).reportedSeq()).isEqualTo(seqB + 1);
		assertThat(written).allSatisfy(w -> assertThat(w.lastSeq()).isEqualTo(seqB + 2));
		assertThat(count("select count(*) as n from incident where report_id = 'batch-a'")).isEqualTo(1);
		assertThat(count("select count(*) as n from incident where id = '" + retried.id() + "'")).isZero();

		// the reported events, then the suspicion of c (which names b, the earlier one), and nothing else
		assertThat(event(seqB).get("type").asString()).isEqualTo(Incident.REPORTED);
		assertThat(event(seqB).get("subject").asString()).isEqualTo(b.id().toString());
		assertThat(event(seqB).get("payload").get("reportId").asString()).isEqualTo("batch-b");
		assertThat(event(seqB + 1).get("subject").asString()).isEqualTo(c.id().toString());
		JsonNode flag = event(seqB + 2);
		assertThat(flag.get("type").asString()).isEqualTo(Incident.DUPLICATE_SUSPECTED);
		assertThat(flag.get("subject").asString()).isEqualTo(c.id().toString());
		assertThat(flag.get("payload").get("id").asString()).isEqualTo(c.id().toString());
		assertThat(flag.get("payload").get("candidates").get(0).asString()).isEqualTo(b.id().toString());
		assertThat(flag.get("payload").get("candidates").size()).isEqualTo(1);
		assertThat(head()).isEqualTo(seqB + 2);

		assertThat(count("select reported_seq as n from incident where id = '" + b.id() + "'")).isEqualTo(seqB);
		assertThat(count("select reported_seq as n from incident where id = '" + c.id() + "'")).isEqualTo(seqB + 1);
		assertThat(count("select seq as n from incident_duplicate_suspicion where incident_id = '" + c.id()
				+ "' and candidates = array['" + b.id() + "']::uuid[]")).isEqualTo(seqB + 2);
		assertThat(count("select seq as n from incident_timeline where incident_id = '" + c.id()
				+ "' and type = 'incident.duplicate-suspected' and actor = 'hub'")).isEqualTo(seqB + 2);
	}

	@Test
	void aBatchOfStoredReportsWritesNothingAndTakesNoNumber() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		intake(List.of(incident("again-1", 26.0, 119.3, now), incident("again-2", 26.2, 119.5, now)), now);
		long head = head();

		List<IncidentStore.Written> written = intake(
				List.of(incident("again-1", 26.0, 119.3, now), incident("again-2", 26.2, 119.5, now)), now);

		assertThat(written).isEmpty();
		assertThat(head()).isEqualTo(head);
	}

	@Test
	void theScreenNamesTheNewestEarlierIncidentsUpToItsLimit() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Instant before = now.minusSeconds(5);
		List<Incident> earlier = new ArrayList<>();
		for (int k = 0; k < SCREENING.maxCandidates() + 2; k++) {
			// reported in one batch, occurred a minute apart, the oldest first
			earlier.add(incident(UUID.randomUUID(), "limit-" + k, 23.90, 117.50, before,
					now.minus(Duration.ofMinutes(60 - 5 * k))));
		}
		// outside the window, and closed: never named however near
		Incident old = incident(UUID.randomUUID(), "limit-old", 23.90, 117.50, before, now.minus(Duration.ofHours(3)));
		Incident closed = incident(UUID.randomUUID(), "limit-closed", 23.90, 117.50, before, now.minusSeconds(30));
		List<Incident> first = new ArrayList<>(earlier);
		first.add(old);
		first.add(closed);
		intake(first, before);
		db.sql("update incident set status = 'CLOSED' where id = '" + closed.id() + "'").then().block(Duration.ofSeconds(10));

		Incident fresh = incident(UUID.randomUUID(), "limit-new", 23.9001, 117.50, now, now.minusSeconds(10));
		List<IncidentStore.Written> written = intake(List.of(fresh), now);

		JsonNode flag = event(written.get(0).lastSeq());
		assertThat(flag.get("type").asString()).isEqualTo(Incident.DUPLICATE_SUSPECTED);
		List<String> named = new ArrayList<>();
		flag.get("payload").get("candidates").forEach(id -> named.add(id.asString()));
		List<String> newest = new ArrayList<>();
		for (int k = earlier.size() - 1; newest.size() < SCREENING.maxCandidates(); k--) {
			newest.add(earlier.get(k).id().toString());
		}
		assertThat(named).containsExactlyElementsOf(newest);
	}

	static List<IncidentStore.Written> intake(List<Incident> incidents, Instant now) {
		List<String> hashes = incidents.stream().map(i -> "hash-" + i.reportId()).toList();
		List<String> payloads = incidents.stream().map(i -> json.writeValueAsString(i.reportedEvent())).toList();
		return store.intake(incidents, hashes, payloads, now, now, SCREENING).collectList().block(Duration.ofSeconds(10));
	}

	static Incident incident(String reportId, double latitude, double longitude, Instant now) {
		return incident(UUID.randomUUID(), reportId, latitude, longitude, now);
	}

	static Incident incident(UUID id, String reportId, double latitude, double longitude, Instant now) {
		return incident(id, reportId, latitude, longitude, now, now.minusSeconds(60));
	}

	static Incident incident(UUID id, String reportId, double latitude, double longitude, Instant now,
			Instant occurredAt) {
		ValidReport report = new ValidReport("city:350200", reportId, IncidentCategory.reportable("11").orElseThrow(),
				IncidentLevel.III, "Flooding " + reportId, null, latitude, longitude, "350200", "350203",
				occurredAt, false, "hash-" + reportId, IncidentSource.derived(IncidentSource.CITY_PLATFORM));
		return Incident.reported(id, report, now);
	}

	static long count(String sql) {
		Long n = db.sql(sql).map(r -> r.get("n", Long.class)).one().block(Duration.ofSeconds(10));
		return n == null ? -1 : n;
	}

	static long head() {
		return count("select last_seq as n from event_counter where log = 'hub'");
	}

	static JsonNode event(long seq) {
		String row = db.sql("select json_build_object('type', type, 'subject', subject_id, 'payload', payload)::text as e "
				+ "from event_log where seq = $1")
			.bind(0, seq)
			.map(r -> r.get("e", String.class))
			.one()
			.block(Duration.ofSeconds(10));
		return json.readTree(row);
	}

}
