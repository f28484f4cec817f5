package cn.fj.emergency.command.stream.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.stream.Criticality;
import cn.fj.emergency.command.stream.HubEvent;

/** The event log's tables. Appends must run inside the transaction of the change they record. */
@Repository
public class EventStore {

	private static final String COLUMNS = "seq, stream, type, subject_id, cities, criticality, conflation_key, exercise, recorded_at, payload::text as payload, audience";

	// The append is the database function event_log_append (V9): it takes the counter row, which serialises
	// appenders until commit, and inserts the batch with consecutive numbers in input order. The incident intake
	// calls the same function from its own (incident_intake), so there is one append.
	private static final String APPEND = "select event_log_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) as seq";

	private static final String READ_AFTER = "select " + COLUMNS + " from event_log where seq > $1 order by seq limit $2";

	// The counter and the events are read in one statement, so in one snapshot: every event up to the counter
	// value it shows is committed and visible in that snapshot. Addressed events pass the city pre-filter: whether
	// the principal is in their audience is decided per event on delivery (EventVisibility).
	private static final String PAGE = """
			select h.last_seq as head, e.* from (select last_seq from event_counter where log = 'hub') h
			left join lateral (
			    select %s from event_log
			    where seq > $1 and seq <= h.last_seq
			      and (cardinality($2::text[]) = 0 or stream = any($2::text[]))
			      and ($3::text is null or cities @> array[$3::text] or cardinality(audience) > 0)
			    order by seq limit $4) e on true""".formatted(COLUMNS);

	private final DatabaseClient db;

	public EventStore(DatabaseClient db) {
		this.db = db;
	}

	/** Appends the rows in order; answers the sequence number of the last one. */
	public Mono<Long> append(List<Row> rows, Instant recordedAt) {
		int n = rows.size();
		String[] streams = new String[n];
		String[] types = new String[n];
		String[] subjects = new String[n];
		String[] cities = new String[n];
		String[] criticalities = new String[n];
		String[] keys = new String[n];
		Boolean[] exercises = new Boolean[n];
		String[] payloads = new String[n];
		String[] audiences = new String[n];
		for (int i = 0; i < n; i++) {
			Row row = rows.get(i);
			streams[i] = row.stream();
			types[i] = row.type();
			subjects[i] = row.subjectId();
			cities[i] = String.join(",", row.cities());
			criticalities[i] = row.criticality().name();
			keys[i] = row.conflationKey();
			exercises[i] = row.exercise();
			payloads[i] = row.payloadJson();
			audiences[i] = String.join(" ", row.audience());
		}
		return this.db.sql(APPEND)
			.bind(0, recordedAt)
			.bind(1, streams)
			.bind(2, types)
			.bind(3, subjects)
			.bind(4, cities)
			.bind(5, criticalities)
			.bind(6, keys)
			.bind(7, exercises)
			.bind(8, payloads)
			.bind(9, audiences)
			.map(r -> r.get("seq", Long.class))
			.one();
	}

	/** Every committed event after {@code after}, in order, at most {@code limit}: what the tailer delivers. */
	public Flux<HubEvent> readAfter(long after, int limit) {
		return this.db.sql(READ_AFTER).bind(0, after).bind(1, limit).map(EventStore::event).all();
	}

	/** The first event of this type about this subject, if any. */
	public Mono<HubEvent> firstAbout(String subjectId, String type) {
		return this.db.sql("select " + COLUMNS + " from event_log where subject_id = $1 and type = $2 order by seq limit 1")
			.bind(0, subjectId)
			.bind(1, type)
			.map(EventStore::event)
			.one();
	}

	/**
	 * A page of backfill for one subscriber, pre-filtered by stream and city. {@link Page#next()} is where the
	 * next page starts: the last event read when the page is full, else the log's head as seen by this read.
	 */
	public Mono<Page> page(long after, int limit, Set<String> streams, @Nullable String city) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql(PAGE)
			.bind(0, after)
			.bind(1, streams.toArray(String[]::new))
			.bind(3, limit);
		spec = (city == null) ? spec.bindNull(2, String.class) : spec.bind(2, city);
		return spec
			.map((r, m) -> new PageRow(r.get("head", Long.class), r.get("seq", Long.class) == null ? null : event(r)))
			.all()
			.collectList()
			.map(rows -> toPage(rows, limit));
	}

	private static Page toPage(List<PageRow> rows, int limit) {
		long head = rows.isEmpty() ? 0 : rows.get(0).head();
		List<HubEvent> events = new ArrayList<>(rows.size());
		for (PageRow row : rows) {
			if (row.event() != null) {
				events.add(row.event());
			}
		}
		long next = events.size() >= limit ? events.get(events.size() - 1).seq() : head;
		return new Page(events, next, head);
	}

	/** The sequence number of the last committed event. */
	public Mono<Long> head() {
		return this.db.sql("select last_seq from event_counter where log = 'hub'")
			.map(r -> r.get("last_seq", Long.class))
			.one();
	}

	private static HubEvent event(Readable r) {
		String[] cities = r.get("cities", String[].class);
		String[] audience = r.get("audience", String[].class);
		return new HubEvent(r.get("seq", Long.class), r.get("stream", String.class), r.get("type", String.class),
				r.get("subject_id", String.class), cities == null ? List.of() : Arrays.asList(cities),
				Criticality.valueOf(r.get("criticality", String.class)), r.get("conflation_key", String.class),
				Boolean.TRUE.equals(r.get("exercise", Boolean.class)), r.get("recorded_at", Instant.class),
				r.get("payload", String.class), audience == null ? List.of() : Arrays.asList(audience));
	}

	/**
	 * An event ready to store: its data already written as JSON. Audience names hold no white space (they are
	 * {@code officer:<username>} and {@code city:<code>}), which lets them travel joined by spaces.
	 */
	public record Row(String stream, String type, @Nullable String subjectId, List<String> cities,
			Criticality criticality, @Nullable String conflationKey, boolean exercise, String payloadJson,
			List<String> audience) {

		public Row {
			for (String name : audience) {
				if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
					throw new IllegalArgumentException("An audience name must be non-empty without white space: '" + name + "'");
				}
			}
		}

	}

	/** Backfill: the events read, where to continue, and the head this read saw. */
	public record Page(List<HubEvent> events, long next, long head) {
	}

	private record PageRow(long head, @Nullable HubEvent event) {
	}

}
