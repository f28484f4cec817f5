package cn.fj.emergency.command.plan.persistence;

import java.time.Instant;
import java.util.List;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.plan.PlanSummary;
import cn.fj.emergency.command.plan.PlanVersion;
import cn.fj.emergency.command.plan.SuggestingLevel.IncidentCount;

/** The plan tables (V23). Writes run inside the transaction that appends their events. */
@Repository
public class PlanStore {

	private static final String VERSION_COLUMNS = "plan_id, version, title_zh, title_en, category, created_by, created_at, note, sha256";

	private static final String SUMMARY = "select p.id, p.current_version, p.created_at, p.retired_at, p.retired_by, "
			+ "p.retire_reason, v.title_zh, v.title_en, v.category, v.created_at as updated_at from plan p "
			+ "join plan_version v on v.plan_id = p.id and v.version = p.current_version";

	/** Incidents in these states are over. */
	private static final String CLOSED_STATES = "('CLOSED', 'DISMISSED', 'MERGED')";

	private final DatabaseClient db;

	public PlanStore(DatabaseClient db) {
		this.db = db;
	}

	/** Creates the plan at version 1 unless its id is taken; answers whether it was created. */
	public Mono<Boolean> create(String id, Instant now) {
		return this.db.sql("insert into plan (id, current_version, created_at) values ($1, 1, $2) "
				+ "on conflict (id) do nothing returning id")
			.bind(0, id)
			.bind(1, now)
			.map(r -> true)
			.one()
			.defaultIfEmpty(false);
	}

	/**
	 * Moves a plan that is not retired to its next version, if {@code editedFrom} (when not 0) is still its current
	 * one; answers the new version, or empty when the plan is missing, retired or moved on (see {@link #find}).
	 */
	public Mono<Integer> advance(String id, int editedFrom) {
		return this.db.sql("update plan set current_version = current_version + 1 where id = $1 and retired_at is null "
				+ "and ($2 = 0 or current_version = $2) returning current_version")
			.bind(0, id)
			.bind(1, editedFrom)
			.map(r -> r.get("current_version", Integer.class))
			.one();
	}

	public Mono<Void> insertVersion(PlanVersion v, String content) {
		return this.db.sql("insert into plan_version (" + VERSION_COLUMNS + ", content) "
				+ "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
			.bind(0, v.planId())
			.bind(1, v.version())
			.bind(2, v.titleZh())
			.bind(3, v.titleEn())
			.bind(4, v.category())
			.bind(5, v.createdBy())
			.bind(6, v.createdAt())
			.bind(7, v.note())
			.bind(8, v.sha256())
			.bind(9, content)
			.then();
	}

	/** Retires a plan not yet retired; answers whether it did. */
	public Mono<Boolean> retire(String id, String by, String reason, Instant now) {
		return this.db.sql("update plan set retired_at = $2, retired_by = $3, retire_reason = $4 "
				+ "where id = $1 and retired_at is null returning id")
			.bind(0, id)
			.bind(1, now)
			.bind(2, by)
			.bind(3, reason)
			.map(r -> true)
			.one()
			.defaultIfEmpty(false);
	}

	public Mono<PlanSummary> find(String id) {
		return this.db.sql(SUMMARY + " where p.id = $1").bind(0, id).map(PlanStore::summary).one();
	}

	/** Every plan, retired ones last, then by id. */
	public Flux<PlanSummary> list() {
		return this.db.sql(SUMMARY + " order by p.retired_at is not null, p.id").map(PlanStore::summary).all();
	}

	/** The plan's versions, newest first. */
	public Flux<PlanVersion> versions(String id) {
		return this.db.sql("select " + VERSION_COLUMNS + " from plan_version where plan_id = $1 order by version desc")
			.bind(0, id)
			.map(PlanStore::version)
			.all();
	}

	public Mono<PlanVersion> version(String id, int version) {
		return this.db.sql("select " + VERSION_COLUMNS + " from plan_version where plan_id = $1 and version = $2")
			.bind(0, id)
			.bind(1, version)
			.map(PlanStore::version)
			.one();
	}

	/** The canonical file of a version, as stored. */
	public Mono<String> content(String id, int version) {
		return this.db.sql("select content from plan_version where plan_id = $1 and version = $2")
			.bind(0, id)
			.bind(1, version)
			.map(r -> r.get("content", String.class))
			.one();
	}

	/** Open incidents, real or drills, counted by category, level and city. */
	public Mono<List<IncidentCount>> openIncidents(boolean exercise) {
		return this.db.sql("select category, level, city_code, count(*) as n from incident where exercise = $1 "
				+ "and status not in " + CLOSED_STATES + " group by category, level, city_code")
			.bind(0, exercise)
			.map(r -> new IncidentCount(r.get("category", String.class), r.get("level", String.class),
					r.get("city_code", String.class), r.get("n", Long.class)))
			.all()
			.collectList();
	}

	private static PlanSummary summary(Readable r) {
		return new PlanSummary(r.get("id", String.class), r.get("current_version", Integer.class),
				r.get("title_zh", String.class), r.get("title_en", String.class), r.get("category", String.class),
				r.get("created_at", Instant.class), r.get("updated_at", Instant.class), r.get("retired_at", Instant.class),
				r.get("retired_by", String.class), r.get("retire_reason", String.class), List.of());
	}

	private static PlanVersion version(Readable r) {
		return new PlanVersion(r.get("plan_id", String.class), r.get("version", Integer.class),
				r.get("title_zh", String.class), r.get("title_en", String.class), r.get("category", String.class),
				r.get("created_by", String.class), r.get("created_at", Instant.class), r.get("note", String.class),
				r.get("sha256", String.class));
	}

}
