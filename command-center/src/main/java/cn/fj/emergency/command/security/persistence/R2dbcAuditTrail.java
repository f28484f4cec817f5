package cn.fj.emergency.command.security.persistence;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

	private static final String APPEND = "select audit_append($1, $2, $3, $4, $5, $6, $7) as seq";

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
		return recordAll(List.of(new Entry(actor, action, subject, outcome, details)));
	}

	@Override
	public Mono<Long> recordAll(List<Entry> entries) {
		if (entries.isEmpty()) {
			return Mono.error(new IllegalArgumentException("No audit records to append"));
		}
		Mono<Long> append = Mono.fromCallable(() -> appendSpec(entries))
			.flatMap(spec -> spec.map(r -> r.get("seq", Long.class)).one());
		// joins the caller's transaction when there is one
		return this.transactions.transactional(append);
	}

	/**
	 * One statement (audit_append, V13): the database takes the head, chains the records and moves the head, so
	 * the head is held from this statement to the commit with no round trip in between.
	 */
	private DatabaseClient.GenericExecuteSpec appendSpec(List<Entry> entries) {
		String at = this.clock.instant().truncatedTo(ChronoUnit.MICROS).toString();
		int n = entries.size();
		String[] ats = new String[n];
		String[] actors = new String[n];
		String[] kinds = new String[n];
		String[] actions = new String[n];
		String[] subjects = new String[n];
		String[] outcomes = new String[n];
		String[] details = new String[n];
		for (int i = 0; i < n; i++) {
			Entry e = entries.get(i);
			ats[i] = at;
			actors[i] = e.actor().name();
			kinds[i] = e.actor().kind();
			actions[i] = e.action();
			subjects[i] = e.subject();
			outcomes[i] = e.outcome().name();
			details[i] = this.json.writeValueAsString(new TreeMap<>(e.details()));
		}
		return this.db.sql(APPEND)
			.bind(0, ats)
			.bind(1, actors)
			.bind(2, kinds)
			.bind(3, actions)
			.bind(4, subjects)
			.bind(5, outcomes)
			.bind(6, details);
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
