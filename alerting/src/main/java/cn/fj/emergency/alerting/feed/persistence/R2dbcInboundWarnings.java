package cn.fj.emergency.alerting.feed.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.cap.Alert;
import cn.fj.emergency.alerting.cap.CapVersion;
import cn.fj.emergency.alerting.cap.Info;
import cn.fj.emergency.alerting.cap.Reference;
import cn.fj.emergency.alerting.feed.InboundState;
import cn.fj.emergency.alerting.feed.InboundWarning;
import cn.fj.emergency.alerting.feed.InboundWarnings;

/** The {@code inbound_warning} table (db/alerting V60). */
public final class R2dbcInboundWarnings implements InboundWarnings {

	private static final String COLUMNS = "id, sender, identifier, sent, status, msg_type, state, ended_by, event, "
			+ "headline, via, received_at, cap_version";

	private static final String INSERT = """
			insert into inbound_warning (sender, identifier, sent, status, msg_type, state, event, headline, ref_keys,
			                             via, received_at, original, cap_version)
			values ($1, $2, $3, $4, $5, 'ACTIVE', $6, $7, $8, $9, $10, $11, $12)
			on conflict (sender, identifier, sent) do nothing
			returning\s""" + COLUMNS;

	private static final String END = "update inbound_warning set state = $4, ended_by = $5 "
			+ "where sender = $1 and identifier = $2 and sent = $3 and state = 'ACTIVE' returning " + COLUMNS;

	private static final String ENDING = """
			select msg_type, id from inbound_warning where $1 = any(ref_keys) and msg_type in ('Update', 'Cancel')
			  and sender = $2
			order by (msg_type = 'Cancel') desc, sent desc limit 1""";

	private final DatabaseClient db;

	public R2dbcInboundWarnings(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<InboundWarning> insert(Alert alert, CapVersion version, byte[] original, String via, Instant now) {
		@Nullable Info info = alert.infos().isEmpty() ? null : alert.infos().get(0);
		String[] refs = alert.references().stream()
			.map(r -> InboundWarnings.key(r.sender(), r.identifier(), r.sent()))
			.toArray(String[]::new);
		DatabaseClient.GenericExecuteSpec spec = this.db.sql(INSERT)
			.bind(0, alert.sender())
			.bind(1, alert.identifier())
			.bind(2, alert.sent())
			.bind(3, alert.status().cap())
			.bind(4, alert.msgType().cap());
		spec = nullable(spec, 5, info == null ? null : info.event());
		spec = nullable(spec, 6, info == null ? null : info.headline());
		return spec.bind(7, refs)
			.bind(8, via)
			.bind(9, now.atOffset(ZoneOffset.UTC))
			.bind(10, original)
			.bind(11, version.label())
			.map(R2dbcInboundWarnings::warning)
			.one();
	}

	@Override
	public Mono<InboundWarning> find(Alert alert) {
		return this.db.sql("select " + COLUMNS + " from inbound_warning where sender = $1 and identifier = $2 and sent = $3")
			.bind(0, alert.sender())
			.bind(1, alert.identifier())
			.bind(2, alert.sent())
			.map(R2dbcInboundWarnings::warning)
			.one();
	}

	@Override
	public Mono<InboundWarning> find(long id) {
		return this.db.sql("select " + COLUMNS + " from inbound_warning where id = $1")
			.bind(0, id)
			.map(R2dbcInboundWarnings::warning)
			.one();
	}

	@Override
	public Mono<byte[]> original(long id) {
		return this.db.sql("select original from inbound_warning where id = $1")
			.bind(0, id)
			.map(row -> row.get("original", byte[].class))
			.one();
	}

	@Override
	public Flux<InboundWarning> list(int limit) {
		return this.db.sql("select " + COLUMNS + " from inbound_warning order by received_at desc, id desc limit $1")
			.bind(0, limit)
			.map(R2dbcInboundWarnings::warning)
			.all();
	}

	@Override
	public Flux<InboundWarning> end(List<Reference> references, InboundState state, long by) {
		return Flux.fromIterable(references)
			.concatMap(ref -> this.db.sql(END)
				.bind(0, ref.sender())
				.bind(1, ref.identifier())
				.bind(2, ref.sent())
				.bind(3, state.name())
				.bind(4, by)
				.map(R2dbcInboundWarnings::warning)
				.all());
	}

	@Override
	public Mono<Ending> endingOf(Alert alert) {
		return this.db.sql(ENDING)
			.bind(0, InboundWarnings.key(alert.sender(), alert.identifier(), alert.sent()))
			.bind(1, alert.sender())
			.map(row -> new Ending("Cancel".equals(row.get("msg_type", String.class)) ? InboundState.CANCELLED
					: InboundState.SUPERSEDED, row.get("id", Long.class)))
			.one()
			.defaultIfEmpty(new Ending(InboundState.ACTIVE, null));
	}

	@Override
	public Mono<InboundWarning> setEnding(long id, Ending ending) {
		DatabaseClient.GenericExecuteSpec spec = this.db
			.sql("update inbound_warning set state = $2, ended_by = $3 where id = $1 returning " + COLUMNS)
			.bind(0, id)
			.bind(1, ending.state().name());
		spec = ending.by() == null ? spec.bindNull(2, Long.class) : spec.bind(2, ending.by());
		return spec.map(R2dbcInboundWarnings::warning).one();
	}

	private static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, int index,
			@Nullable String value) {
		return value == null ? spec.bindNull(index, String.class) : spec.bind(index, value);
	}

	private static InboundWarning warning(Readable row) {
		OffsetDateTime sent = row.get("sent", OffsetDateTime.class);
		OffsetDateTime received = row.get("received_at", OffsetDateTime.class);
		return new InboundWarning(required(row.get("id", Long.class)), required(row.get("sender", String.class)),
				required(row.get("identifier", String.class)), required(sent),
				required(row.get("status", String.class)), required(row.get("msg_type", String.class)),
				InboundState.valueOf(row.get("state", String.class)), row.get("ended_by", Long.class),
				row.get("event", String.class), row.get("headline", String.class),
				required(row.get("via", String.class)), required(received).toInstant(),
				required(row.get("cap_version", String.class)));
	}

	private static <T> T required(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("a NOT NULL column read null");
		}
		return value;
	}

}
