package cn.fj.emergency.resources.stock.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.resources.persistence.NullableValues;
import cn.fj.emergency.resources.stock.Balance;
import cn.fj.emergency.resources.stock.LedgerVerification;
import cn.fj.emergency.resources.stock.Movement;
import cn.fj.emergency.resources.stock.MovementReceipt;
import cn.fj.emergency.resources.stock.MovementType;
import cn.fj.emergency.resources.stock.StockLevel;

/**
 * The ledger and balance tables. Every write must run inside the transaction that appends the movement's events;
 * a balance is only changed under its row lock, by a conditional update that the table's checks back up.
 */
@Repository
public class LedgerStore {

	private static final String BALANCE_COLUMNS = "depot_code, item_code, on_hand, reserved, low_threshold, low, updated_at";

	private final DatabaseClient db;

	public LedgerStore(DatabaseClient db) {
		this.db = db;
	}

	/** Inserts the movement unless its (reporter, movement id) is taken; answers whether it was inserted. */
	public Mono<Boolean> insertNew(UUID id, Movement m, Instant recordedAt) {
		return this.db.sql("""
				insert into stock_movement (id, reporter, movement_id, payload_hash, depot_code, item_code, type, quantity,
				                            on_hand_delta, reserved_delta, reason, counterpart_depot, commitment_id,
				                            occurred_at, recorded_at)
				values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
				on conflict (reporter, movement_id) do nothing""")
			.bind(0, id)
			.bind(1, m.reporter())
			.bind(2, m.movementId())
			.bind(3, m.payloadHash())
			.bind(4, m.depotCode())
			.bind(5, m.itemCode())
			.bind(6, m.type().name())
			.bind(7, m.quantity())
			.bind(8, m.delta().onHand())
			.bind(9, m.delta().reserved())
			.bind(10, NullableValues.orNull(m.reason(), String.class))
			.bind(11, NullableValues.orNull(m.counterpartDepot(), String.class))
			.bind(12, NullableValues.orNull(m.commitmentId(), UUID.class))
			.bind(13, m.occurredAt())
			.bind(14, recordedAt)
			.fetch()
			.rowsUpdated()
			.map(rows -> rows == 1);
	}

	/** The stored movement with this (reporter, movement id): its content hash and the answer it was given. */
	public Mono<Stored> find(String reporter, String movementId) {
		return this.db.sql("""
				select id, movement_id, payload_hash, depot_code, item_code, type, quantity, on_hand_after, reserved_after,
				       seq, recorded_at
				from stock_movement where reporter = $1 and movement_id = $2""")
			.bind(0, reporter)
			.bind(1, movementId)
			.map(LedgerStore::stored)
			.one();
	}

	/** Creates the balance row if missing, then takes its lock for this transaction and answers it. */
	public Mono<Balance> lock(String depotCode, String itemCode, Instant now) {
		return this.db.sql("""
				insert into stock_balance (depot_code, item_code, updated_at) values ($1, $2, $3)
				on conflict (depot_code, item_code) do nothing""")
			.bind(0, depotCode)
			.bind(1, itemCode)
			.bind(2, now)
			.fetch()
			.rowsUpdated()
			.then(this.db.sql("select " + BALANCE_COLUMNS + " from stock_balance where depot_code = $1 and item_code = $2 for update")
				.bind(0, depotCode)
				.bind(1, itemCode)
				.map(r -> balance(r))
				.one());
	}

	/**
	 * Creates the missing balance rows of these (depot, item) pairs, then locks them all for this transaction in
	 * (depot, item) order, byte-wise as Java compares the codes, and answers them in that order.
	 */
	public Flux<Balance> lockAll(List<String> depotCodes, List<String> itemCodes, Instant now) {
		String[] depots = depotCodes.toArray(String[]::new);
		String[] items = itemCodes.toArray(String[]::new);
		return this.db.sql("""
				insert into stock_balance (depot_code, item_code, updated_at)
				select distinct k.d, k.i, $3::timestamptz from unnest($1::text[], $2::text[]) as k(d, i)
				on conflict (depot_code, item_code) do nothing""")
			.bind(0, depots)
			.bind(1, items)
			.bind(2, now)
			.fetch()
			.rowsUpdated()
			.thenMany(this.db.sql("select b.depot_code, b.item_code, b.on_hand, b.reserved, b.low_threshold, b.low, "
					+ "b.updated_at from stock_balance b where (b.depot_code, b.item_code) in "
					+ "(select k.d, k.i from unnest($1::text[], $2::text[]) as k(d, i)) "
					+ "order by b.depot_code collate \"C\", b.item_code collate \"C\" for update of b")
				.bind(0, depots)
				.bind(1, items)
				.map(r -> balance(r))
				.all());
	}

	/**
	 * Inserts movements applied under their balances' locks, with their outcome (levels after, event's sequence
	 * number) already known: one statement for all of them.
	 */
	public Mono<Void> insertApplied(List<UUID> ids, List<Movement> movements, List<StockLevel> after, List<Long> seqs,
			Instant recordedAt) {
		int n = movements.size();
		String[] reason = new String[n];
		String[] counterpart = new String[n];
		String[] commitment = new String[n];
		for (int i = 0; i < n; i++) {
			Movement m = movements.get(i);
			reason[i] = m.reason() == null ? "" : m.reason();
			counterpart[i] = m.counterpartDepot() == null ? "" : m.counterpartDepot();
			UUID c = m.commitmentId();
			commitment[i] = c == null ? "" : c.toString();
		}
		return this.db.sql("""
				insert into stock_movement (id, reporter, movement_id, payload_hash, depot_code, item_code, type, quantity,
				                            on_hand_delta, reserved_delta, reason, counterpart_depot, commitment_id,
				                            occurred_at, recorded_at, on_hand_after, reserved_after, seq)
				select m.id::uuid, m.reporter, m.movement_id, m.payload_hash, m.depot_code, m.item_code, m.type, m.quantity,
				       m.on_hand_delta, m.reserved_delta, nullif(m.reason, ''), nullif(m.counterpart, ''),
				       nullif(m.commitment, '')::uuid, m.occurred_at::timestamptz, $18::timestamptz, m.on_hand_after,
				       m.reserved_after, m.seq
				from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
				            $8::bigint[], $9::bigint[], $10::bigint[], $11::text[], $12::text[], $13::text[], $14::text[],
				            $15::bigint[], $16::bigint[], $17::bigint[])
				  as m(id, reporter, movement_id, payload_hash, depot_code, item_code, type, quantity, on_hand_delta,
				       reserved_delta, reason, counterpart, commitment, occurred_at, on_hand_after, reserved_after, seq)""")
			.bind(0, ids.stream().map(UUID::toString).toArray(String[]::new))
			.bind(1, movements.stream().map(Movement::reporter).toArray(String[]::new))
			.bind(2, movements.stream().map(Movement::movementId).toArray(String[]::new))
			.bind(3, movements.stream().map(Movement::payloadHash).toArray(String[]::new))
			.bind(4, movements.stream().map(Movement::depotCode).toArray(String[]::new))
			.bind(5, movements.stream().map(Movement::itemCode).toArray(String[]::new))
			.bind(6, movements.stream().map(m -> m.type().name()).toArray(String[]::new))
			.bind(7, movements.stream().map(Movement::quantity).toArray(Long[]::new))
			.bind(8, movements.stream().map(m -> m.delta().onHand()).toArray(Long[]::new))
			.bind(9, movements.stream().map(m -> m.delta().reserved()).toArray(Long[]::new))
			.bind(10, reason)
			.bind(11, counterpart)
			.bind(12, commitment)
			.bind(13, movements.stream().map(m -> m.occurredAt().toString()).toArray(String[]::new))
			.bind(14, after.stream().map(StockLevel::onHand).toArray(Long[]::new))
			.bind(15, after.stream().map(StockLevel::reserved).toArray(Long[]::new))
			.bind(16, seqs.toArray(Long[]::new))
			.bind(17, recordedAt)
			.then();
	}

	/**
	 * Sets the levels, on condition that they are what the caller read under the lock and that none goes negative:
	 * answers false (and changes nothing) otherwise.
	 */
	public Mono<Boolean> update(Balance before, StockLevel after, boolean low, Instant now) {
		return this.db.sql("""
				update stock_balance set on_hand = $3, reserved = $4, low = $5, updated_at = $6
				where depot_code = $1 and item_code = $2 and on_hand = $7 and reserved = $8
				  and $3 >= 0 and $4 >= 0 and $4 <= $3""")
			.bind(0, before.depotCode())
			.bind(1, before.itemCode())
			.bind(2, after.onHand())
			.bind(3, after.reserved())
			.bind(4, low)
			.bind(5, now)
			.bind(6, before.onHand())
			.bind(7, before.reserved())
			.fetch()
			.rowsUpdated()
			.map(rows -> rows == 1);
	}

	public Mono<Void> setThreshold(String depotCode, String itemCode, @Nullable Long threshold, boolean low, Instant now) {
		return this.db.sql("update stock_balance set low_threshold = $3, low = $4, updated_at = $5 "
				+ "where depot_code = $1 and item_code = $2")
			.bind(0, depotCode)
			.bind(1, itemCode)
			.bind(2, NullableValues.orNull(threshold, Long.class))
			.bind(3, low)
			.bind(4, now)
			.then();
	}

	/** Records the movement's outcome: the levels after it and its event's sequence number. */
	public Mono<Void> recordOutcome(UUID id, StockLevel after, long seq) {
		return this.db.sql("update stock_movement set on_hand_after = $2, reserved_after = $3, seq = $4 where id = $1")
			.bind(0, id)
			.bind(1, after.onHand())
			.bind(2, after.reserved())
			.bind(3, seq)
			.then();
	}

	public Flux<Balance> balances(String depotCode) {
		return this.db.sql("select " + BALANCE_COLUMNS + " from stock_balance where depot_code = $1 order by item_code")
			.bind(0, depotCode)
			.map(r -> balance(r))
			.all();
	}

	public Mono<Balance> balance(String depotCode, String itemCode) {
		return this.db.sql("select " + BALANCE_COLUMNS + " from stock_balance where depot_code = $1 and item_code = $2")
			.bind(0, depotCode)
			.bind(1, itemCode)
			.map(r -> balance(r))
			.one();
	}

	/** Balances of these items with something available, anywhere. */
	public Flux<Balance> availableOf(List<String> itemCodes) {
		return this.db.sql("select " + BALANCE_COLUMNS + " from stock_balance where item_code = any($1) and on_hand > reserved")
			.bind(0, itemCodes.toArray(String[]::new))
			.map(r -> balance(r))
			.all();
	}

	/** Balances whose levels differ from the sums of their movements (a balance with no movement sums to zero). */
	public Flux<LedgerVerification.Mismatch> mismatches() {
		return this.db.sql("""
				select b.depot_code, b.item_code, b.on_hand, b.reserved,
				       coalesce(m.on_hand, 0) as ledger_on_hand, coalesce(m.reserved, 0) as ledger_reserved
				from stock_balance b
				full outer join (select depot_code, item_code, sum(on_hand_delta) as on_hand, sum(reserved_delta) as reserved
				                 from stock_movement group by depot_code, item_code) m
				  on m.depot_code = b.depot_code and m.item_code = b.item_code
				where coalesce(b.on_hand, 0) <> coalesce(m.on_hand, 0) or coalesce(b.reserved, 0) <> coalesce(m.reserved, 0)
				order by 1, 2""")
			.map(r -> new LedgerVerification.Mismatch(text(r, "depot_code"), text(r, "item_code"),
					number(r, "on_hand"), number(r, "reserved"), number(r, "ledger_on_hand"), number(r, "ledger_reserved")))
			.all();
	}

	/** How many balances and movements there are, to say what a verification covered. */
	public Mono<long[]> counts() {
		return this.db.sql("select (select count(*) from stock_balance) as balances, (select count(*) from stock_movement) as movements")
			.map(r -> new long[] { number(r, "balances"), number(r, "movements") })
			.one();
	}

	private static Balance balance(Readable r) {
		long onHand = number(r, "on_hand");
		long reserved = number(r, "reserved");
		Instant updated = r.get("updated_at", Instant.class);
		return new Balance(text(r, "depot_code"), text(r, "item_code"), onHand, reserved, onHand - reserved,
				r.get("low_threshold", Long.class), Boolean.TRUE.equals(r.get("low", Boolean.class)),
				updated == null ? Instant.EPOCH : updated);
	}

	private static Stored stored(Readable r) {
		Long seq = r.get("seq", Long.class);
		Long onHand = r.get("on_hand_after", Long.class);
		Long reserved = r.get("reserved_after", Long.class);
		Instant recorded = r.get("recorded_at", Instant.class);
		MovementReceipt receipt = seq == null || onHand == null || reserved == null || recorded == null ? null
				: new MovementReceipt(r.get("id", UUID.class), text(r, "movement_id"), text(r, "depot_code"),
						text(r, "item_code"), MovementType.valueOf(text(r, "type")), number(r, "quantity"), onHand,
						reserved, onHand - reserved, seq, recorded);
		return new Stored(text(r, "payload_hash"), receipt);
	}

	private static String text(Readable r, String column) {
		String value = r.get(column, String.class);
		return value == null ? "" : value;
	}

	private static long number(Readable r, String column) {
		Number value = r.get(column, Number.class);
		return value == null ? 0 : value.longValue();
	}

	/** A stored movement: the hash of its content, and its answer once its transaction completed. */
	public record Stored(String payloadHash, @Nullable MovementReceipt receipt) {
	}

}
