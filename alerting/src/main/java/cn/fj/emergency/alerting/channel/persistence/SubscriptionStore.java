package cn.fj.emergency.alerting.channel.persistence;

import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.channel.Channel;
import cn.fj.emergency.alerting.channel.Subscription;

/** Webhook endpoints and SMS recipients (V50__delivery_ledger.sql, V62__exercise_subscriptions.sql,
 * V63__subscription_receivers.sql). */
public class SubscriptionStore {

	private static final String COLUMNS = "id, channel, name, address, secret, areas, created_at, exercises, receivers";

	private final DatabaseClient db;

	public SubscriptionStore(DatabaseClient db) {
		this.db = db;
	}

	/** Adds the subscription; answers false if one of this channel already has the address. */
	public Mono<Boolean> add(Subscription s) {
		var spec = this.db.sql("""
				INSERT INTO channel_subscription (id, channel, name, address, secret, areas, created_at, exercises, receivers)
				VALUES (:id, :channel, :name, :address, :secret, :areas, :createdAt, :exercises, :receivers)
				ON CONFLICT (channel, address) DO NOTHING""")
			.bind("id", s.id())
			.bind("channel", s.channel().name())
			.bind("name", s.name())
			.bind("address", s.address())
			.bind("areas", s.areas().toArray(String[]::new))
			.bind("createdAt", s.createdAt())
			.bind("exercises", s.exercises());
		spec = s.secret() == null ? spec.bindNull("secret", String.class) : spec.bind("secret", s.secret());
		spec = s.receivers() == null ? spec.bindNull("receivers", Integer.class) : spec.bind("receivers", s.receivers());
		return spec.fetch().rowsUpdated().map(n -> n > 0);
	}

	public Flux<Subscription> all() {
		return this.db.sql("SELECT " + COLUMNS + " FROM channel_subscription ORDER BY channel, created_at, id")
			.map(SubscriptionStore::subscription)
			.all();
	}

	/** The subscriptions wanting any of these areas. */
	public Flux<Subscription> wanting(List<String> areas) {
		return this.db.sql("SELECT " + COLUMNS + " FROM channel_subscription WHERE areas && :areas ORDER BY id")
			.bind("areas", areas.toArray(String[]::new))
			.map(SubscriptionStore::subscription)
			.all();
	}

	public Mono<Boolean> delete(UUID id) {
		return this.db.sql("DELETE FROM channel_subscription WHERE id = :id")
			.bind("id", id)
			.fetch()
			.rowsUpdated()
			.map(n -> n > 0);
	}

	private static Subscription subscription(Readable row) {
		String[] areas = row.get("areas", String[].class);
		return new Subscription(LedgerStore.required(row.get("id", UUID.class), "id"),
				Channel.valueOf(LedgerStore.string(row, "channel")), LedgerStore.string(row, "name"),
				LedgerStore.string(row, "address"), row.get("secret", String.class),
				areas == null ? List.of() : List.of(areas), LedgerStore.instant(row, "created_at"),
				Boolean.TRUE.equals(row.get("exercises", Boolean.class)), row.get("receivers", Integer.class));
	}

}
