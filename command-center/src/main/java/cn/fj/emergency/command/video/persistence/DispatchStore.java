package cn.fj.emergency.command.video.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.video.DispatchTargets;
import cn.fj.emergency.command.video.VideoDispatch;

import static cn.fj.emergency.command.video.persistence.TextArrays.array;
import static cn.fj.emergency.command.video.persistence.TextArrays.list;

/** Video dispatches. Writes must run inside the transaction that appends their events. */
@Repository
public class DispatchStore {

	private static final String COLUMNS = "id, source_id, incident_id, target_officers, target_groups, target_cities, audience, "
			+ "note, until, exercise, dispatched_by, dispatched_at, withdrawn_by, withdrawn_at, withdraw_reason";

	private final DatabaseClient db;

	public DispatchStore(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Inserts the dispatch if its incident exists, taking the incident's exercise flag; answers the flag, or nothing
	 * when there is no such incident.
	 */
	public Mono<Boolean> insert(VideoDispatch d) {
		return this.db.sql("""
				insert into video_dispatch (id, source_id, incident_id, target_officers, target_groups, target_cities,
				                            audience, note, until, exercise, dispatched_by, dispatched_at)
				select $1, $2, i.id, $4, $5, $6, $7, $8, $9, i.exercise, $10, $11 from incident i where i.id = $3
				returning exercise""")
			.bind(0, d.id())
			.bind(1, d.sourceId())
			.bind(2, d.incidentId())
			.bind(3, array(d.targets().officers()))
			.bind(4, array(d.targets().groups()))
			.bind(5, array(d.targets().cities()))
			.bind(6, array(d.audience()))
			.bind(7, VideoSourceStore.nullable(d.note()))
			.bind(8, d.until() == null ? Parameters.in(R2dbcType.TIMESTAMP_WITH_TIME_ZONE) : d.until())
			.bind(9, d.dispatchedBy())
			.bind(10, d.dispatchedAt())
			.map(r -> Boolean.TRUE.equals(r.get("exercise", Boolean.class)))
			.one();
	}

	public Mono<Void> markWithdrawn(VideoDispatch d) {
		return this.db.sql("update video_dispatch set withdrawn_by = $2, withdrawn_at = $3, withdraw_reason = $4 where id = $1")
			.bind(0, d.id())
			.bind(1, VideoSourceStore.nullable(d.withdrawnBy()))
			.bind(2, d.withdrawnAt() == null ? Parameters.in(R2dbcType.TIMESTAMP_WITH_TIME_ZONE) : d.withdrawnAt())
			.bind(3, VideoSourceStore.nullable(d.withdrawReason()))
			.then();
	}

	public Mono<VideoDispatch> find(UUID id) {
		return this.db.sql("select " + COLUMNS + " from video_dispatch where id = $1").bind(0, id).map(DispatchStore::dispatch).one();
	}

	public Mono<VideoDispatch> lock(UUID id) {
		return this.db.sql("select " + COLUMNS + " from video_dispatch where id = $1 for update")
			.bind(0, id)
			.map(DispatchStore::dispatch)
			.one();
	}

	public Flux<VideoDispatch> byIncident(UUID incidentId, int limit) {
		return this.db.sql("select " + COLUMNS + " from video_dispatch where incident_id = $1 order by dispatched_at, id limit $2")
			.bind(0, incidentId)
			.bind(1, limit)
			.map(DispatchStore::dispatch)
			.all();
	}

	/** Dispatches not withdrawn whose {@code until} is after {@code now}, oldest first; only those whose audience holds one of {@code names} when given. */
	public Flux<VideoDispatch> active(Instant now, @Nullable List<String> names, int limit) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("select " + COLUMNS + " from video_dispatch "
				+ "where withdrawn_at is null and (until is null or until > $1) and ($2::text[] is null or audience && $2::text[]) "
				+ "order by dispatched_at, id limit $3")
			.bind(0, now);
		spec = names == null ? spec.bindNull(1, String[].class) : spec.bind(1, names.toArray(String[]::new));
		return spec.bind(2, limit).map(DispatchStore::dispatch).all();
	}

	private static VideoDispatch dispatch(Readable r) {
		return new VideoDispatch(r.get("id", UUID.class), r.get("source_id", UUID.class), r.get("incident_id", UUID.class),
				new DispatchTargets(list(r, "target_officers"), list(r, "target_groups"), list(r, "target_cities")),
				list(r, "audience"), r.get("note", String.class), r.get("until", Instant.class),
				Boolean.TRUE.equals(r.get("exercise", Boolean.class)), r.get("dispatched_by", String.class),
				r.get("dispatched_at", Instant.class), r.get("withdrawn_by", String.class),
				r.get("withdrawn_at", Instant.class), r.get("withdraw_reason", String.class));
	}

}
