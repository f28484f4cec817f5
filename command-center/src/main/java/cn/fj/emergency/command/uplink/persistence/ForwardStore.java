package cn.fj.emergency.command.uplink.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.incident.IncidentLevel;
import cn.fj.emergency.command.uplink.Forward;
import cn.fj.emergency.command.uplink.ForwardKind;
import cn.fj.emergency.command.uplink.ForwardState;

/**
 * The outbox of forwards to the national platform and the cursor of the tailer that fills it. A claim is its own
 * statement, committed at once, so that other instances see it; acknowledging must run in the transaction that
 * appends its event.
 */
@Repository
public class ForwardStore {

	private static final String COLUMNS = "id, incident_id, city_code, kind, level, previous_level, source_seq, exercise, "
			+ "state, created_at, attempts, last_attempt_at, next_attempt_at, last_error, acknowledged_at, receipt_id";

	private static final String INSERT = """
			insert into upstream_forward (id, source_seq, incident_id, city_code, kind, level, previous_level, exercise,
			                              payload, state, created_at, next_attempt_at)
			select u.id::uuid, u.seq, u.incident::uuid, u.city, u.kind, u.level, u.previous, u.exercise, u.payload::jsonb,
			       'PENDING', $1, $1
			from unnest($2::text[], $3::int8[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bool[],
			            $10::text[]) as u(id, seq, incident, city, kind, level, previous, exercise, payload)
			on conflict (source_seq) do nothing""";

	// The claimed rows are locked while they are claimed, and skipped by any other instance claiming at the same time
	private static final String CLAIM = """
			update upstream_forward f
			set claimed_by = $1, claimed_until = $3, attempts = f.attempts + 1, last_attempt_at = $2
			where f.id in (
			    select id from upstream_forward
			    where state = 'PENDING' and next_attempt_at <= $2 and (claimed_until is null or claimed_until < $2)
			    order by next_attempt_at, source_seq
			    limit $4
			    for update skip locked)
			returning f.id, f.payload::text as payload, f.attempts""";

	private static final String ACKNOWLEDGE = """
			update upstream_forward
			set state = 'ACKNOWLEDGED', acknowledged_at = $2, receipt_id = $3, last_error = null, claimed_by = null,
			    claimed_until = null
			where id = $1 and state = 'PENDING'
			returning\s""" + COLUMNS;

	private static final String FAILED = """
			update upstream_forward
			set last_error = $3, next_attempt_at = $4, claimed_by = null, claimed_until = null
			where id = $1 and state = 'PENDING' and claimed_by = $2""";

	private final DatabaseClient db;

	public ForwardStore(DatabaseClient db) {
		this.db = db;
	}

	/** The tailer's position, locked until the end of the transaction; empty while another instance holds it. */
	public Mono<Long> lockCursor() {
		return this.db.sql("select last_seq from uplink_cursor where name = 'national' for update skip locked")
			.map(r -> r.get("last_seq", Long.class))
			.one();
	}

	public Mono<Void> moveCursor(long seq) {
		return this.db.sql("update uplink_cursor set last_seq = $1 where name = 'national'").bind(0, seq).then();
	}

	/** Inserts the forwards whose source event has none yet; answers how many were inserted. */
	public Mono<Long> insert(List<NewForward> forwards, Instant now) {
		int n = forwards.size();
		String[] ids = new String[n], incidents = new String[n], cities = new String[n], kinds = new String[n],
				levels = new String[n], previous = new String[n], payloads = new String[n];
		Long[] seqs = new Long[n];
		Boolean[] exercises = new Boolean[n];
		for (int i = 0; i < n; i++) {
			NewForward f = forwards.get(i);
			ids[i] = f.id().toString();
			seqs[i] = f.sourceSeq();
			incidents[i] = f.incidentId().toString();
			cities[i] = f.cityCode();
			kinds[i] = f.kind().name();
			levels[i] = f.level().name();
			IncidentLevel p = f.previousLevel();
			previous[i] = p == null ? null : p.name();
			exercises[i] = f.exercise();
			payloads[i] = f.payloadJson();
		}
		return this.db.sql(INSERT)
			.bind(0, now)
			.bind(1, ids)
			.bind(2, seqs)
			.bind(3, incidents)
			.bind(4, cities)
			.bind(5, kinds)
			.bind(6, levels)
			.bind(7, previous)
			.bind(8, exercises)
			.bind(9, payloads)
			.fetch()
			.rowsUpdated();
	}

	/** Claims up to {@code limit} due forwards for {@code instance} until {@code until}, counting the attempt. */
	public Flux<Claimed> claimDue(String instance, Instant now, Instant until, int limit) {
		return this.db.sql(CLAIM)
			.bind(0, instance)
			.bind(1, now)
			.bind(2, until)
			.bind(3, limit)
			.map(r -> new Claimed(r.get("id", UUID.class), r.get("payload", String.class), r.get("attempts", Integer.class)))
			.all();
	}

	/** Marks the forward acknowledged; empty if it was not pending (another instance got there first). */
	public Mono<Forward> acknowledge(UUID id, String receiptId, Instant at) {
		return this.db.sql(ACKNOWLEDGE).bind(0, id).bind(1, at).bind(2, receiptId).map(ForwardStore::forward).one();
	}

	/** Records a failed attempt and when to try again, unless the claim was lost meanwhile. */
	public Mono<Void> failed(UUID id, String instance, String error, Instant nextAttempt) {
		return this.db.sql(FAILED).bind(0, id).bind(1, instance).bind(2, error).bind(3, nextAttempt).then();
	}

	public Flux<Forward> ofIncident(UUID incidentId) {
		return this.db.sql("select " + COLUMNS + " from upstream_forward where incident_id = $1 order by source_seq")
			.bind(0, incidentId)
			.map(ForwardStore::forward)
			.all();
	}

	/** Forwards after {@code afterSeq} by source event, of one state or all, of one city or all. */
	public Flux<Forward> list(@Nullable ForwardState state, @Nullable String city, long afterSeq, int limit) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("select " + COLUMNS + " from upstream_forward"
				+ " where source_seq > $1 and ($2::text is null or state = $2::text)"
				+ " and ($4::text is null or city_code = $4::text) order by source_seq limit $3")
			.bind(0, afterSeq)
			.bind(2, limit);
		spec = state == null ? spec.bindNull(1, String.class) : spec.bind(1, state.name());
		spec = city == null ? spec.bindNull(3, String.class) : spec.bind(3, city);
		return spec.map(ForwardStore::forward).all();
	}

	public Mono<Long> pendingCount() {
		return this.db.sql("select count(*) as n from upstream_forward where state = 'PENDING'")
			.map(r -> r.get("n", Long.class))
			.one();
	}

	private static Forward forward(Readable r) {
		String previous = r.get("previous_level", String.class);
		Integer attempts = r.get("attempts", Integer.class);
		return new Forward(r.get("id", UUID.class), r.get("incident_id", UUID.class), r.get("city_code", String.class),
				ForwardKind.valueOf(r.get("kind", String.class)), IncidentLevel.valueOf(r.get("level", String.class)),
				previous == null ? null : IncidentLevel.valueOf(previous), r.get("source_seq", Long.class),
				Boolean.TRUE.equals(r.get("exercise", Boolean.class)), ForwardState.valueOf(r.get("state", String.class)),
				r.get("created_at", Instant.class), attempts == null ? 0 : attempts, r.get("last_attempt_at", Instant.class),
				"PENDING".equals(r.get("state", String.class)) ? r.get("next_attempt_at", Instant.class) : null,
				r.get("last_error", String.class), r.get("acknowledged_at", Instant.class), r.get("receipt_id", String.class));
	}

	/** A forward to create, with the request the peer will receive, as JSON. */
	public record NewForward(UUID id, long sourceSeq, UUID incidentId, String cityCode, ForwardKind kind,
			IncidentLevel level, @Nullable IncidentLevel previousLevel, boolean exercise, String payloadJson) {
	}

	/** A forward claimed for one attempt: the request to send and the attempts counted so far, this one included. */
	public record Claimed(UUID id, String payloadJson, int attempts) {
	}

}
