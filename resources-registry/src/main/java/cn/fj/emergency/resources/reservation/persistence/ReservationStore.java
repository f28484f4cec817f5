package cn.fj.emergency.resources.reservation.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.resources.persistence.NullableValues;
import cn.fj.emergency.resources.reservation.Commitment;
import cn.fj.emergency.resources.reservation.CommitmentStatus;
import cn.fj.emergency.resources.reservation.RequestLine;
import cn.fj.emergency.resources.reservation.SupplyRequest;
import cn.fj.emergency.resources.reservation.ValidRequest;

/**
 * Requests, their lines and the commitments against them. Writes run inside the transaction that appends their
 * events; a commitment's status only changes by an update conditional on the status it leaves.
 */
@Repository
public class ReservationStore {

	private static final String REQUEST_COLUMNS = "id, message_id, city_code, incident_id, contact, location, note, sent_at, requested_at";

	private static final String COMMITMENT_COLUMNS = "id, request_id, line_no, depot_code, item_code, quantity, status, "
			+ "provider, resource_id, resource_name, committed_by, committed_at, hold_until, updated_at, returned";

	private final DatabaseClient db;

	public ReservationStore(DatabaseClient db) {
		this.db = db;
	}

	/** Inserts the request unless its (requester, message id) is taken; answers whether it was inserted. */
	public Mono<Boolean> insertNew(UUID id, ValidRequest r, Instant now) {
		return this.db.sql("""
				insert into supply_request (id, requester, message_id, payload_hash, city_code, incident_id, contact,
				                            location, note, sent_at, requested_at)
				values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
				on conflict (requester, message_id) do nothing""")
			.bind(0, id)
			.bind(1, r.requester())
			.bind(2, r.messageId())
			.bind(3, r.payloadHash())
			.bind(4, r.cityCode())
			.bind(5, NullableValues.orNull(r.incidentId(), String.class))
			.bind(6, NullableValues.orNull(r.contact(), String.class))
			.bind(7, NullableValues.orNull(r.location(), String.class))
			.bind(8, NullableValues.orNull(r.note(), String.class))
			.bind(9, r.sentAt())
			.bind(10, now)
			.fetch()
			.rowsUpdated()
			.flatMap(rows -> rows == 0 ? Mono.just(false) : insertLines(id, r.lines()).thenReturn(true));
	}

	private Mono<Void> insertLines(UUID id, List<RequestLine> lines) {
		return Flux.fromIterable(lines)
			.concatMap(l -> this.db.sql("""
					insert into supply_request_line (request_id, line_no, element_id, item_code, type_urn, type_value,
					                                 resource_name, quantity)
					values ($1, $2, $3, $4, $5, $6, $7, $8)""")
				.bind(0, id)
				.bind(1, l.lineNo())
				.bind(2, l.elementId())
				.bind(3, NullableValues.orNull(l.itemCode(), String.class))
				.bind(4, NullableValues.orNull(l.typeUrn(), String.class))
				.bind(5, NullableValues.orNull(l.typeValue(), String.class))
				.bind(6, NullableValues.orNull(l.resourceName(), String.class))
				.bind(7, l.quantity())
				.then())
			.then();
	}

	/** The id and content hash of the request a requester sent with this message id. */
	public Mono<Sent> findSent(String requester, String messageId) {
		return this.db.sql("select id, payload_hash from supply_request where requester = $1 and message_id = $2")
			.bind(0, requester)
			.bind(1, messageId)
			.map(r -> new Sent(uuid(r, "id"), text(r, "payload_hash")))
			.one();
	}

	/** The requests with this message id, whoever sent them (an EDXL-RM answer names only the message). */
	public Flux<UUID> withMessageId(String messageId) {
		return this.db.sql("select id from supply_request where message_id = $1 order by requested_at")
			.bind(0, messageId)
			.map(r -> uuid(r, "id"))
			.all();
	}

	public Mono<Void> setSeq(UUID id, long seq) {
		return this.db.sql("update supply_request set seq = $2 where id = $1").bind(0, id).bind(1, seq).then();
	}

	public Mono<SupplyRequest> request(UUID id) {
		return request(id, "");
	}

	/** The request, its row locked for this transaction: commitments to one request are made one at a time. */
	public Mono<SupplyRequest> lockRequest(UUID id) {
		return request(id, " for update");
	}

	private Mono<SupplyRequest> request(UUID id, String lock) {
		return this.db.sql("select " + REQUEST_COLUMNS + " from supply_request where id = $1" + lock)
			.bind(0, id)
			.map(r -> requestHead(r))
			.one()
			.flatMap(head -> lines(id).collectList().map(lines -> head.with(lines)));
	}

	/**
	 * Requests, newest first (ids are time-ordered), naming the incident (its id in lower case, compared with the
	 * request's {@code incident_id} in lower case) and of the city when given, with ids below {@code before} when
	 * given; at most {@code limit}, each with its lines.
	 */
	public Flux<SupplyRequest> requests(@Nullable String incidentId, @Nullable String cityCode, @Nullable UUID before,
			int limit) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("select " + REQUEST_COLUMNS + " from supply_request "
				+ "where ($1::text is null or lower(incident_id) = $1) and ($2::text is null or city_code = $2) "
				+ "and ($3::uuid is null or id < $3) order by id desc limit $4");
		spec = incidentId == null ? spec.bindNull(0, String.class) : spec.bind(0, incidentId);
		spec = cityCode == null ? spec.bindNull(1, String.class) : spec.bind(1, cityCode);
		spec = before == null ? spec.bindNull(2, UUID.class) : spec.bind(2, before);
		return spec.bind(3, limit)
			.map(r -> requestHead(r))
			.all()
			.collectList()
			.flatMapMany(heads -> heads.isEmpty() ? Flux.empty()
					: linesOf(heads.stream().map(Head::id).toList()).collectMultimap(Line::requestId, Line::line)
						.flatMapIterable(lines -> heads.stream()
							.map(head -> head.with(List.copyOf(lines.getOrDefault(head.id(), List.of()))))
							.toList()));
	}

	private Flux<Line> linesOf(List<UUID> requestIds) {
		return this.db.sql("""
				select request_id, line_no, element_id, item_code, type_urn, type_value, resource_name, quantity
				from supply_request_line where request_id = any($1::text[]::uuid[]) order by request_id, line_no""")
			.bind(0, requestIds.stream().map(UUID::toString).toArray(String[]::new))
			.map(r -> new Line(uuid(r, "request_id"), line(r)))
			.all();
	}

	/** The commitments against any of the requests, in the order {@link #commitments(UUID)} answers them. */
	public Flux<Commitment> commitmentsOf(List<UUID> requestIds) {
		return this.db.sql("select " + COMMITMENT_COLUMNS
				+ " from supply_commitment where request_id = any($1::text[]::uuid[]) order by committed_at, id")
			.bind(0, requestIds.stream().map(UUID::toString).toArray(String[]::new))
			.map(r -> commitment(r))
			.all();
	}

	private Flux<RequestLine> lines(UUID id) {
		return this.db.sql("""
				select line_no, element_id, item_code, type_urn, type_value, resource_name, quantity
				from supply_request_line where request_id = $1 order by line_no""")
			.bind(0, id)
			.map(r -> line(r))
			.all();
	}

	private static RequestLine line(Readable r) {
		return new RequestLine(number(r, "line_no").intValue(), text(r, "element_id"), r.get("item_code", String.class),
				r.get("type_urn", String.class), r.get("type_value", String.class), r.get("resource_name", String.class),
				number(r, "quantity").longValue());
	}

	public Flux<Commitment> commitments(UUID requestId) {
		return this.db.sql("select " + COMMITMENT_COLUMNS + " from supply_commitment where request_id = $1 order by committed_at, id")
			.bind(0, requestId)
			.map(r -> commitment(r))
			.all();
	}

	public Mono<Commitment> commitment(UUID id) {
		return this.db.sql("select " + COMMITMENT_COLUMNS + " from supply_commitment where id = $1")
			.bind(0, id)
			.map(r -> commitment(r))
			.one();
	}

	/** Whether commitments of this call (commit id) or imported message already exist for the request. */
	public Mono<Boolean> alreadyCommitted(UUID requestId, String sourceMessage) {
		return this.db.sql("select exists (select 1 from supply_commitment where request_id = $1 and source_message = $2) as found")
			.bind(0, requestId)
			.bind(1, sourceMessage)
			.map(r -> Boolean.TRUE.equals(r.get("found", Boolean.class)))
			.one();
	}

	/**
	 * What a commitment call (commit id) or imported message committed to the request: each commitment's line,
	 * depot, quantity and hold, by its resource key. Empty when nothing was committed with it.
	 */
	public Flux<Committed> committedWith(UUID requestId, String sourceMessage) {
		return this.db.sql("select resource_id, line_no, depot_code, quantity, hold_until from supply_commitment "
				+ "where request_id = $1 and source_message = $2")
			.bind(0, requestId)
			.bind(1, sourceMessage)
			.map(r -> new Committed(r.get("resource_id", String.class), number(r, "line_no").intValue(),
					r.get("depot_code", String.class), number(r, "quantity").longValue(), instant(r, "hold_until")))
			.all();
	}

	public Mono<Void> insert(Commitment c, String sourceMessage, String resourceKey) {
		return this.db.sql("""
				insert into supply_commitment (id, request_id, line_no, depot_code, item_code, quantity, status, provider,
				                               resource_id, resource_name, source_message, committed_by, committed_at,
				                               hold_until, updated_at)
				values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)""")
			.bind(0, c.id())
			.bind(1, c.requestId())
			.bind(2, c.lineNo())
			.bind(3, NullableValues.orNull(c.depotCode(), String.class))
			.bind(4, NullableValues.orNull(c.itemCode(), String.class))
			.bind(5, c.quantity())
			.bind(6, c.status().name())
			.bind(7, NullableValues.orNull(c.provider(), String.class))
			.bind(8, resourceKey)
			.bind(9, NullableValues.orNull(c.resourceName(), String.class))
			.bind(10, sourceMessage)
			.bind(11, c.committedBy())
			.bind(12, c.committedAt())
			.bind(13, c.holdUntil())
			.bind(14, c.updatedAt())
			.then();
	}

	/**
	 * Locks the rows of these requests for this transaction, in the order of their ids (so that transactions locking
	 * several cannot deadlock), and answers what each of their lines has committed and delivered as kept with every
	 * commitment ({@link #addToLines}): the need without the commitments themselves.
	 */
	public Flux<LineTotal> lockRequests(List<UUID> ids) {
		return this.db.sql("""
				select r.id, l.line_no, l.committed, l.delivered
				from supply_request r join supply_request_line l on l.request_id = r.id
				where r.id = any($1::text[]::uuid[]) order by r.id, l.line_no for update of r""")
			.bind(0, ids.stream().map(UUID::toString).toArray(String[]::new))
			.map(r -> new LineTotal(uuid(r, "id"), number(r, "line_no").intValue(), number(r, "committed").longValue(),
					number(r, "delivered").longValue()))
			.all();
	}

	/**
	 * Adds to the committed and delivered totals of request lines (pairwise lists; a negative change takes away), in
	 * the transaction of the commitments or steps that change them: one statement for all.
	 */
	public Mono<Void> addToLines(List<UUID> requestIds, List<Integer> lineNos, List<Long> committed,
			List<Long> delivered) {
		if (requestIds.isEmpty()) {
			return Mono.empty();
		}
		return this.db.sql("""
				update supply_request_line l set committed = l.committed + d.committed, delivered = l.delivered + d.delivered
				from (select request_id::uuid as request_id, line_no, sum(committed) as committed, sum(delivered) as delivered
				      from unnest($1::text[], $2::int[], $3::bigint[], $4::bigint[]) as u(request_id, line_no, committed, delivered)
				      group by 1, 2) d
				where l.request_id = d.request_id and l.line_no = d.line_no""")
			.bind(0, requestIds.stream().map(UUID::toString).toArray(String[]::new))
			.bind(1, lineNos.toArray(Integer[]::new))
			.bind(2, committed.toArray(Long[]::new))
			.bind(3, delivered.toArray(Long[]::new))
			.then();
	}

	/**
	 * The commitments that these calls (request and commit id or imported message, pairwise) already made, each with
	 * the call that made it: what recognises a retry, without reading the requests' other commitments.
	 */
	public Flux<Sourced> committedBy(List<UUID> requestIds, List<String> sourceMessages) {
		return this.db.sql("select " + COMMITMENT_COLUMNS + ", source_message from supply_commitment "
				+ "where (request_id, source_message) in (select u.r::uuid, u.s from unnest($1::text[], $2::text[]) as u(r, s)) "
				+ "order by committed_at, id")
			.bind(0, requestIds.stream().map(UUID::toString).toArray(String[]::new))
			.bind(1, sourceMessages.toArray(String[]::new))
			.map(r -> new Sourced(commitment(r), r.get("source_message", String.class)))
			.all();
	}

	/**
	 * Inserts commitments of registry stock (status RESERVED, committed and updated at {@code now}), each with the
	 * commit id of its call and its resource key ({@code line#i}): one statement for all of them.
	 */
	public Mono<Void> insertReserved(List<Commitment> commitments, List<String> sourceMessages,
			List<String> resourceKeys, Instant now) {
		if (commitments.isEmpty()) {
			return Mono.empty();
		}
		return this.db.sql("""
				insert into supply_commitment (id, request_id, line_no, depot_code, item_code, quantity, status, resource_id,
				                               source_message, committed_by, committed_at, hold_until, updated_at)
				select c.id::uuid, c.request_id::uuid, c.line_no, c.depot_code, c.item_code, c.quantity, 'RESERVED',
				       c.resource_id, c.source_message, c.committed_by, $11::timestamptz, c.hold_until::timestamptz,
				       $11::timestamptz
				from unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::text[],
				            $9::text[], $10::text[])
				  as c(id, request_id, line_no, depot_code, item_code, quantity, resource_id, source_message, committed_by,
				       hold_until)""")
			.bind(0, commitments.stream().map(c -> c.id().toString()).toArray(String[]::new))
			.bind(1, commitments.stream().map(c -> c.requestId().toString()).toArray(String[]::new))
			.bind(2, commitments.stream().map(Commitment::lineNo).toArray(Integer[]::new))
			.bind(3, commitments.stream().map(c -> String.valueOf(c.depotCode())).toArray(String[]::new))
			.bind(4, commitments.stream().map(c -> String.valueOf(c.itemCode())).toArray(String[]::new))
			.bind(5, commitments.stream().map(Commitment::quantity).toArray(Long[]::new))
			.bind(6, resourceKeys.toArray(String[]::new))
			.bind(7, sourceMessages.toArray(String[]::new))
			.bind(8, commitments.stream().map(Commitment::committedBy).toArray(String[]::new))
			.bind(9, commitments.stream().map(c -> c.holdUntil().toString()).toArray(String[]::new))
			.bind(10, now)
			.then();
	}

	/**
	 * Moves the commitment to {@code to} if it is in one of {@code from} (and, for an expiry, its hold is over):
	 * answers it as changed, or nothing if it was not in such a status. Concurrent callers wait for the row; only
	 * one of them changes it.
	 */
	public Mono<Commitment> transition(UUID id, Set<CommitmentStatus> from, CommitmentStatus to, long returned,
			@Nullable Instant heldUntilBefore, Instant now) {
		return this.db.sql("update supply_commitment set status = $2, returned = $3, updated_at = $4 "
				+ "where id = $1 and status = any($5) and ($6::timestamptz is null or hold_until <= $6) returning "
				+ COMMITMENT_COLUMNS)
			.bind(0, id)
			.bind(1, to.name())
			.bind(2, returned)
			.bind(3, now)
			.bind(4, from.stream().map(Enum::name).toArray(String[]::new))
			.bind(5, NullableValues.orNull(heldUntilBefore, Instant.class))
			.map(r -> commitment(r))
			.one();
	}

	/** Uncollected commitments whose hold is over, oldest first. */
	public Flux<UUID> dueForExpiry(Instant now, int limit) {
		return this.db.sql("select id from supply_commitment where status = any($1) and hold_until <= $2 order by hold_until limit $3")
			.bind(0, CommitmentStatus.UNCOLLECTED.stream().map(Enum::name).toArray(String[]::new))
			.bind(1, now)
			.bind(2, limit)
			.map(r -> uuid(r, "id"))
			.all();
	}

	private static Commitment commitment(Readable r) {
		return new Commitment(uuid(r, "id"), uuid(r, "request_id"), number(r, "line_no").intValue(),
				r.get("depot_code", String.class), r.get("item_code", String.class), number(r, "quantity").longValue(),
				CommitmentStatus.valueOf(text(r, "status")), r.get("provider", String.class),
				r.get("resource_id", String.class), r.get("resource_name", String.class), text(r, "committed_by"),
				instant(r, "committed_at"), instant(r, "hold_until"), instant(r, "updated_at"),
				number(r, "returned").longValue());
	}

	private static Head requestHead(Readable r) {
		return new Head(uuid(r, "id"), text(r, "message_id"), text(r, "city_code"), r.get("incident_id", String.class),
				r.get("contact", String.class), r.get("location", String.class), r.get("note", String.class),
				instant(r, "sent_at"), instant(r, "requested_at"));
	}

	private static UUID uuid(Readable r, String column) {
		UUID value = r.get(column, UUID.class);
		if (value == null) {
			throw new IllegalStateException("Column " + column + " is null");
		}
		return value;
	}

	private static String text(Readable r, String column) {
		String value = r.get(column, String.class);
		if (value == null) {
			throw new IllegalStateException("Column " + column + " is null");
		}
		return value;
	}

	private static Number number(Readable r, String column) {
		Number value = r.get(column, Number.class);
		if (value == null) {
			throw new IllegalStateException("Column " + column + " is null");
		}
		return value;
	}

	private static Instant instant(Readable r, String column) {
		Instant value = r.get(column, Instant.class);
		if (value == null) {
			throw new IllegalStateException("Column " + column + " is null");
		}
		return value;
	}

	/** One commitment as a call made it: its resource key ({@code line#i} for a call's i-th line) and content. */
	public record Committed(@Nullable String resourceKey, int lineNo, @Nullable String depotCode, long quantity,
			Instant holdUntil) {
	}

	/** What one request line has committed and delivered. */
	public record LineTotal(UUID requestId, int lineNo, long committed, long delivered) {
	}

	/** A commitment and the commit id or imported message that made it. */
	public record Sourced(Commitment commitment, @Nullable String sourceMessage) {
	}

	/** A line and the request it belongs to, as read for several requests at once. */
	private record Line(UUID requestId, RequestLine line) {
	}

	/** A request as first sent: where it is stored and the hash of its content. */
	public record Sent(UUID id, String payloadHash) {
	}

	private record Head(UUID id, String messageId, String cityCode, @Nullable String incidentId,
			@Nullable String contact, @Nullable String location, @Nullable String note, Instant sentAt,
			Instant requestedAt) {

		SupplyRequest with(List<RequestLine> lines) {
			return new SupplyRequest(this.id, this.messageId, this.cityCode, this.incidentId, this.contact,
					this.location, this.note, this.sentAt, this.requestedAt, lines);
		}

	}

}
