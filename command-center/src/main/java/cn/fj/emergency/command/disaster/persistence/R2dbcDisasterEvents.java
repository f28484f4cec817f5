package cn.fj.emergency.command.disaster.persistence;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.disaster.DisasterEvent;
import cn.fj.emergency.command.disaster.DisasterEvents;
import cn.fj.emergency.command.disaster.DisasterResponse;
import cn.fj.emergency.command.disaster.EventCounts;
import cn.fj.emergency.command.disaster.EventMember;
import cn.fj.emergency.command.disaster.MemberKind;
import cn.fj.emergency.command.disaster.ResponseChange;
import cn.fj.emergency.command.disaster.ResponseLevel;
import cn.fj.emergency.command.stream.Criticality;
import cn.fj.emergency.command.stream.HubEvent;

/**
 * The disaster event tables. Writes run inside the transaction that appends their events. The rule, the counts and
 * the timeline read the incident, order and event-log tables in SQL (read only): they join what the hub holds
 * rather than copying it.
 */
@Repository
class R2dbcDisasterEvents implements DisasterEvents {

	private static final String EVENT_COLUMNS = "e.id, e.category, e.name_zh, e.name_en, e.cities, e.counties, "
			+ "e.concerned_cities, e.starts_at, e.ends_at, e.state, e.exercise, e.opened_by, e.opened_at, e.closed_by, "
			+ "e.closed_at, e.close_reason";

	private static final String MEMBER_COLUMNS = "m.event_id, m.member_kind, m.member_id, m.joined_by_rule, m.added_by, "
			+ "m.added_at, m.add_reason, m.removed_by, m.removed_at, m.remove_reason";

	private static final String RESPONSE_COLUMNS = "r.id, r.event_id, r.level, r.state, r.exercise, r.plan_id, "
			+ "r.plan_version, r.activated_by, r.activated_at, r.ended_by, r.ended_at, r.version";

	private static final String JOIN_BY_RULE = """
			with candidate as (
			    select e.id as event_id, i.id::text as member_id
			    from disaster_event e
			    join incident i
			      on i.category like e.category || '%'
			     and (i.city_code = any(e.cities) or i.county_code = any(e.counties))
			     and i.exercise = e.exercise
			     and i.reported_at >= e.starts_at and (e.ends_at is null or i.reported_at <= e.ends_at)
			    where e.state = 'OPEN'
			      and not exists (select 1 from disaster_event_member m
			                      where m.event_id = e.id and m.member_kind = 'INCIDENT' and m.member_id = i.id::text)
			    order by i.reported_at
			    limit $2)
			insert into disaster_event_member (event_id, member_kind, member_id, joined_by_rule, added_by, added_at)
			select event_id, 'INCIDENT', member_id, true, 'rule', $1 from candidate
			on conflict do nothing
			returning event_id, member_id""";

	private static final String TIMELINE = """
			select l.seq, l.stream, l.type, l.subject_id, l.cities, l.criticality, l.conflation_key, l.exercise,
			       l.recorded_at, l.payload::text as payload, l.audience
			from event_log l
			where l.subject_id in (
			    select $1::text
			    union all select m.member_id from disaster_event_member m where m.event_id = $1 and m.removed_at is null
			    union all select r.id::text from disaster_response r where r.event_id = $1)
			order by l.seq desc
			limit $2 offset $3""";

	private final DatabaseClient db;

	R2dbcDisasterEvents(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Void> insertEvent(DisasterEvent e) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("""
				insert into disaster_event (id, category, name_zh, name_en, cities, counties, concerned_cities, starts_at,
				                            ends_at, state, exercise, opened_by, opened_at)
				values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)""")
			.bind(0, e.id())
			.bind(1, e.category())
			.bind(2, e.nameZh())
			.bind(4, e.cities().toArray(String[]::new))
			.bind(5, e.counties().toArray(String[]::new))
			.bind(6, e.concernedCities().toArray(String[]::new))
			.bind(7, e.startsAt())
			.bind(9, e.state())
			.bind(10, e.exercise())
			.bind(11, e.openedBy())
			.bind(12, e.openedAt());
		spec = bindNullable(spec, 3, e.nameEn(), String.class);
		spec = bindNullable(spec, 8, e.endsAt(), Instant.class);
		return spec.then();
	}

	@Override
	public Mono<DisasterEvent> findEvent(UUID id) {
		return this.db.sql("select " + EVENT_COLUMNS + " from disaster_event e where e.id = $1")
			.bind(0, id)
			.map(R2dbcDisasterEvents::event)
			.one();
	}

	@Override
	public Mono<DisasterEvent> lockEvent(UUID id) {
		return this.db.sql("select " + EVENT_COLUMNS + " from disaster_event e where e.id = $1 for update")
			.bind(0, id)
			.map(R2dbcDisasterEvents::event)
			.one();
	}

	@Override
	public Mono<Void> close(DisasterEvent e) {
		return this.db.sql("""
				update disaster_event set state = $2, ends_at = $3, closed_by = $4, closed_at = $5, close_reason = $6
				where id = $1""")
			.bind(0, e.id())
			.bind(1, e.state())
			.bind(2, e.endsAt())
			.bind(3, e.closedBy())
			.bind(4, e.closedAt())
			.bind(5, e.closeReason())
			.then();
	}

	@Override
	public Flux<DisasterEvent> list(@Nullable String state, @Nullable Boolean exercise, @Nullable String city, int limit,
			long offset) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("select " + EVENT_COLUMNS + """
				 from disaster_event e
				where ($1::text is null or e.state = $1::text)
				  and ($2::boolean is null or e.exercise = $2::boolean)
				  and ($3::text is null or $3::text = any(e.concerned_cities))
				order by e.starts_at desc, e.id desc
				limit $4 offset $5""").bind(3, limit).bind(4, offset);
		spec = bindNullable(spec, 0, state, String.class);
		spec = bindNullable(spec, 1, exercise, Boolean.class);
		spec = bindNullable(spec, 2, city, String.class);
		return spec.map(R2dbcDisasterEvents::event).all();
	}

	@Override
	public Mono<EventMember> findMember(UUID eventId, MemberKind kind, String memberId) {
		return this.db.sql("select " + MEMBER_COLUMNS
				+ " from disaster_event_member m where m.event_id = $1 and m.member_kind = $2 and m.member_id = $3")
			.bind(0, eventId)
			.bind(1, kind.name())
			.bind(2, memberId)
			.map(R2dbcDisasterEvents::member)
			.one();
	}

	@Override
	public Mono<Void> putMember(EventMember m) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("""
				insert into disaster_event_member (event_id, member_kind, member_id, joined_by_rule, added_by, added_at,
				                                   add_reason)
				values ($1, $2, $3, $4, $5, $6, $7)
				on conflict (event_id, member_kind, member_id) do update
				set joined_by_rule = excluded.joined_by_rule, added_by = excluded.added_by, added_at = excluded.added_at,
				    add_reason = excluded.add_reason, removed_by = null, removed_at = null, remove_reason = null""")
			.bind(0, m.eventId())
			.bind(1, m.kind().name())
			.bind(2, m.memberId())
			.bind(3, m.joinedByRule())
			.bind(4, m.addedBy())
			.bind(5, m.addedAt());
		spec = bindNullable(spec, 6, m.addReason(), String.class);
		return spec.then();
	}

	@Override
	public Mono<Void> removeMember(UUID eventId, MemberKind kind, String memberId, String by, Instant at, String reason) {
		return this.db.sql("""
				update disaster_event_member set removed_by = $4, removed_at = $5, remove_reason = $6
				where event_id = $1 and member_kind = $2 and member_id = $3""")
			.bind(0, eventId)
			.bind(1, kind.name())
			.bind(2, memberId)
			.bind(3, by)
			.bind(4, at)
			.bind(5, reason)
			.then();
	}

	@Override
	public Flux<EventMember> members(UUID eventId) {
		return this.db.sql("select " + MEMBER_COLUMNS + " from disaster_event_member m where m.event_id = $1 "
				+ "order by (m.removed_at is not null), coalesce(m.removed_at, m.added_at) desc, m.member_kind, m.member_id")
			.bind(0, eventId)
			.map(R2dbcDisasterEvents::member)
			.all();
	}

	@Override
	public Flux<Joined> joinByRule(Instant now, int limit) {
		return this.db.sql(JOIN_BY_RULE)
			.bind(0, now)
			.bind(1, limit)
			.map(r -> new String[] { r.get("event_id", UUID.class).toString(), r.get("member_id", String.class) })
			.all()
			.concatMap(row -> findEvent(UUID.fromString(row[0]))
				.map(event -> new Joined(new EventMember(event.id(), MemberKind.INCIDENT, row[1], true, EventMember.RULE,
						now, null, null, null, null), event)));
	}

	@Override
	public Mono<EventCounts> counts(UUID eventId) {
		Mono<List<Object[]>> incidents = this.db.sql("""
				select i.level, i.status, count(*) as n
				from disaster_event_member m join incident i on i.id::text = m.member_id
				where m.event_id = $1 and m.member_kind = 'INCIDENT' and m.removed_at is null
				group by i.level, i.status""")
			.bind(0, eventId)
			.map(r -> new Object[] { r.get("level", String.class), r.get("status", String.class), r.get("n", Long.class) })
			.all()
			.collectList();
		Mono<Map<String, Long>> kinds = this.db.sql("""
				select m.member_kind, count(*) as n from disaster_event_member m
				where m.event_id = $1 and m.removed_at is null group by m.member_kind""")
			.bind(0, eventId)
			.map(r -> Map.entry(r.get("member_kind", String.class), r.get("n", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		Mono<long[]> orders = this.db.sql("""
				select count(*) as targets,
				       count(*) filter (where t.state in ('ACCEPTED', 'COMPLETED', 'REJECTED')) as answered,
				       count(*) filter (where t.overdue_at is not null) as overdue
				from disaster_event_member m join command_order_target t on t.order_id::text = m.member_id
				where m.event_id = $1 and m.member_kind = 'ORDER' and m.removed_at is null""")
			.bind(0, eventId)
			.map(r -> new long[] { value(r, "targets"), value(r, "answered"), value(r, "overdue") })
			.one();
		Mono<Long> inForce = this.db.sql("""
				select count(*) as n from disaster_event_member m join warning w on w.identifier = m.member_id
				where m.event_id = $1 and m.member_kind = 'WARNING' and m.removed_at is null
				  and w.state = 'PUBLISHED' and (w.expires_at is null or w.expires_at > now())""")
			.bind(0, eventId)
			.map(r -> value(r, "n"))
			.one();
		return Mono.zip(incidents, kinds, orders, inForce).map(t -> {
			Map<String, Long> byLevel = new TreeMap<>();
			Map<String, Long> byStatus = new TreeMap<>();
			long total = 0;
			for (Object[] row : t.getT1()) {
				long n = (Long) row[2];
				byLevel.merge((String) row[0], n, Long::sum);
				byStatus.merge((String) row[1], n, Long::sum);
				total += n;
			}
			Map<String, Long> k = t.getT2();
			long[] o = t.getT3();
			return new EventCounts(total, byLevel, byStatus, k.getOrDefault("WARNING", 0L), t.getT4(), k.getOrDefault("ORDER", 0L),
					o[0], o[1], o[2], k.getOrDefault("SITREP", 0L), k.getOrDefault("SUPPLY_REQUEST", 0L));
		});
	}

	@Override
	public Mono<Boolean> recorded(MemberKind kind, String memberId) {
		String sql = switch (kind) {
			case WARNING -> "select exists (select 1 from warning where identifier = $1) as found";
			case SITREP -> "select exists (select 1 from sitrep where id::text = $1) as found";
			case SUPPLY_REQUEST -> "select exists (select 1 from supply_request where id::text = $1) as found";
			case INCIDENT -> "select exists (select 1 from incident where id::text = $1) as found";
			case ORDER -> "select exists (select 1 from command_order where id::text = $1) as found";
		};
		return this.db.sql(sql).bind(0, memberId).map(r -> Boolean.TRUE.equals(r.get("found", Boolean.class))).one();
	}

	@Override
	public Flux<HubEvent> timeline(UUID eventId, int limit, long offset) {
		return this.db.sql(TIMELINE).bind(0, eventId).bind(1, limit).bind(2, offset).map(r -> {
			String[] cities = r.get("cities", String[].class);
			String[] audience = r.get("audience", String[].class);
			return new HubEvent(value(r, "seq"), r.get("stream", String.class), r.get("type", String.class),
					r.get("subject_id", String.class), cities == null ? List.of() : Arrays.asList(cities),
					Criticality.valueOf(r.get("criticality", String.class)), r.get("conflation_key", String.class),
					Boolean.TRUE.equals(r.get("exercise", Boolean.class)), r.get("recorded_at", Instant.class),
					r.get("payload", String.class), audience == null ? List.of() : Arrays.asList(audience));
		}).all();
	}

	@Override
	public Mono<Void> insertResponse(DisasterResponse r) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("""
				insert into disaster_response (id, event_id, level, state, exercise, plan_id, plan_version, activated_by,
				                               activated_at, version)
				values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""")
			.bind(0, r.id())
			.bind(1, r.eventId())
			.bind(2, r.level().name())
			.bind(3, r.state())
			.bind(4, r.exercise())
			.bind(7, r.activatedBy())
			.bind(8, r.activatedAt())
			.bind(9, r.version());
		spec = bindNullable(spec, 5, r.planId(), UUID.class);
		spec = bindNullable(spec, 6, r.planVersion(), Integer.class);
		return spec.then();
	}

	@Override
	public Mono<DisasterResponse> lockActiveResponse(UUID eventId) {
		return this.db.sql("select " + RESPONSE_COLUMNS
				+ " from disaster_response r where r.event_id = $1 and r.state = 'ACTIVE' for update")
			.bind(0, eventId)
			.map(R2dbcDisasterEvents::response)
			.one();
	}

	@Override
	public Mono<Void> updateResponse(UUID id, ResponseLevel level, String state, int version, @Nullable String endedBy,
			@Nullable Instant endedAt) {
		DatabaseClient.GenericExecuteSpec spec = this.db
			.sql("update disaster_response set level = $2, state = $3, version = $4, ended_by = $5, ended_at = $6 where id = $1")
			.bind(0, id)
			.bind(1, level.name())
			.bind(2, state)
			.bind(3, version);
		spec = bindNullable(spec, 4, endedBy, String.class);
		spec = bindNullable(spec, 5, endedAt, Instant.class);
		return spec.then();
	}

	@Override
	public Mono<Void> insertChange(ResponseChange c) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("""
				insert into disaster_response_change (response_id, version, action, level, previous_level, reason,
				                                      changed_by, changed_at, jws)
				values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
			.bind(0, c.responseId())
			.bind(1, c.version())
			.bind(2, c.action().name())
			.bind(3, c.level().name())
			.bind(5, c.reason())
			.bind(6, c.changedBy())
			.bind(7, c.changedAt())
			.bind(8, String.valueOf(c.jws()));
		ResponseLevel previous = c.previousLevel();
		spec = bindNullable(spec, 4, previous == null ? null : previous.name(), String.class);
		return spec.then();
	}

	@Override
	public Mono<Void> setChangeSeq(UUID responseId, int version, long seq) {
		return this.db.sql("update disaster_response_change set seq = $3 where response_id = $1 and version = $2")
			.bind(0, responseId)
			.bind(1, version)
			.bind(2, seq)
			.then();
	}

	@Override
	public Flux<DisasterResponse> responses(UUID eventId) {
		return this.db.sql("select " + RESPONSE_COLUMNS
				+ " from disaster_response r where r.event_id = $1 order by r.activated_at desc, r.id desc")
			.bind(0, eventId)
			.map(R2dbcDisasterEvents::response)
			.all();
	}

	@Override
	public Flux<ResponseChange> changes(UUID responseId) {
		return this.db.sql("""
				select c.response_id, r.event_id, e.name_zh, c.version, c.action, c.level, c.previous_level, c.reason,
				       c.changed_by, c.changed_at, r.exercise, e.concerned_cities, c.jws, c.seq
				from disaster_response_change c join disaster_response r on r.id = c.response_id
				join disaster_event e on e.id = r.event_id
				where c.response_id = $1 order by c.version""")
			.bind(0, responseId)
			.map(r -> {
				String previous = r.get("previous_level", String.class);
				String[] cities = r.get("concerned_cities", String[].class);
				return new ResponseChange(r.get("response_id", UUID.class), r.get("event_id", UUID.class),
						r.get("name_zh", String.class), value(r, "version").intValue(),
						ResponseChange.Action.valueOf(r.get("action", String.class)),
						ResponseLevel.valueOf(r.get("level", String.class)),
						previous == null ? null : ResponseLevel.valueOf(previous), r.get("reason", String.class),
						r.get("changed_by", String.class), r.get("changed_at", Instant.class),
						Boolean.TRUE.equals(r.get("exercise", Boolean.class)),
						cities == null ? List.of() : Arrays.asList(cities), r.get("jws", String.class),
						r.get("seq", Long.class));
			})
			.all();
	}

	@Override
	public Flux<Active> active(@Nullable String city) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("select " + RESPONSE_COLUMNS + """
				 from disaster_response r join disaster_event e on e.id = r.event_id
				where r.state = 'ACTIVE' and ($1::text is null or $1::text = any(e.concerned_cities))
				order by r.level, r.activated_at""");
		spec = bindNullable(spec, 0, city, String.class);
		return spec.map(R2dbcDisasterEvents::response)
			.all()
			.concatMap(response -> findEvent(response.eventId()).map(event -> new Active(response, event)));
	}

	private static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, int index,
			@Nullable T value, Class<T> type) {
		return value == null ? spec.bindNull(index, type) : spec.bind(index, value);
	}

	private static Long value(Readable r, String column) {
		Number n = r.get(column, Number.class);
		return n == null ? 0L : n.longValue();
	}

	private static List<String> list(Readable r, String column) {
		String[] values = r.get(column, String[].class);
		return values == null ? List.of() : Arrays.asList(values);
	}

	private static DisasterEvent event(Readable r) {
		return new DisasterEvent(r.get("id", UUID.class), r.get("category", String.class), r.get("name_zh", String.class),
				r.get("name_en", String.class), list(r, "cities"), list(r, "counties"), list(r, "concerned_cities"),
				r.get("starts_at", Instant.class), r.get("ends_at", Instant.class), r.get("state", String.class),
				Boolean.TRUE.equals(r.get("exercise", Boolean.class)), r.get("opened_by", String.class),
				r.get("opened_at", Instant.class), r.get("closed_by", String.class), r.get("closed_at", Instant.class),
				r.get("close_reason", String.class));
	}

	private static EventMember member(Readable r) {
		return new EventMember(r.get("event_id", UUID.class), MemberKind.valueOf(r.get("member_kind", String.class)),
				r.get("member_id", String.class), Boolean.TRUE.equals(r.get("joined_by_rule", Boolean.class)),
				r.get("added_by", String.class), r.get("added_at", Instant.class), r.get("add_reason", String.class),
				r.get("removed_by", String.class), r.get("removed_at", Instant.class), r.get("remove_reason", String.class));
	}

	private static DisasterResponse response(Readable r) {
		return new DisasterResponse(r.get("id", UUID.class), r.get("event_id", UUID.class),
				ResponseLevel.valueOf(r.get("level", String.class)), r.get("state", String.class),
				Boolean.TRUE.equals(r.get("exercise", Boolean.class)), r.get("plan_id", UUID.class),
				r.get("plan_version", Integer.class), r.get("activated_by", String.class),
				r.get("activated_at", Instant.class), r.get("ended_by", String.class), r.get("ended_at", Instant.class),
				value(r, "version").intValue(), List.of());
	}

}
