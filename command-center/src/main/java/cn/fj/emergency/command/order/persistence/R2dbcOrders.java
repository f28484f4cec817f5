package cn.fj.emergency.command.order.persistence;

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

import cn.fj.emergency.command.order.AcknowledgementState;
import cn.fj.emergency.command.order.CommandOrder;
import cn.fj.emergency.command.order.OrderAcknowledgement;
import cn.fj.emergency.command.order.OrderOverdue;
import cn.fj.emergency.command.order.OrderQuery;
import cn.fj.emergency.command.order.OrderTarget;
import cn.fj.emergency.command.order.Orders;

/** The order tables. Writes run inside the transaction that appends their events. */
@Repository
class R2dbcOrders implements Orders {

	private static final String ORDER_COLUMNS = "o.id, o.order_ref, o.payload_hash, o.text, o.incident_id, o.target_cities, "
			+ "o.deadline, o.issued_by, o.issued_at, o.exercise, o.jws, o.issued_seq";

	private static final String TARGET_COLUMNS = "t.order_id, t.city_code, t.state, t.acknowledged_at, t.answered_in_time, "
			+ "t.overdue_at, t.overdue_seq";

	private static final String ACK_SELECT = """
			select a.order_id, o.order_ref, a.city_code, a.ack_id, a.state, a.previous_state, a.reason, a.acknowledged_at,
			       a.acknowledged_by, a.seq
			from command_order_ack a join command_order o on o.id = a.order_id""";

	private static final String INSERT = """
			insert into command_order (id, issued_by, order_ref, payload_hash, text, incident_id, target_cities, deadline,
			                           issued_at, exercise, jws)
			values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
			on conflict (issued_by, order_ref) do nothing
			returning id""";

	// Only rows not yet marked, and not held by another transaction (an acknowledgement, or another instance's
	// check): each overdue target is marked by exactly one transaction, which appends its event.
	private static final String MARK_OVERDUE = """
			with due as (
			    select order_id, city_code from command_order_target
			    where overdue_at is null and not answered_in_time and deadline <= $1
			    order by deadline
			    limit $2
			    for update skip locked)
			update command_order_target t set overdue_at = $1
			from due, command_order o
			where t.order_id = due.order_id and t.city_code = due.city_code and o.id = t.order_id
			returning t.order_id, t.city_code, t.state, t.deadline, o.order_ref, o.exercise""";

	private static final String LIST = """
			select %s from command_order o
			where ($1::uuid is null or o.incident_id = $1::uuid)
			  and ($2::text is null or $2::text = any(o.target_cities))
			  and ($3::text is null or exists (
			      select 1 from command_order_target t where t.order_id = o.id
			        and ($2::text is null or t.city_code = $2::text) and coalesce(t.state, 'PENDING') = $3::text))
			  and ($4::boolean is null or $4::boolean = exists (
			      select 1 from command_order_target t where t.order_id = o.id
			        and ($2::text is null or t.city_code = $2::text) and t.overdue_at is not null))
			order by o.issued_at desc, o.id desc
			limit $5 offset $6""".formatted(ORDER_COLUMNS);

	private final DatabaseClient db;

	R2dbcOrders(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Stored> findByRef(String issuedBy, String ref) {
		return this.db.sql("select " + ORDER_COLUMNS + " from command_order o where o.issued_by = $1 and o.order_ref = $2")
			.bind(0, issuedBy)
			.bind(1, ref)
			.map(r -> new Stored(order(r), r.get("payload_hash", String.class)))
			.one();
	}

	@Override
	public Mono<CommandOrder> find(UUID id) {
		return this.db.sql("select " + ORDER_COLUMNS + " from command_order o where o.id = $1")
			.bind(0, id)
			.map(R2dbcOrders::order)
			.one();
	}

	@Override
	public Mono<Boolean> insertNew(CommandOrder order, String payloadHash) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql(INSERT)
			.bind(0, order.id())
			.bind(1, order.issuedBy())
			.bind(2, order.ref())
			.bind(3, payloadHash)
			.bind(4, order.text())
			.bind(6, order.targetCities().toArray(String[]::new))
			.bind(7, order.deadline())
			.bind(8, order.issuedAt())
			.bind(9, order.exercise())
			.bind(10, order.jws());
		UUID incident = order.incidentId();
		spec = incident == null ? spec.bindNull(5, UUID.class) : spec.bind(5, incident);
		return spec.map(r -> r.get("id", UUID.class)).all().hasElements();
	}

	@Override
	public Mono<Void> insertTargets(CommandOrder order) {
		return this.db.sql("""
				insert into command_order_target (order_id, city_code, deadline)
				select $1, c, $2 from unnest($3::text[]) as c""")
			.bind(0, order.id())
			.bind(1, order.deadline())
			.bind(2, order.targetCities().toArray(String[]::new))
			.then();
	}

	@Override
	public Mono<Void> setIssuedSeq(UUID orderId, long seq) {
		return this.db.sql("update command_order set issued_seq = $2 where id = $1").bind(0, orderId).bind(1, seq).then();
	}

	@Override
	public Mono<LockedTarget> lockTarget(UUID orderId, String city) {
		return this.db.sql("""
				select t.order_id, t.city_code, t.deadline, t.state, t.overdue_at, o.order_ref, o.exercise
				from command_order_target t join command_order o on o.id = t.order_id
				where t.order_id = $1 and t.city_code = $2
				for update of t""")
			.bind(0, orderId)
			.bind(1, city)
			.map(r -> new LockedTarget(r.get("order_id", UUID.class), r.get("order_ref", String.class),
					r.get("city_code", String.class), r.get("deadline", Instant.class), state(r, "state"),
					r.get("overdue_at", Instant.class), Boolean.TRUE.equals(r.get("exercise", Boolean.class))))
			.one();
	}

	@Override
	public Mono<OrderAcknowledgement> findAcknowledgement(UUID orderId, String city, String ackId) {
		return this.db.sql(ACK_SELECT + " where a.order_id = $1 and a.city_code = $2 and a.ack_id = $3")
			.bind(0, orderId)
			.bind(1, city)
			.bind(2, ackId)
			.map(R2dbcOrders::acknowledgement)
			.one();
	}

	@Override
	public Mono<OrderAcknowledgement> latestAcknowledgement(UUID orderId, String city) {
		return this.db.sql(ACK_SELECT + " where a.order_id = $1 and a.city_code = $2 order by a.seq desc limit 1")
			.bind(0, orderId)
			.bind(1, city)
			.map(R2dbcOrders::acknowledgement)
			.one();
	}

	@Override
	public Mono<Void> updateTarget(UUID orderId, String city, AcknowledgementState state, Instant at, boolean answeredInTime) {
		return this.db.sql("""
				update command_order_target set state = $3, acknowledged_at = $4, answered_in_time = answered_in_time or $5
				where order_id = $1 and city_code = $2""")
			.bind(0, orderId)
			.bind(1, city)
			.bind(2, state.name())
			.bind(3, at)
			.bind(4, answeredInTime)
			.then();
	}

	@Override
	public Mono<Void> insertAcknowledgement(OrderAcknowledgement ack) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("""
				insert into command_order_ack (order_id, city_code, ack_id, state, previous_state, reason, acknowledged_at,
				                               acknowledged_by, seq)
				values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
			.bind(0, ack.orderId())
			.bind(1, ack.cityCode())
			.bind(2, ack.ackId())
			.bind(3, ack.state().name())
			.bind(6, ack.acknowledgedAt())
			.bind(7, ack.acknowledgedBy())
			.bind(8, ack.seq());
		AcknowledgementState previous = ack.previousState();
		spec = previous == null ? spec.bindNull(4, String.class) : spec.bind(4, previous.name());
		String reason = ack.reason();
		spec = reason == null ? spec.bindNull(5, String.class) : spec.bind(5, reason);
		return spec.then();
	}

	@Override
	public Flux<Due> markOverdue(Instant now, int limit) {
		return this.db.sql(MARK_OVERDUE)
			.bind(0, now)
			.bind(1, limit)
			.map(r -> new Due(new OrderOverdue(r.get("order_id", UUID.class), r.get("order_ref", String.class),
					r.get("city_code", String.class), r.get("deadline", Instant.class), state(r, "state"), now),
					Boolean.TRUE.equals(r.get("exercise", Boolean.class))))
			.all();
	}

	@Override
	public Mono<Void> setOverdueSeqs(List<Due> due, List<Long> seqs) {
		return this.db.sql("""
				update command_order_target t set overdue_seq = u.seq
				from unnest($1::text[], $2::text[], $3::int8[]) as u(order_id, city_code, seq)
				where t.order_id = u.order_id::uuid and t.city_code = u.city_code""")
			.bind(0, due.stream().map(d -> d.overdue().orderId().toString()).toArray(String[]::new))
			.bind(1, due.stream().map(d -> d.overdue().cityCode()).toArray(String[]::new))
			.bind(2, seqs.toArray(Long[]::new))
			.then();
	}

	@Override
	public Flux<CommandOrder> list(OrderQuery query, int limit, long offset) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql(LIST).bind(4, limit).bind(5, offset);
		UUID incident = query.incidentId();
		spec = incident == null ? spec.bindNull(0, UUID.class) : spec.bind(0, incident);
		String city = query.cityCode();
		spec = city == null ? spec.bindNull(1, String.class) : spec.bind(1, city);
		String state = query.state();
		spec = state == null ? spec.bindNull(2, String.class) : spec.bind(2, state);
		Boolean overdue = query.overdue();
		spec = overdue == null ? spec.bindNull(3, Boolean.class) : spec.bind(3, overdue);
		return spec.map(R2dbcOrders::order).all();
	}

	@Override
	public Flux<TargetOf> targets(List<UUID> orderIds, @Nullable String city) {
		if (orderIds.isEmpty()) {
			return Flux.empty();
		}
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("select " + TARGET_COLUMNS + " from command_order_target t "
				+ "where t.order_id = any($1::text[]::uuid[]) and ($2::text is null or t.city_code = $2::text) "
				+ "order by t.order_id, t.city_code")
			.bind(0, orderIds.stream().map(UUID::toString).toArray(String[]::new));
		spec = city == null ? spec.bindNull(1, String.class) : spec.bind(1, city);
		return spec.map(r -> new TargetOf(r.get("order_id", UUID.class), target(r))).all();
	}

	@Override
	public Flux<OrderAcknowledgement> acknowledgements(UUID orderId, @Nullable String city) {
		DatabaseClient.GenericExecuteSpec spec = this.db
			.sql(ACK_SELECT + " where a.order_id = $1 and ($2::text is null or a.city_code = $2::text) order by a.seq")
			.bind(0, orderId);
		spec = city == null ? spec.bindNull(1, String.class) : spec.bind(1, city);
		return spec.map(R2dbcOrders::acknowledgement).all();
	}

	private static CommandOrder order(Readable r) {
		String[] cities = r.get("target_cities", String[].class);
		return new CommandOrder(r.get("id", UUID.class), r.get("order_ref", String.class), r.get("text", String.class),
				r.get("incident_id", UUID.class), cities == null ? List.of() : Arrays.asList(cities),
				r.get("deadline", Instant.class), r.get("issued_by", String.class), r.get("issued_at", Instant.class),
				Boolean.TRUE.equals(r.get("exercise", Boolean.class)), r.get("jws", String.class),
				r.get("issued_seq", Long.class));
	}

	private static OrderTarget target(Readable r) {
		return new OrderTarget(r.get("city_code", String.class), state(r, "state"), r.get("acknowledged_at", Instant.class),
				Boolean.TRUE.equals(r.get("answered_in_time", Boolean.class)), r.get("overdue_at", Instant.class),
				r.get("overdue_seq", Long.class), List.of());
	}

	private static OrderAcknowledgement acknowledgement(Readable r) {
		AcknowledgementState state = state(r, "state");
		Long seq = r.get("seq", Long.class);
		if (state == null || seq == null) {
			throw new IllegalStateException("An acknowledgement row without state or seq");
		}
		return new OrderAcknowledgement(r.get("order_id", UUID.class), r.get("order_ref", String.class),
				r.get("city_code", String.class), r.get("ack_id", String.class), state, state(r, "previous_state"),
				r.get("reason", String.class), r.get("acknowledged_at", Instant.class),
				r.get("acknowledged_by", String.class), seq);
	}

	private static @Nullable AcknowledgementState state(Readable r, String column) {
		String name = r.get(column, String.class);
		return name == null ? null : AcknowledgementState.valueOf(name);
	}

}
