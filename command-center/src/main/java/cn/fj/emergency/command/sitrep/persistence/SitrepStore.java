package cn.fj.emergency.command.sitrep.persistence;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.sitrep.ProvinceRollup.CityRollup;
import cn.fj.emergency.command.sitrep.Sitrep;
import cn.fj.emergency.command.sitrep.SitrepKind;
import cn.fj.emergency.command.sitrep.SitrepSubmission.CasualtyAndIllnessSummary;
import cn.fj.emergency.command.sitrep.SitrepSubmission.ResponseResourcesTotals;
import cn.fj.emergency.command.sitrep.SitrepTotals;

/**
 * The sitrep table. Writes must run inside the transaction that appends their events. "Latest" is one ordering
 * everywhere: per (incident, source, kind), the greatest {@code reported_at}, then the greatest {@code seq} (the
 * later submission, as the event log orders commits).
 */
@Repository
public class SitrepStore {

	private static final String COLUMNS = "id, sitrep_id, incident_id, city_code, source, kind, reported_at, submitted_at, "
			+ "exercise, content::text as content, seq";

	private static final String LATEST_ORDER = "reported_at desc, seq desc nulls last";

	/** Sums over a {@code latest} relation of (kind, content) rows. */
	private static final String SUMS = """
			coalesce(sum((content->>'dead')::bigint) filter (where kind = 'CASUALTY_AND_ILLNESS_SUMMARY'), 0) as dead,
			coalesce(sum((content->>'injured')::bigint) filter (where kind = 'CASUALTY_AND_ILLNESS_SUMMARY'), 0) as injured,
			coalesce(sum((content->>'missing')::bigint) filter (where kind = 'CASUALTY_AND_ILLNESS_SUMMARY'), 0) as missing,
			coalesce(sum((content->>'ill')::bigint) filter (where kind = 'CASUALTY_AND_ILLNESS_SUMMARY'), 0) as ill,
			coalesce(sum((content->>'trapped')::bigint) filter (where kind = 'CASUALTY_AND_ILLNESS_SUMMARY'), 0) as trapped,
			coalesce(sum((content->>'rescued')::bigint) filter (where kind = 'CASUALTY_AND_ILLNESS_SUMMARY'), 0) as rescued,
			coalesce(sum((content->>'evacuated')::bigint) filter (where kind = 'CASUALTY_AND_ILLNESS_SUMMARY'), 0) as evacuated,
			coalesce(sum((content->>'sheltered')::bigint) filter (where kind = 'CASUALTY_AND_ILLNESS_SUMMARY'), 0) as sheltered,
			count(*) filter (where kind = 'CASUALTY_AND_ILLNESS_SUMMARY') as casualty_reports,
			coalesce(sum((content->>'personnel')::bigint) filter (where kind = 'RESPONSE_RESOURCES_TOTALS'), 0) as personnel,
			coalesce(sum((content->>'teams')::bigint) filter (where kind = 'RESPONSE_RESOURCES_TOTALS'), 0) as teams,
			coalesce(sum((content->>'vehicles')::bigint) filter (where kind = 'RESPONSE_RESOURCES_TOTALS'), 0) as vehicles,
			coalesce(sum((content->>'boats')::bigint) filter (where kind = 'RESPONSE_RESOURCES_TOTALS'), 0) as boats,
			coalesce(sum((content->>'aircraft')::bigint) filter (where kind = 'RESPONSE_RESOURCES_TOTALS'), 0) as aircraft,
			coalesce(sum((content->>'heavyEquipment')::bigint) filter (where kind = 'RESPONSE_RESOURCES_TOTALS'), 0) as heavy_equipment,
			count(*) filter (where kind = 'RESPONSE_RESOURCES_TOTALS') as resource_reports""";

	private static final String NUMERIC_KINDS = "('CASUALTY_AND_ILLNESS_SUMMARY', 'RESPONSE_RESOURCES_TOTALS')";

	/** Incidents in these states are over; the province-wide roll-up leaves them out. */
	private static final String CLOSED_STATES = "('CLOSED', 'DISMISSED', 'MERGED')";

	private final DatabaseClient db;

	public SitrepStore(DatabaseClient db) {
		this.db = db;
	}

	/** Inserts the report unless (reporter, sitrep id) is taken; answers whether it was inserted. */
	public Mono<Boolean> insertNew(NewSitrep s) {
		return this.db.sql("""
				insert into sitrep (id, reporter, sitrep_id, payload_hash, incident_id, city_code, source, kind,
				                    reported_at, submitted_at, exercise, content)
				values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb)
				on conflict (reporter, sitrep_id) do nothing
				returning id""")
			.bind(0, s.id())
			.bind(1, s.reporter())
			.bind(2, s.sitrepId())
			.bind(3, s.payloadHash())
			.bind(4, s.incidentId())
			.bind(5, s.cityCode())
			.bind(6, s.source())
			.bind(7, s.kind().name())
			.bind(8, s.reportedAt())
			.bind(9, s.submittedAt())
			.bind(10, s.exercise())
			.bind(11, s.content())
			.map(SitrepStore::inserted)
			.one()
			.defaultIfEmpty(false);
	}

	public Mono<Void> setSeq(UUID id, long seq) {
		return this.db.sql("update sitrep set seq = $2 where id = $1").bind(0, id).bind(1, seq).then();
	}

	/** The report stored under (reporter, sitrep id), with the hash of its content. */
	public Mono<Stored> find(String reporter, String sitrepId) {
		return this.db.sql("select payload_hash, " + COLUMNS + " from sitrep where reporter = $1 and sitrep_id = $2")
			.bind(0, reporter)
			.bind(1, sitrepId)
			.map(SitrepStore::stored)
			.one();
	}

	/** Every report on the incident, oldest first by the time each describes. */
	public Flux<Sitrep> list(UUID incidentId, int limit) {
		return this.db.sql("select " + COLUMNS + " from sitrep where incident_id = $1 order by reported_at, seq limit $2")
			.bind(0, incidentId)
			.bind(1, limit)
			.map(SitrepStore::sitrep)
			.all();
	}

	/** The latest report of each kind from each source on the incident. */
	public Flux<Sitrep> latest(UUID incidentId) {
		return this.db.sql("select distinct on (source, kind) " + COLUMNS + " from sitrep where incident_id = $1 "
				+ "order by source, kind, " + LATEST_ORDER)
			.bind(0, incidentId)
			.map(SitrepStore::sitrep)
			.all();
	}

	/** Casualty and resource totals over the incident's latest numeric reports, one per source and kind. */
	public Mono<SitrepTotals> totals(UUID incidentId) {
		return this.db.sql("with latest as (select distinct on (source, kind) kind, content from sitrep "
				+ "where incident_id = $1 and kind in " + NUMERIC_KINDS + " order by source, kind, " + LATEST_ORDER + ") "
				+ "select " + SUMS + " from latest")
			.bind(0, incidentId)
			.map(SitrepStore::sums)
			.one();
	}

	/**
	 * Totals over open incidents (drills or real ones), by the incident's city platform, then for the province (the
	 * rollup row, whose city is null in SQL and {@link Areas#PROVINCE} here); the province row comes last. With a
	 * {@code city}, that city's incidents only (its total is then the city's).
	 */
	public Flux<CityRollup> byCity(boolean exercise, @Nullable String city) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("with latest as (select distinct on (s.incident_id, s.source, s.kind) s.incident_id, s.city_code, "
				+ "s.kind, s.content, s.reported_at, s.submitted_at from sitrep s join incident i on i.id = s.incident_id "
				+ "where s.exercise = $1 and ($2::text is null or s.city_code = $2) and s.kind in " + NUMERIC_KINDS + " and i.status not in " + CLOSED_STATES + " "
				+ "order by s.incident_id, s.source, s.kind, s." + LATEST_ORDER.replace(", seq", ", s.seq") + ") "
				+ "select city_code, count(distinct incident_id) as incidents, max(reported_at) as last_reported_at, "
				+ "max(submitted_at) as last_submitted_at, " + SUMS
				+ " from latest group by rollup (city_code) order by city_code nulls last")
			.bind(0, exercise);
		spec = city == null ? spec.bindNull(1, String.class) : spec.bind(1, city);
		return spec.map(SitrepStore::cityRollup).all();
	}

	private static boolean inserted(Readable r) {
		return true;
	}

	private static Stored stored(Readable r) {
		return new Stored(sitrep(r), r.get("payload_hash", String.class));
	}

	private static CityRollup cityRollup(Readable r) {
		String city = r.get("city_code", String.class);
		return new CityRollup(city == null ? Areas.PROVINCE : city, number(r, "incidents"),
				r.get("last_reported_at", Instant.class), r.get("last_submitted_at", Instant.class), sums(r));
	}

	private static SitrepTotals sums(Readable r) {
		CasualtyAndIllnessSummary casualties = new CasualtyAndIllnessSummary(number(r, "dead"), number(r, "injured"),
				number(r, "missing"), number(r, "ill"), number(r, "trapped"), number(r, "rescued"), number(r, "evacuated"),
				number(r, "sheltered"));
		ResponseResourcesTotals resources = new ResponseResourcesTotals(number(r, "personnel"), number(r, "teams"),
				number(r, "vehicles"), number(r, "boats"), number(r, "aircraft"), number(r, "heavy_equipment"));
		return new SitrepTotals(casualties, number(r, "casualty_reports"), resources, number(r, "resource_reports"));
	}

	/** A sum of bigints is a numeric in PostgreSQL; counts are bigints. */
	private static long number(Readable r, String column) {
		Number value = r.get(column, Number.class);
		return value == null ? 0 : value.longValue();
	}

	private static Sitrep sitrep(Readable r) {
		Long seq = r.get("seq", Long.class);
		return new Sitrep(r.get("id", UUID.class), r.get("sitrep_id", String.class), r.get("incident_id", UUID.class),
				r.get("city_code", String.class), r.get("source", String.class),
				SitrepKind.valueOf(r.get("kind", String.class)), r.get("reported_at", Instant.class),
				r.get("submitted_at", Instant.class), Boolean.TRUE.equals(r.get("exercise", Boolean.class)),
				r.get("content", String.class), seq == null ? 0 : seq);
	}

	/** A report to insert; {@code content} is its body as JSON. */
	public record NewSitrep(UUID id, String reporter, String sitrepId, String payloadHash, UUID incidentId,
			String cityCode, String source, SitrepKind kind, Instant reportedAt, Instant submittedAt, boolean exercise,
			String content) {
	}

	/** A stored report with the hash of the submission that created it. */
	public record Stored(Sitrep sitrep, String payloadHash) {
	}

}
