package cn.fj.emergency.command.security.persistence;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.security.AuditRecord;
import cn.fj.emergency.command.security.AuditTrail;

@Repository
class R2dbcAuditTrail implements AuditTrail {

	private static final String COLUMNS = "seq, at, actor, actor_kind, action, subject, outcome, details, prev_hash, hash";

	private static final int VERIFY_PAGE = 1000;

	private final DatabaseClient db;

	private final TransactionalOperator transactions;

	private final JsonMapper json;

	private final Clock clock;

	R2dbcAuditTrail(DatabaseClient db, TransactionalOperator transactions, JsonMapper json, Clock clock) {
		this.db = db;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public Mono<Long> record(Actor actor, String action, @Nullable String subject, AuditRecord.Outcome outcome,
			Map<String, Object> details) {
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String detailText = this.json.writeValueAsString(new TreeMap<>(details));
		Mono<Long> append = this.db.sql("select last_seq, last_hash from audit_head where log = 'audit' for update")
			.map(r -> new Head(r.get("last_seq", Long.class), r.get("last_hash", String.class)))
			.one()
			.flatMap(head -> {
				long seq = head.seq() + 1;
				String hash = AuditRecord.hashOf(head.hash(), seq, at, actor.name(), actor.kind(), action, subject, outcome,
						detailText);
				return insert(new AuditRecord(seq, at, actor.name(), actor.kind(), action, subject, outcome, detailText,
						head.hash(), hash))
					.then(this.db.sql("update audit_head set last_seq = $1, last_hash = $2 where log = 'audit'")
						.bind(0, seq)
						.bind(1, hash)
						.then())
					.thenReturn(seq);
			});
		// joins the caller's transaction when there is one
		return this.transactions.transactional(append);
	}

	private Mono<Void> insert(AuditRecord record) {
		DatabaseClient.GenericExecuteSpec spec = this.db
			.sql("insert into audit_record (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
			.bind(0, record.seq())
			.bind(1, record.at())
			.bind(2, record.actor())
			.bind(3, record.actorKind())
			.bind(4, record.action())
			.bind(6, record.outcome().name())
			.bind(7, record.details())
			.bind(8, record.prevHash())
			.bind(9, record.hash());
		spec = (record.subject() == null) ? spec.bindNull(5, String.class) : spec.bind(5, record.subject());
		return spec.then();
	}

	@Override
	public Flux<AuditRecord> read(long after, int limit) {
		return this.db.sql("select " + COLUMNS + " from audit_record where seq > $1 order by seq limit $2")
			.bind(0, after)
			.bind(1, limit)
			.map(R2dbcAuditTrail::record)
			.all();
	}

	@Override
	public Mono<Verification> verify() {
		return walk(new Verification(true, 0, null, AuditRecord.GENESIS));
	}

	/** Checks the chain page by page, each page continuing from the previous one's last hash. */
	private Mono<Verification> walk(Verification sofar) {
		return read(sofar.records(), VERIFY_PAGE).collectList().flatMap(page -> {
			Verification state = sofar;
			for (AuditRecord record : page) {
				if (record.seq() != state.records() + 1 || !record.sealedAfter(state.lastHash())) {
					return Mono.just(new Verification(false, state.records(), state.records() + 1, state.lastHash()));
				}
				state = new Verification(true, record.seq(), null, record.hash());
			}
			return page.size() < VERIFY_PAGE ? headMatches(state) : walk(state);
		});
	}

	/** The chain must end where the head says: records removed from its end show here. */
	private Mono<Verification> headMatches(Verification state) {
		return this.db.sql("select last_seq, last_hash from audit_head where log = 'audit'")
			.map(r -> new Head(r.get("last_seq", Long.class), r.get("last_hash", String.class)))
			.one()
			.map(head -> head.seq() == state.records() && head.hash().equals(state.lastHash()) ? state
					: new Verification(false, state.records(), state.records() + 1, state.lastHash()));
	}

	private static AuditRecord record(Readable r) {
		return new AuditRecord(r.get("seq", Long.class), r.get("at", Instant.class), r.get("actor", String.class),
				r.get("actor_kind", String.class), r.get("action", String.class), r.get("subject", String.class),
				AuditRecord.Outcome.valueOf(r.get("outcome", String.class)), r.get("details", String.class),
				r.get("prev_hash", String.class), r.get("hash", String.class));
	}

	private record Head(long seq, String hash) {
	}

}
