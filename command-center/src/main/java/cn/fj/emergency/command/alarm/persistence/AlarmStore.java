package cn.fj.emergency.command.alarm.persistence;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.alarm.Alarm;
import cn.fj.emergency.command.alarm.AlarmCause;
import cn.fj.emergency.command.alarm.AlarmKind;

/**
 * The alarms, the tailer's cursor and the platforms' last known presence. The cursor is taken FOR UPDATE SKIP LOCKED:
 * an instance that finds it taken leaves the round to the holder.
 */
@Repository
public class AlarmStore {

	private static final String COLUMNS = "id, kind, cause, city_code, subject_id, level, summary, source_seq, raised_at, "
			+ "acknowledged_by, acknowledged_at";

	private final DatabaseClient db;

	public AlarmStore(DatabaseClient db) {
		this.db = db;
	}

	/** The named cursor, locked for this transaction; empty when another transaction holds it. */
	public Mono<Long> lockCursor(String name) {
		return this.db.sql("select last_seq from alarm_cursor where name = $1 for update skip locked")
			.bind(0, name)
			.map(r -> r.get("last_seq", Long.class))
			.one();
	}

	public Mono<Void> moveCursor(String name, long seq) {
		return this.db.sql("update alarm_cursor set last_seq = $2 where name = $1").bind(0, name).bind(1, seq).then();
	}

	/** Inserts the alarm unless its cause has one already; answers it only when inserted. */
	public Mono<Alarm> raise(UUID id, AlarmCause cause, Instant now) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("""
				insert into alarm (id, cause, kind, city_code, subject_id, level, summary, source_seq, raised_at)
				values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
				on conflict (cause) do nothing
				returning %s""".formatted(COLUMNS))
			.bind(0, id)
			.bind(1, cause.cause())
			.bind(2, cause.kind().name());
		spec = nullable(spec, 3, cause.cityCode());
		spec = nullable(spec, 4, cause.subjectId());
		spec = nullable(spec, 5, cause.level());
		spec = nullable(spec, 6, cause.summary());
		return spec.bind(7, cause.sourceSeq()).bind(8, now).map(AlarmStore::alarm).one();
	}

	/** Records the acknowledgement of an open alarm; answers it only when it was open. */
	public Mono<Alarm> acknowledge(UUID id, String by, Instant at) {
		return this.db.sql("update alarm set acknowledged_by = $2, acknowledged_at = $3 "
				+ "where id = $1 and acknowledged_at is null returning " + COLUMNS)
			.bind(0, id)
			.bind(1, by)
			.bind(2, at)
			.map(AlarmStore::alarm)
			.one();
	}

	public Mono<Alarm> find(UUID id) {
		return this.db.sql("select " + COLUMNS + " from alarm where id = $1").bind(0, id).map(AlarmStore::alarm).one();
	}

	/** Open alarms, newest first, at most {@code limit}; only the city's when {@code city} is given. */
	public Flux<Alarm> open(@Nullable String city, int limit) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("select " + COLUMNS + " from alarm "
				+ "where acknowledged_at is null and ($1::text is null or city_code = $1) "
				+ "order by raised_at desc, id desc limit $2");
		return nullable(spec, 0, city).bind(1, limit).map(AlarmStore::alarm).all();
	}

	/** The platforms recorded online, with the time each came online. */
	public Flux<PlatformPresence> platforms() {
		return this.db.sql("select city_code, online, online_since from platform_presence")
			.map(r -> new PlatformPresence(r.get("city_code", String.class), Boolean.TRUE.equals(r.get("online", Boolean.class)),
					r.get("online_since", Instant.class)))
			.all();
	}

	/** Records the platform online since {@code since} (if it was not already) or offline. */
	public Mono<Void> setPresence(String city, boolean online, Instant since, Instant now) {
		return this.db.sql("""
				insert into platform_presence (city_code, online, online_since, changed_at) values ($1, $2, $3, $4)
				on conflict (city_code) do update set online = excluded.online,
				  online_since = case when excluded.online then excluded.online_since else platform_presence.online_since end,
				  changed_at = excluded.changed_at""")
			.bind(0, city)
			.bind(1, online)
			.bind(2, since)
			.bind(3, now)
			.then();
	}

	private static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, int index,
			@Nullable String value) {
		return value == null ? spec.bindNull(index, String.class) : spec.bind(index, value);
	}

	private static Alarm alarm(Readable r) {
		return new Alarm(r.get("id", UUID.class), AlarmKind.valueOf(r.get("kind", String.class)),
				r.get("cause", String.class), r.get("city_code", String.class), r.get("subject_id", String.class),
				r.get("level", String.class), r.get("summary", String.class), r.get("source_seq", Long.class),
				r.get("raised_at", Instant.class), r.get("acknowledged_by", String.class),
				r.get("acknowledged_at", Instant.class));
	}

	/** A platform's last recorded presence. */
	public record PlatformPresence(String cityCode, boolean online, Instant onlineSince) {
	}

}
