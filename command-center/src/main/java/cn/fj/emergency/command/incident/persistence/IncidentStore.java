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
import cn.fj.emergency.command.incident.IncidentSummary;
import cn.fj.emergency.command.incident.TimelineEntry;
import cn.fj.emergency.command.stream.AlsoInAppend;

/** The incident tables. Writes must run inside the transaction that appends their events. */
@Repository
public class IncidentStore {

	private static final String COLUMNS = "id, report_id, reporter, payload_hash, city_code, county_code, category, level, title, "
			+ "description, latitude, longitude, occurred_at, reported_at, status, exercise, reported_seq, source_kind, "
			+ "source_reference, sensor_id, sensor_quantity, sensor_value, sensor_unit, version, assignee, merged_into, updated_at";

	private static final String FINISHED = "('CLOSED', 'MERGED', 'DISMISSED')";

	private static final String INSERT = """
			insert into incident (id, reporter, report_id, payload_hash, city_code, county_code, category, level, title,
			                      description, latitude, longitude, occurred_at, reported_at, status, exercise,
			                      source_kind, source_reference, sensor_id, sensor_quantity, sensor_value, sensor_unit)
			select u.id::uuid, u.reporter, u.report_id, u.hash, u.city, u.county, u.category, u.level, u.title,
			       u.description, u.lat, u.lon, u.occurred::timestamptz, $1, 'REPORTED', u.exercise,
			       u.source_kind, u.source_reference, u.sensor_id, u.sensor_quantity, u.sensor_value, u.sensor_unit
			from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
			            $10::text[], $11::text[], $12::float8[], $13::float8[], $14::text[], $15::bool[],
			            $16::text[], $17::text[], $18::text[], $19::text[], $20::float8[], $21::text[])
			     as u(id, reporter, report_id, hash, city, county, category, level, title, description, lat, lon, occurred,
			          exercise, source_kind, source_reference, sensor_id, sensor_quantity, sensor_value, sensor_unit)
			on conflict (reporter, report_id) do nothing
			returning id""";

	// Earlier open incidents of the same sub-category in the same city, within the window of occurrence and the
	// radius (haversine on a 6371 km sphere; the latitude band lets the index and a cheap test go first). Only
	// earlier ones: of two new incidents in one batch, the later (by id) names the earlier.
	private static final String SCREEN = """
			select f.id, array_agg(c.id order by c.occurred_at desc, c.id)::text[] as candidates
			from incident f
			join incident c on substr(c.category, 1, 2) = substr(f.category, 1, 2)
			     and c.occurred_at between f.occurred_at - make_interval(secs => $2) and f.occurred_at + make_interval(secs => $2)
			     and c.city_code = f.city_code and c.exercise = f.exercise and c.id <> f.id
			     and c.status not in %s
			     and (c.reported_at < f.reported_at or c.reported_at = f.reported_at and c.id < f.id)
			     and c.latitude between f.latitude - $3 and f.latitude + $3
			     and 6371000 * 2 * asin(sqrt(power(sin(radians(c.latitude - f.latitude) / 2), 2)
			         + cos(radians(f.latitude)) * cos(radians(c.latitude)) * power(sin(radians(c.longitude - f.longitude) / 2), 2))) <= $4
			where f.id = any($1::text[]::uuid[])
			group by f.id""".formatted(FINISHED);

	private static final String SEARCH = """
			select %s from incident
			where ($1::text is null or city_code = $1) and ($2::text is null or county_code = $2)
			  and (cardinality($3::text[]) = 0 or level = any($3::text[]))
			  and (cardinality($4::text[]) = 0 or status = any($4::text[]))
			  and ($5::text is null or category like $5 || '%%')
			  and ($6::timestamptz is null or occurred_at >= $6) and ($7::timestamptz is null or occurred_at < $7)
			  and ($8::bool is null or exercise = $8)
			  and ($9::bool is null or (status not in %s) = $9)
			  and ($10::uuid is null or id < $10)
			order by id desc limit $11""".formatted(COLUMNS, FINISHED);

	private static final String SUMMARY = """
			select city_code, level, status, count(*) as n from incident
			where ($1::text is null or city_code = $1) and ($2::bool is null or exercise = $2)
			  and ($3::timestamptz is null or occurred_at >= $3) and ($4::timestamptz is null or occurred_at < $4)
			group by city_code, level, status order by city_code, level, status""";

	private static final String SUSPICIONS = """
			select s.incident_id, s.city_code, s.seq, s.flagged_at, i.exercise, o.open::text[] as candidates
			from incident_duplicate_suspicion s
			join incident i on i.id = s.incident_id and i.status not in %1$s
			cross join lateral (select array(select c.id from incident c
			                                 where c.id = any(s.candidates) and c.status not in %1$s order by c.id) as open) o
			where ($1::text is null or s.city_code = $1) and cardinality(o.open) > 0
			  and ($2::bigint is null or s.seq < $2)
			order by s.seq desc limit $3""".formatted(FINISHED);

	private static final String REPORTED_SEQS = """
			r as (update incident set reported_seq = n.seq
			      from unnest($12::text[]) with ordinality as x(id, ord) join numbered n on n.ord = x.ord
			      where incident.id = x.id::uuid)""";

	private final DatabaseClient db;

	public IncidentStore(DatabaseClient db) {
		this.db = db;
	}

	/** Inserts the incidents whose (reporter, report id) is new; answers the ids inserted. */
	public Flux<UUID> insertNew(List<Incident> incidents, List<String> payloadHashes, Instant reportedAt) {
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
		return this.db.sql(INSERT)
			.bind(0, reportedAt)
			.bind(1, ids)
			.bind(2, reporters)
			.bind(3, reportIds)
			.bind(4, hashes)
			.bind(5, cities)
			.bind(6, counties)
			.bind(7, categories)
			.bind(8, levels)
			.bind(9, titles)
			.bind(10, descriptions)
			.bind(11, lats)
			.bind(12, lons)
			.bind(13, occurred)
			.bind(14, exercises)
			.bind(15, sourceKinds)
			.bind(16, references)
			.bind(17, sensors)
			.bind(18, quantities)
			.bind(19, values)
			.bind(20, units)
			.map(r -> r.get("id", UUID.class))
			.all();
	}

	/**
	 * Stores each new incident's {@code reportedSeq}, in the statement that appends their {@code incident.reported}
	 * events, which must be the first of the append ({@code ids} in the same order).
	 */
	public AlsoInAppend reportedSeqs(List<UUID> ids) {
		// the array is the one parameter, not a list of them
		Object idArray = ids.stream().map(UUID::toString).toArray(String[]::new);
		return new AlsoInAppend(REPORTED_SEQS, List.of(idArray));
	}

	/**
	 * As {@link #reportedSeqs}, and the suspicions of duplicates with their timeline entries, whose
	 * {@code incident.duplicate_suspected} events follow the reported events in the append, in the order of
	 * {@code flags}. One statement, run while the event counter is held, rather than three round trips.
	 */
	public AlsoInAppend reportedSeqsAndSuspicions(List<UUID> ids, List<Flag> flags, Instant at) {
		int n = flags.size();
		String[] flagged = new String[n], candidates = new String[n], cities = new String[n], data = new String[n];
		for (int i = 0; i < n; i++) {
			Flag flag = flags.get(i);
			flagged[i] = flag.incidentId().toString();
			candidates[i] = String.join(",", flag.candidates().stream().map(UUID::toString).toList());
			cities[i] = flag.cityCode();
			data[i] = flag.dataJson();
		}
		return new AlsoInAppend(REPORTED_SEQS + """
				,
				     f as (select u.id, u.candidates, u.city, u.data, n.seq
				           from unnest($13::text[], $14::text[], $15::text[], $16::text[]) with ordinality as u(id, candidates, city, data, ord)
				           join numbered n on n.ord = u.ord + $17::int8),
				     s as (insert into incident_duplicate_suspicion (incident_id, city_code, candidates, seq, flagged_at)
				           select f.id::uuid, f.city, string_to_array(f.candidates, ',')::uuid[], f.seq, $18 from f),
				     t as (insert into incident_timeline (seq, incident_id, type, actor, at, data)
				           select f.seq, f.id::uuid, $19, $20, $18, f.data::jsonb from f)""",
				List.of(ids.stream().map(UUID::toString).toArray(String[]::new), flagged, candidates, cities, data,
						(long) ids.size(), at, Incident.DUPLICATE_SUSPECTED, Flag.ACTOR));
	}

	/** For each of the incidents that looks like a duplicate, the earlier open incidents it may duplicate. */
	public Flux<Suspect> screen(List<UUID> ids, Duration window, double radiusMeters, int maxCandidates) {
		return this.db.sql(SCREEN)
			.bind(0, ids.stream().map(UUID::toString).toArray(String[]::new))
			.bind(1, window.toMillis() / 1000.0)
			// a degree of latitude is at least 110.5 km: the band is a little wide, never too narrow
			.bind(2, radiusMeters / 110_500.0)
			.bind(3, radiusMeters)
			// cut in Java: a slice bound like [1:$5] is taken for a named parameter by Spring's SQL parser
			.map(r -> new Suspect(r.get("id", UUID.class),
					uuids(r.get("candidates", String[].class)).stream().limit(maxCandidates).toList()))
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

	/** One page more than asked for: the caller learns from the extra row whether there is a next page. */
	public Flux<Incident> search(IncidentQuery query) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql(SEARCH);
		spec = text(spec, 0, query.cityCode());
		spec = text(spec, 1, query.countyCode());
		spec = spec.bind(2, query.levels().toArray(String[]::new)).bind(3, query.statuses().toArray(String[]::new));
		spec = text(spec, 4, query.category());
		spec = query.from() == null ? spec.bindNull(5, Instant.class) : spec.bind(5, query.from());
		spec = query.to() == null ? spec.bindNull(6, Instant.class) : spec.bind(6, query.to());
		spec = query.exercise() == null ? spec.bindNull(7, Boolean.class) : spec.bind(7, query.exercise());
		spec = query.open() == null ? spec.bindNull(8, Boolean.class) : spec.bind(8, query.open());
		spec = query.before() == null ? spec.bindNull(9, UUID.class) : spec.bind(9, query.before());
		return spec.bind(10, query.size() + 1).map(r -> stored(r).incident()).all();
	}

	public Flux<IncidentSummary.Cell> summary(@Nullable String cityCode, @Nullable Boolean exercise, @Nullable Instant from,
			@Nullable Instant to) {
		DatabaseClient.GenericExecuteSpec spec = text(this.db.sql(SUMMARY), 0, cityCode);
		spec = exercise == null ? spec.bindNull(1, Boolean.class) : spec.bind(1, exercise);
		spec = from == null ? spec.bindNull(2, Instant.class) : spec.bind(2, from);
		spec = to == null ? spec.bindNull(3, Instant.class) : spec.bind(3, to);
		return spec.map(r -> new IncidentSummary.Cell(nonNull(r.get("city_code", String.class)),
				nonNull(r.get("level", String.class)), nonNull(r.get("status", String.class)),
				nonNull(r.get("n", Long.class))))
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

	/** An incident that looks like a duplicate of the candidates. */
	public record Suspect(UUID incidentId, List<UUID> candidates) {

		public Suspect {
			candidates = List.copyOf(candidates);
		}

	}

	/** A suspicion to record with its event's number and the event's JSON data (which the timeline keeps too). */
	public record Flag(UUID incidentId, String cityCode, List<UUID> candidates, String dataJson) {

		/** Who flags duplicates: the hub itself. */
		public static final String ACTOR = "hub";

		public Flag {
			candidates = List.copyOf(candidates);
		}

	}

}
