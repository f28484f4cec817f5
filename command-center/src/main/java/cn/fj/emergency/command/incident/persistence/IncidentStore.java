package cn.fj.emergency.command.incident.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.incident.DuplicateSuspicion;
import cn.fj.emergency.command.incident.Incident;
import cn.fj.emergency.command.incident.IncidentLevel;
import cn.fj.emergency.command.incident.IncidentQuery;
import cn.fj.emergency.command.incident.IncidentSource;
import cn.fj.emergency.command.incident.IncidentPicture;
import cn.fj.emergency.command.incident.IncidentSummary;
import cn.fj.emergency.command.incident.TimelineEntry;
import cn.fj.emergency.command.stream.Criticality;

/**
 * The incident tables. Writes must run inside the transaction that appends their events, except {@link #intake}, which
 * is one statement and its own transaction.
 */
@Repository
public class IncidentStore {

	private static final String COLUMNS = "id, report_id, reporter, payload_hash, city_code, county_code, category, level, title, "
			+ "description, latitude, longitude, occurred_at, reported_at, status, exercise, reported_seq, source_kind, "
			+ "source_reference, sensor_id, sensor_quantity, sensor_value, sensor_unit, version, assignee, merged_into, updated_at";

	private static final String FINISHED = "('CLOSED', 'MERGED', 'DISMISSED')";

	// One batch of reports as one statement, its own transaction: V9's incident_intake inserts, screens and appends
	private static final String INTAKE = """
			select new_incident, new_seq, head from incident_intake($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
			    $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33)""";

	// $10/$16: the cursor (id, level); $12-$15 the search text (see IncidentQuery.Text); $17 the source kind
	private static final String SEARCH_WHERE = """
			select %s from incident
			where ($1::text is null or city_code = $1) and ($2::text is null or county_code = $2)
			  and (cardinality($3::text[]) = 0 or level = any($3::text[]))
			  and (cardinality($4::text[]) = 0 or status = any($4::text[]))
			  and ($5::text is null or category like $5 || '%%')
			  and ($6::timestamptz is null or occurred_at >= $6) and ($7::timestamptz is null or occurred_at < $7)
			  and ($8::bool is null or exercise = $8)
			  and ($9::bool is null or (status not in %s) = $9)
			  and ($12::text is null or lower(title) like $12 or lower(coalesce(description, '')) like $12
			       or lower(coalesce(source_reference, '')) like $12 or lower(coalesce(sensor_id, '')) like $12
			       or lower(source_kind) like $12 or id::text like $13 || '%%'
			       or county_code = any($14::text[]) or city_code = any($15::text[]))
			  and ($17::text is null or source_kind = $17)
			""".formatted(COLUMNS, FINISHED);

	// the orders by id ignore the cursor's level ($16), which the statement must still name
	private static final String SEARCH_NEWEST = SEARCH_WHERE + """
			  and ($10::uuid is null or id < $10) and ($16::text is null or true)
			order by id desc limit $11""";

	private static final String SEARCH_AGE = SEARCH_WHERE + """
			  and ($10::uuid is null or id > $10) and ($16::text is null or true)
			order by id limit $11""";

	// level I < II < III < IV as text, as the picture's order
	private static final String SEARCH_LEVEL = SEARCH_WHERE + """
			  and ($10::uuid is null or (level, id) > ($16::text, $10::uuid))
			order by level, id limit $11""";

	private static final String SUMMARY = """
			select city_code, level, status, exercise, count(*) as n from incident
			where ($1::text is null or city_code = $1) and ($2::bool is null or exercise = $2)
			  and ($3::timestamptz is null or occurred_at >= $3) and ($4::timestamptz is null or occurred_at < $4)
			group by city_code, level, status, exercise order by city_code, level, status, exercise""";

	// every open level I/II incident: level I first, oldest first within the level
	private static final String GRAVE = """
			select %s from incident
			where status not in %s and level in ('I', 'II')
			  and ($1::text is null or city_code = $1) and ($2::bool is null or exercise = $2)
			order by level, id""".formatted(COLUMNS, FINISHED);

	private static final String COUNTIES = """
			select county_code, city_code, level, exercise, count(*) as n from incident
			where status not in %s and ($1::text is null or city_code = $1) and ($2::bool is null or exercise = $2)
			group by county_code, city_code, level, exercise order by county_code, level, exercise""".formatted(FINISHED);

	private static final String SUSPICIONS = """
			select s.incident_id, s.city_code, s.seq, s.flagged_at, i.exercise, o.open::text[] as candidates
			from incident_duplicate_suspicion s
			join incident i on i.id = s.incident_id and i.status not in %1$s
			cross join lateral (select array(select c.id from incident c
			                                 where c.id = any(s.candidates) and c.status not in %1$s order by c.id) as open) o
			where ($1::text is null or s.city_code = $1) and cardinality(o.open) > 0
			  and ($2::bigint is null or s.seq < $2)
			order by s.seq desc limit $3""".formatted(FINISHED);

	private final DatabaseClient db;

	public IncidentStore(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Writes a batch of reports in one statement, which is its own transaction (not the caller's): inserts the
	 * incidents whose (reporter, report id) is new, screens them for likely duplicates when {@code screening} is
	 * given, appends their {@code incident.reported} events in input order and then one
	 * {@code incident.duplicate-suspected} event per suspect, and stores the suspicions with their timeline
	 * entries. Answers one row per new incident, in input order; none when nothing was new.
	 *
	 * @param payloads each incident's {@code incident.reported} event data as JSON, in the order of {@code incidents}
	 */
	public Flux<Written> intake(List<Incident> incidents, List<String> payloadHashes, List<String> payloads,
			Instant reportedAt, Instant recordedAt, @Nullable Screening screening) {
		int n = incidents.size();
		String[] ids = new String[n], reporters = new String[n], reportIds = new String[n], hashes = new String[n],
				cities = new String[n], counties = new String[n], categories = new String[n], levels = new String[n],
				titles = new String[n], descriptions = new String[n], occurred = new String[n],
				sourceKinds = new String[n], references = new String[n], sensors = new String[n],
				quantities = new String[n], units = new String[n];
		Double[] lats = new Double[n], lons = new Double[n], values = new Double[n];
		Boolean[] exercises = new Boolean[n];
		for (int i = 0; i < n; i++) {
			Incident incident = incidents.get(i);
			ids[i] = incident.id().toString();
			reporters[i] = incident.reporter();
			reportIds[i] = incident.reportId();
			hashes[i] = payloadHashes.get(i);
			cities[i] = incident.cityCode();
			counties[i] = incident.countyCode();
			categories[i] = incident.category();
			levels[i] = incident.level().name();
			titles[i] = incident.title();
			descriptions[i] = incident.description();
			lats[i] = incident.latitude();
			lons[i] = incident.longitude();
			occurred[i] = incident.occurredAt().toString();
			exercises[i] = incident.exercise();
			IncidentSource source = incident.source();
			sourceKinds[i] = source.kind();
			references[i] = source.reference();
			sensors[i] = source.sensorId();
			quantities[i] = source.quantity();
			values[i] = source.value();
			units[i] = source.unit();
		}
		Screening screen = screening == null ? new Screening(Duration.ZERO, 0, 1) : screening;
		return this.db.sql(INTAKE)
			.bind(0, reportedAt)
			.bind(1, recordedAt)
			.bind(2, ids)
			.bind(3, reporters)
			.bind(4, reportIds)
			.bind(5, hashes)
			.bind(6, cities)
			.bind(7, counties)
			.bind(8, categories)
			.bind(9, levels)
			.bind(10, titles)
			.bind(11, descriptions)
			.bind(12, lats)
			.bind(13, lons)
			.bind(14, occurred)
			.bind(15, exercises)
			.bind(16, sourceKinds)
			.bind(17, references)
			.bind(18, sensors)
			.bind(19, quantities)
			.bind(20, values)
			.bind(21, units)
			.bind(22, payloads.toArray(String[]::new))
			.bind(23, Incident.STREAM)
			.bind(24, Incident.REPORTED)
			.bind(25, Incident.DUPLICATE_SUSPECTED)
			.bind(26, Criticality.CRITICAL.name())
			.bind(27, DUPLICATES_ACTOR)
			.bind(28, screening != null)
			.bind(29, screen.window().toMillis() / 1000.0)
			// a degree of latitude is at least 110.5 km: the band is a little wide, never too narrow
			.bind(30, screen.radiusMeters() / 110_500.0)
			.bind(31, screen.radiusMeters())
			.bind(32, screen.maxCandidates())
			.map(r -> new Written(nonNull(r.get("new_incident", UUID.class)), nonNull(r.get("new_seq", Long.class)),
					nonNull(r.get("head", Long.class))))
			.all();
	}

	/** The stored incidents for these (reporter, report id) pairs. */
	public Flux<Stored> findReports(List<String> reporters, List<String> reportIds) {
		return this.db.sql("select " + COLUMNS + " from incident where (reporter, report_id) in "
				+ "(select * from unnest($1::text[], $2::text[]))")
			.bind(0, reporters.toArray(String[]::new))
			.bind(1, reportIds.toArray(String[]::new))
			.map(IncidentStore::stored)
			.all();
	}

	public Mono<Incident> find(UUID id) {
		return this.db.sql("select " + COLUMNS + " from incident where id = $1")
			.bind(0, id)
			.map(r -> stored(r).incident())
			.one();
	}

	/**
	 * Takes the row locks of these incidents, in id order (so that two changes locking the same pair cannot
	 * deadlock), until the transaction ends; answers those that exist.
	 */
	public Flux<Incident> lock(List<UUID> ids) {
		return this.db.sql("select " + COLUMNS + " from incident where id = any($1::text[]::uuid[]) order by id for update")
			.bind(0, ids.stream().map(UUID::toString).toArray(String[]::new))
			.map(r -> stored(r).incident())
			.all();
	}

	/** Writes the changeable state of a locked incident: status, level, assignee, merge, version, time. */
	public Mono<Incident> update(Incident incident) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("""
				update incident set status = $2, level = $3, assignee = $4, merged_into = $5::uuid, version = $6, updated_at = $7
				where id = $1 and version = $6 - 1 returning %s""".formatted(COLUMNS))
			.bind(0, incident.id())
			.bind(1, incident.status())
			.bind(2, incident.level().name())
			.bind(5, incident.version())
			.bind(6, nonNull(incident.updatedAt()));
		spec = incident.assignee() == null ? spec.bindNull(3, String.class) : spec.bind(3, incident.assignee());
		spec = incident.mergedInto() == null ? spec.bindNull(4, String.class) : spec.bind(4, incident.mergedInto().toString());
		return spec.map(r -> stored(r).incident())
			.one()
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("Incident " + incident.id() + " was not locked")));
	}

	public Mono<Void> addTimeline(TimelineEntry entry) {
		return this.db.sql("insert into incident_timeline (seq, incident_id, type, actor, at, data) values ($1, $2, $3, $4, $5, $6::jsonb)")
			.bind(0, entry.seq())
			.bind(1, entry.incidentId())
			.bind(2, entry.type())
			.bind(3, entry.by())
			.bind(4, entry.at())
			.bind(5, entry.data())
			.then();
	}

	/** The incident's timeline after {@code after}, oldest first. */
	public Flux<TimelineEntry> timeline(UUID id, long after, int limit) {
		return this.db.sql("""
				select t.seq, t.incident_id, t.type, t.actor, t.at, i.exercise, t.data::text as data
				from incident_timeline t join incident i on i.id = t.incident_id
				where t.incident_id = $1 and t.seq > $2 order by t.seq limit $3""")
			.bind(0, id)
			.bind(1, after)
			.bind(2, limit)
			.map(r -> new TimelineEntry(nonNull(r.get("seq", Long.class)), nonNull(r.get("incident_id", UUID.class)),
					nonNull(r.get("type", String.class)), nonNull(r.get("actor", String.class)),
					nonNull(r.get("at", Instant.class)), Boolean.TRUE.equals(r.get("exercise", Boolean.class)),
					nonNull(r.get("data", String.class))))
			.all();
	}

	/** One page more than asked for, in the query's order: the caller learns from the extra row whether there is a next page. */
	public Flux<Incident> search(IncidentQuery query) {
		String sql = switch (query.sort()) {
			case NEWEST -> SEARCH_NEWEST;
			case AGE -> SEARCH_AGE;
			case LEVEL -> SEARCH_LEVEL;
		};
		DatabaseClient.GenericExecuteSpec spec = this.db.sql(sql);
		spec = text(spec, 0, query.cityCode());
		spec = text(spec, 1, query.countyCode());
		spec = spec.bind(2, query.levels().toArray(String[]::new)).bind(3, query.statuses().toArray(String[]::new));
		spec = text(spec, 4, query.category());
		spec = query.from() == null ? spec.bindNull(5, Instant.class) : spec.bind(5, query.from());
		spec = query.to() == null ? spec.bindNull(6, Instant.class) : spec.bind(6, query.to());
		spec = query.exercise() == null ? spec.bindNull(7, Boolean.class) : spec.bind(7, query.exercise());
		spec = query.open() == null ? spec.bindNull(8, Boolean.class) : spec.bind(8, query.open());
		IncidentQuery.Cursor after = query.after();
		spec = after == null ? spec.bindNull(9, UUID.class) : spec.bind(9, after.id());
		spec = spec.bind(10, query.size() + 1);
		IncidentQuery.Text text = query.text();
		spec = text(spec, 11, text == null ? null : text.pattern());
		spec = text(spec, 12, text == null ? null : text.idPrefix());
		spec = spec.bind(13, text == null ? new String[0] : text.counties().toArray(String[]::new))
			.bind(14, text == null ? new String[0] : text.cities().toArray(String[]::new));
		spec = text(spec, 15, after == null ? null : after.level());
		spec = text(spec, 16, query.source());
		return spec.map(r -> stored(r).incident()).all();
	}

	public Flux<IncidentSummary.Count> summary(@Nullable String cityCode, @Nullable Boolean exercise, @Nullable Instant from,
			@Nullable Instant to) {
		DatabaseClient.GenericExecuteSpec spec = text(this.db.sql(SUMMARY), 0, cityCode);
		spec = exercise == null ? spec.bindNull(1, Boolean.class) : spec.bind(1, exercise);
		spec = from == null ? spec.bindNull(2, Instant.class) : spec.bind(2, from);
		spec = to == null ? spec.bindNull(3, Instant.class) : spec.bind(3, to);
		return spec.map(r -> new IncidentSummary.Count(nonNull(r.get("city_code", String.class)),
				nonNull(r.get("level", String.class)), nonNull(r.get("status", String.class)),
				Boolean.TRUE.equals(r.get("exercise", Boolean.class)), nonNull(r.get("n", Long.class))))
			.all();
	}

	/** Every open level I/II incident, level I first, oldest first within a level. */
	public Flux<Incident> openGrave(@Nullable String cityCode, @Nullable Boolean exercise) {
		DatabaseClient.GenericExecuteSpec spec = text(this.db.sql(GRAVE), 0, cityCode);
		spec = exercise == null ? spec.bindNull(1, Boolean.class) : spec.bind(1, exercise);
		return spec.map(r -> stored(r).incident()).all();
	}

	/** Open incidents counted per county, level and drill flag. */
	public Flux<IncidentPicture.CountyCount> openByCounty(@Nullable String cityCode, @Nullable Boolean exercise) {
		DatabaseClient.GenericExecuteSpec spec = text(this.db.sql(COUNTIES), 0, cityCode);
		spec = exercise == null ? spec.bindNull(1, Boolean.class) : spec.bind(1, exercise);
		return spec.map(r -> new IncidentPicture.CountyCount(nonNull(r.get("county_code", String.class)),
				nonNull(r.get("city_code", String.class)), nonNull(r.get("level", String.class)),
				Boolean.TRUE.equals(r.get("exercise", Boolean.class)), nonNull(r.get("n", Long.class))))
			.all();
	}

	/** Open suspicions, newest first, below {@code beforeSeq} when given. */
	public Flux<DuplicateSuspicion> suspicions(@Nullable String cityCode, @Nullable Long beforeSeq, int limit) {
		DatabaseClient.GenericExecuteSpec spec = text(this.db.sql(SUSPICIONS), 0, cityCode);
		spec = beforeSeq == null ? spec.bindNull(1, Long.class) : spec.bind(1, beforeSeq);
		return spec.bind(2, limit)
			.map(r -> new DuplicateSuspicion(nonNull(r.get("incident_id", UUID.class)),
					nonNull(r.get("city_code", String.class)), uuids(r.get("candidates", String[].class)),
					nonNull(r.get("seq", Long.class)), nonNull(r.get("flagged_at", Instant.class)),
					Boolean.TRUE.equals(r.get("exercise", Boolean.class))))
			.all();
	}

	private static DatabaseClient.GenericExecuteSpec text(DatabaseClient.GenericExecuteSpec spec, int index,
			@Nullable String value) {
		return value == null ? spec.bindNull(index, String.class) : spec.bind(index, value);
	}

	private static List<UUID> uuids(String @Nullable [] texts) {
		return texts == null ? List.of() : Arrays.stream(texts).map(UUID::fromString).toList();
	}

	private static <T> T nonNull(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("A column that is never null was null");
		}
		return value;
	}

	private static Stored stored(Readable r) {
		String kind = r.get("source_kind", String.class);
		IncidentSource source = new IncidentSource(kind, r.get("source_reference", String.class),
				r.get("sensor_id", String.class), r.get("sensor_quantity", String.class), r.get("sensor_value", Double.class),
				r.get("sensor_unit", String.class));
		Long version = r.get("version", Long.class);
		Incident incident = new Incident(r.get("id", UUID.class), r.get("report_id", String.class),
				r.get("reporter", String.class), r.get("city_code", String.class), r.get("county_code", String.class),
				r.get("category", String.class), IncidentLevel.valueOf(r.get("level", String.class)),
				r.get("title", String.class), r.get("description", String.class), r.get("latitude", Double.class),
				r.get("longitude", Double.class), r.get("occurred_at", Instant.class), r.get("reported_at", Instant.class),
				r.get("status", String.class), Boolean.TRUE.equals(r.get("exercise", Boolean.class)),
				r.get("reported_seq", Long.class), source, version == null ? 1 : version, r.get("assignee", String.class),
				r.get("merged_into", UUID.class), r.get("updated_at", Instant.class));
		return new Stored(incident, r.get("payload_hash", String.class));
	}

	/** An incident with the hash of the report that created it. */
	public record Stored(Incident incident, String payloadHash) {
	}

	/** Who flags duplicates in the timeline: the hub itself. */
	public static final String DUPLICATES_ACTOR = "hub";

	/** A new incident written by {@link #intake}: its reported event's number, and the last number appended. */
	public record Written(UUID id, long reportedSeq, long lastSeq) {
	}

	/** How {@link #intake} screens for likely duplicates. */
	public record Screening(Duration window, double radiusMeters, int maxCandidates) {
	}

}
