package cn.fj.emergency.command.incident;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
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

	@Test
	void reportsSpreadOverACityCostANewOneOnlyTheCellsItsRadiusReaches() throws SQLException {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Instant before = now.minusSeconds(5);
		// 1,600 open incidents of one city, sub-category and window on a grid 0.01 degree apart (no two within the
		// radius of each other): the walk of V10 read every one of them to screen a report that has one near it
		Random random = new Random(7);
		List<Incident> grid = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			for (int j = 0; j < 40; j++) {
				grid.add(incident(UUID.randomUUID(), "grid-" + i + "-" + j, 24.10 + 0.01 * i, 117.90 + 0.01 * j, before,
						now.minus(Duration.ofMinutes(1 + random.nextInt(50)))));
			}
		}
		for (int k = 0; k < grid.size(); k += 400) {
			intake(grid.subList(k, k + 400), before);
		}
		Incident near = grid.get(20 * 40 + 20);
		UUID id = UUID.randomUUID();
		// 33 m north of one grid point; its neighbours are 1.08 km and 0.01 degree of longitude (1.01 km) away
		double lat = near.latitude() + 0.0003;
		double lon = near.longitude();
		Instant occurred = now.minusSeconds(10);
		String screen = "incident_duplicate_candidates('" + id + "', '350200', false, '11', '" + occurred + "', '" + now
				+ "', " + lat + ", " + lon + ", 3600, " + (1000 / 110_500.0) + ", 1000, " + SCREENING.maxCandidates() + ")";
		// every earlier match, found the long way: the whole city's incidents, the distance checked one by one
		String everyMatch = """
				select coalesce(array_agg(id order by occurred_at desc, id), '{}') from (
				    select id, occurred_at from incident
				    where city_code = '350200' and not exercise and substr(category, 1, 2) = '11'
				      and status not in ('CLOSED', 'MERGED', 'DISMISSED') and reported_at < '%s'
				      and occurred_at between timestamptz '%s' - interval '1 hour' and timestamptz '%s' + interval '1 hour'
				      and 6371000 * 2 * asin(sqrt(power(sin(radians(latitude - %s) / 2), 2) + cos(radians(%s))
				          * cos(radians(latitude)) * power(sin(radians(longitude - %s) / 2), 2))) <= 1000
				    order by occurred_at desc, id limit %d) m""".formatted(now, occurred, occurred, lat, lat, lon,
				SCREENING.maxCandidates());
		Environment env = hub.context().getEnvironment();
		try (Connection connection = DriverManager.getConnection(env.getRequiredProperty("hub.jdbc.url"),
				env.getRequiredProperty("hub.jdbc.username"), env.getRequiredProperty("hub.jdbc.password"))) {
			connection.setAutoCommit(false);
			long entriesBefore = indexEntriesRead(connection);
			List<String> named = uuids(connection, "select " + screen);
			long entriesRead = indexEntriesRead(connection) - entriesBefore;
			connection.rollback();

			assertThat(named).containsExactly(near.id().toString());
			assertThat(named).isEqualTo(uuids(connection, everyMatch));
			assertThat(count("select count(*) as n from incident where city_code = '350200' and status = 'REPORTED'"))
				.isGreaterThanOrEqualTo(grid.size());
			// six cells of about one incident each, not the city's 1,600
			assertThat(entriesRead).isPositive().isLessThan(100);
		}
	}

	/** Index entries read by this transaction's scans of the incident table's indexes. */
	private static long indexEntriesRead(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select sum(pg_stat_get_xact_tuples_returned(indexrelid)) "
						+ "from pg_index where indrelid = 'incident'::regclass")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static List<String> uuids(Connection connection, String query) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
			rows.next();
			List<String> ids = new ArrayList<>();
			for (Object id : (Object[]) rows.getArray(1).getArray()) {
				ids.add(id.toString());
			}
			return ids;
		}
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
