package cn.fj.emergency.alerting.channel.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.channel.Channel;
import cn.fj.emergency.alerting.channel.ChannelIds;
import cn.fj.emergency.alerting.channel.Delivery;
import cn.fj.emergency.alerting.channel.DeliveryChange;
import cn.fj.emergency.alerting.channel.DeliveryState;
import cn.fj.emergency.alerting.channel.DeliveryView;

/** The delivery ledger: one row per warning x channel x recipient (V50__delivery_ledger.sql). */
public class LedgerStore {

	private final DatabaseClient db;

	public LedgerStore(DatabaseClient db) {
		this.db = db;
	}

	/** A delivery owed, written PENDING; a row already owed for this warning, channel and recipient stays as it is. */
	public record NewDelivery(String identifier, Channel channel, String recipient, String address,
			@Nullable String secret, List<String> cityCodes, boolean exercise, String payload) {
	}

	public Mono<Long> insert(NewDelivery d, Instant now) {
		var spec = this.db.sql("""
				INSERT INTO channel_delivery (message_id, identifier, channel, recipient, address, secret, city_codes,
				    exercise, payload, state, attempts, next_attempt_at, created_at, updated_at)
				VALUES (:messageId, :identifier, :channel, :recipient, :address, :secret, :cityCodes, :exercise,
				    :payload, 'PENDING', 0, :now, :now, :now)
				ON CONFLICT (identifier, channel, recipient) DO NOTHING""")
			.bind("messageId", ChannelIds.newId(now.toEpochMilli()))
			.bind("identifier", d.identifier())
			.bind("channel", d.channel().name())
			.bind("recipient", d.recipient())
			.bind("address", d.address())
			.bind("cityCodes", d.cityCodes().toArray(String[]::new))
			.bind("exercise", d.exercise())
			.bind("payload", d.payload())
			.bind("now", now);
		spec = d.secret() == null ? spec.bindNull("secret", String.class) : spec.bind("secret", d.secret());
		return spec.fetch().rowsUpdated();
	}

	/**
	 * Claims up to {@code limit} due PENDING deliveries for this instance until {@code leaseUntil}. Rows another
	 * instance is claiming are skipped (SKIP LOCKED), rows under another's unexpired lease are not due.
	 */
	public Flux<Delivery> claim(String owner, Instant now, Instant leaseUntil, int limit) {
		return this.db.sql("""
				UPDATE channel_delivery d SET lease_owner = :owner, lease_until = :leaseUntil
				WHERE d.id IN (SELECT id FROM channel_delivery
				               WHERE state = 'PENDING' AND next_attempt_at <= :now
				                 AND (lease_until IS NULL OR lease_until < :now)
				               ORDER BY next_attempt_at, id LIMIT :limit
				               FOR UPDATE SKIP LOCKED)
				RETURNING d.id, d.message_id, d.identifier, d.channel, d.recipient, d.address, d.secret, d.city_codes,
				    d.exercise, d.payload, d.attempts""")
			.bind("owner", owner)
			.bind("leaseUntil", leaseUntil)
			.bind("now", now)
			.bind("limit", limit)
			.map(LedgerStore::delivery)
			.all();
	}

	/**
	 * Records an attempt's outcome, provided this instance still holds the lease: answers the change, or nothing if
	 * the lease was lost (the other holder records its own attempt).
	 */
	public Mono<DeliveryChange> record(long id, String owner, DeliveryState state, int attempts, Instant nextAttemptAt,
			@Nullable String error, Instant now) {
		var spec = this.db.sql("""
				UPDATE channel_delivery SET state = :state, attempts = :attempts, next_attempt_at = :next,
				    last_error = :error, lease_owner = NULL, lease_until = NULL, updated_at = :now
				WHERE id = :id AND lease_owner = :owner AND state = 'PENDING'
				RETURNING identifier, channel, recipient, message_id, state, attempts, city_codes, exercise, last_error""")
			.bind("state", state.name())
			.bind("attempts", attempts)
			.bind("next", nextAttemptAt)
			.bind("now", now)
			.bind("id", id)
			.bind("owner", owner);
		spec = error == null ? spec.bindNull("error", String.class) : spec.bind("error", error);
		return spec.map(LedgerStore::change).one();
	}

	/** Turns a warning's FAILED deliveries back into PENDING, due now, with their attempts reset; same message ids. */
	public Flux<DeliveryChange> resetFailed(String identifier, Instant now) {
		return this.db.sql("""
				UPDATE channel_delivery SET state = 'PENDING', attempts = 0, next_attempt_at = :now, last_error = NULL,
				    lease_owner = NULL, lease_until = NULL, updated_at = :now
				WHERE identifier = :identifier AND state = 'FAILED'
				RETURNING identifier, channel, recipient, message_id, state, attempts, city_codes, exercise, last_error""")
			.bind("identifier", identifier)
			.bind("now", now)
			.map(LedgerStore::change)
			.all();
	}

	/**
	 * Applies an SMS gateway's delivery receipt to the delivery with that message id: delivered makes a SENT (or still
	 * PENDING, when the receipt overtook the attempt's own record) delivery ACKNOWLEDGED; undelivered makes a SENT one
	 * FAILED with {@code error}. Answers the change, or nothing when the delivery was already past that point.
	 */
	public Mono<DeliveryChange> smsReceipt(UUID messageId, boolean delivered, @Nullable String error, Instant now) {
		var spec = this.db.sql("""
				UPDATE channel_delivery SET state = :state, last_error = COALESCE(:error, last_error),
				    lease_owner = NULL, lease_until = NULL, updated_at = :now
				WHERE message_id = :id AND channel = 'SMS' AND state = ANY(:from)
				RETURNING identifier, channel, recipient, message_id, state, attempts, city_codes, exercise, last_error""")
			.bind("state", delivered ? DeliveryState.ACKNOWLEDGED.name() : DeliveryState.FAILED.name())
			.bind("now", now)
			.bind("id", messageId)
			.bind("from", delivered ? new String[] { "PENDING", "SENT" } : new String[] { "SENT" });
		spec = error == null ? spec.bindNull("error", String.class) : spec.bind("error", error);
		return spec.map(LedgerStore::change).one();
	}

	/** Whether an SMS delivery with this message id exists. */
	public Mono<Boolean> smsDeliveryExists(UUID messageId) {
		return this.db.sql("SELECT 1 FROM channel_delivery WHERE message_id = :id AND channel = 'SMS'")
			.bind("id", messageId)
			.map(row -> true)
			.one()
			.defaultIfEmpty(false);
	}

	public Flux<DeliveryView> forWarning(String identifier) {
		return this.db.sql("""
				SELECT d.message_id, d.identifier, d.channel, d.recipient, d.state, d.attempts, d.next_attempt_at,
				    d.last_error, d.created_at, d.updated_at, s.name AS recipient_name
				FROM channel_delivery d
				LEFT JOIN channel_subscription s ON d.channel IN ('WEBHOOK', 'SMS') AND s.id::text = d.recipient
				WHERE d.identifier = :identifier ORDER BY d.channel, d.recipient""")
			.bind("identifier", identifier)
			.map(row -> new DeliveryView(uuid(row, "message_id"), string(row, "identifier"),
					Channel.valueOf(string(row, "channel")), string(row, "recipient"),
					DeliveryState.valueOf(string(row, "state")), integer(row, "attempts"),
					instant(row, "next_attempt_at"), row.get("last_error", String.class), instant(row, "created_at"),
					instant(row, "updated_at"), row.get("recipient_name", String.class)))
			.all();
	}

	private static Delivery delivery(Readable row) {
		return new Delivery(longValue(row, "id"), uuid(row, "message_id"), string(row, "identifier"),
				Channel.valueOf(string(row, "channel")), string(row, "recipient"), string(row, "address"),
				row.get("secret", String.class), codes(row), bool(row, "exercise"), string(row, "payload"),
				integer(row, "attempts"));
	}

	private static DeliveryChange change(Readable row) {
		return new DeliveryChange(string(row, "identifier"), Channel.valueOf(string(row, "channel")),
				string(row, "recipient"), uuid(row, "message_id"), DeliveryState.valueOf(string(row, "state")),
				integer(row, "attempts"), codes(row), bool(row, "exercise"), row.get("last_error", String.class));
	}

	static List<String> codes(Readable row) {
		String[] codes = row.get("city_codes", String[].class);
		return codes == null ? List.of() : List.of(codes);
	}

	static String string(Readable row, String column) {
		return required(row.get(column, String.class), column);
	}

	static Instant instant(Readable row, String column) {
		return required(row.get(column, Instant.class), column);
	}

	private static UUID uuid(Readable row, String column) {
		return required(row.get(column, UUID.class), column);
	}

	private static int integer(Readable row, String column) {
		return required(row.get(column, Integer.class), column);
	}

	private static long longValue(Readable row, String column) {
		return required(row.get(column, Long.class), column);
	}

	private static boolean bool(Readable row, String column) {
		return required(row.get(column, Boolean.class), column);
	}

	static <T> T required(@Nullable T value, String column) {
		if (value == null) {
			throw new IllegalStateException("Column " + column + " is null");
		}
		return value;
	}

}
