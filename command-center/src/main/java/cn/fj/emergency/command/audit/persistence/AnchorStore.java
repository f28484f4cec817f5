package cn.fj.emergency.command.audit.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.audit.Anchor;

/** The table audit_anchor (V13), and the audit trail's head and records as far as anchoring reads them. */
@Repository
public class AnchorStore {

	private final DatabaseClient db;

	public AnchorStore(DatabaseClient db) {
		this.db = db;
	}

	/** The trail's committed head, if it moved past the last anchor. */
	public Mono<Head> unanchoredHead() {
		return this.db.sql("""
				select last_seq, last_hash from audit_head
				where log = 'audit' and last_seq > coalesce((select max(seq) from audit_anchor), 0)""")
			.map(r -> new Head(r.get("last_seq", Long.class), r.get("last_hash", String.class)))
			.one();
	}

	/** Stores the anchor unless its head is already anchored; answers whether it was stored. */
	public Mono<Boolean> store(Anchor anchor) {
		return this.db.sql("""
				insert into audit_anchor (seq, hash, signed_at, key_id, jws) values ($1, $2, $3, $4, $5)
				on conflict (seq) do nothing""")
			.bind(0, anchor.seq())
			.bind(1, anchor.hash())
			.bind(2, anchor.signedAt())
			.bind(3, anchor.keyId())
			.bind(4, anchor.jws())
			.fetch()
			.rowsUpdated()
			.map(n -> n > 0);
	}

	/** Anchors after {@code after}, oldest first, at most {@code limit}. */
	public Flux<Anchor> read(long after, int limit) {
		return this.db.sql("select seq, hash, signed_at, key_id, jws from audit_anchor where seq > $1 order by seq limit $2")
			.bind(0, after)
			.bind(1, limit)
			.map(r -> new Anchor(r.get("seq", Long.class), r.get("hash", String.class), r.get("signed_at", Instant.class),
					r.get("key_id", String.class), r.get("jws", String.class)))
			.all();
	}

	/**
	 * Every anchor, oldest first, with the hash the trail holds now at the anchored sequence number (null when the
	 * trail holds no such record).
	 */
	public Flux<Stored> everyAnchorWithItsRecord() {
		return this.db.sql("""
				select a.seq, a.hash, a.jws, r.hash as record_hash
				from audit_anchor a left join audit_record r on r.seq = a.seq order by a.seq""")
			.map(r -> new Stored(r.get("seq", Long.class), r.get("hash", String.class), r.get("jws", String.class),
					r.get("record_hash", String.class)))
			.all();
	}

	public record Head(long seq, String hash) {
	}

	public record Stored(long seq, String hash, String jws, @Nullable String recordHash) {
	}

}
