package cn.fj.emergency.command.incident.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.incident.Incident;
import cn.fj.emergency.command.incident.IncidentLevel;

/** The incident table. Writes must run inside the transaction that appends their events. */
@Repository
public class IncidentStore {

	private static final String COLUMNS = "id, report_id, reporter, payload_hash, city_code, county_code, category, level, title, "
			+ "description, latitude, longitude, occurred_at, reported_at, status, exercise, reported_seq";

	private static final String INSERT = """
			insert into incident (id, reporter, report_id, payload_hash, city_code, county_code, category, level, title,
			                      description, latitude, longitude, occurred_at, reported_at, status, exercise)
			select u.id::uuid, u.reporter, u.report_id, u.hash, u.city, u.county, u.category, u.level, u.title,
			       u.description, u.lat, u.lon, u.occurred::timestamptz, $1, 'REPORTED', u.exercise
			from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
			            $10::text[], $11::text[], $12::float8[], $13::float8[], $14::text[], $15::bool[])
			     as u(id, reporter, report_id, hash, city, county, category, level, title, description, lat, lon, occurred, exercise)
			on conflict (reporter, report_id) do nothing
			returning id""";

	private final DatabaseClient db;

	public IncidentStore(DatabaseClient db) {
		this.db = db;
	}

	/** Inserts the incidents whose (reporter, report id) is new; answers the ids inserted. */
	public Flux<UUID> insertNew(List<Incident> incidents, List<String> payloadHashes, Instant reportedAt) {
		int n = incidents.size();
		String[] ids = new String[n], reporters = new String[n], reportIds = new String[n], hashes = new String[n],
				cities = new String[n], counties = new String[n], categories = new String[n], levels = new String[n],
				titles = new String[n], descriptions = new String[n], occurred = new String[n];
		Double[] lats = new Double[n], lons = new Double[n];
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
			.map(r -> r.get("id", UUID.class))
			.all();
	}

	public Mono<Void> setReportedSeq(List<UUID> ids, List<Long> seqs) {
		return this.db.sql("""
				update incident set reported_seq = u.seq
				from unnest($1::text[], $2::int8[]) as u(id, seq) where incident.id = u.id::uuid""")
			.bind(0, ids.stream().map(UUID::toString).toArray(String[]::new))
			.bind(1, seqs.toArray(Long[]::new))
			.then();
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

	private static Stored stored(Readable r) {
		Incident incident = new Incident(r.get("id", UUID.class), r.get("report_id", String.class),
				r.get("reporter", String.class), r.get("city_code", String.class), r.get("county_code", String.class),
				r.get("category", String.class), IncidentLevel.valueOf(r.get("level", String.class)),
				r.get("title", String.class), r.get("description", String.class), r.get("latitude", Double.class),
				r.get("longitude", Double.class), r.get("occurred_at", Instant.class), r.get("reported_at", Instant.class),
				r.get("status", String.class), Boolean.TRUE.equals(r.get("exercise", Boolean.class)),
				r.get("reported_seq", Long.class));
		return new Stored(incident, r.get("payload_hash", String.class));
	}

	/** An incident with the hash of the report that created it. */
	public record Stored(Incident incident, String payloadHash) {
	}

}
