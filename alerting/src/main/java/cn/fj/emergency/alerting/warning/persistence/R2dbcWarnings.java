package cn.fj.emergency.alerting.warning.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.fj.emergency.alerting.approval.Review;
import cn.fj.emergency.alerting.approval.Warning;
import cn.fj.emergency.alerting.approval.WarningIdentifier;
import cn.fj.emergency.alerting.approval.WarningState;
import cn.fj.emergency.alerting.cap.Alert;
import cn.fj.emergency.alerting.cap.CapTimes;
import cn.fj.emergency.alerting.cap.xml.CapXmlReader;
import cn.fj.emergency.alerting.targeting.WarningTargets;
import cn.fj.emergency.alerting.warning.StoredWarning;
import cn.fj.emergency.alerting.warning.WarningView;
import cn.fj.emergency.alerting.warning.Warnings;

/** The {@code warning} and {@code warning_review} tables (db/alerting). */
public final class R2dbcWarnings implements Warnings {

	private static final String COLUMNS = "identifier, author, state, alert_xml, city_codes, county_codes, replaces, "
			+ "published_at, ended_by";

	private static final String INSERT = """
			insert into warning (identifier, unit, author, state, status, msg_type, colour, headline, alert_xml,
			                     city_codes, county_codes, replaces, published_at, expires_at, ended_by, created_at, changed_at)
			values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)
			on conflict (identifier) do nothing
			returning identifier""";

	// a published document is never rewritten: once the stored state was published, alert_xml stays as it is
	private static final String UPDATE = """
			update warning set state = $2, status = $3, colour = $4, headline = $5,
			       alert_xml = case when state in ('PUBLISHED', 'UPDATED', 'CANCELLED', 'EXPIRED') then alert_xml else $6 end,
			       city_codes = $7, county_codes = $8, published_at = $9, expires_at = $10, ended_by = $11, changed_at = $12
			where identifier = $1""";

	private static final String LOCK_EXPIRED = "select " + COLUMNS + """
			 from warning where state = 'PUBLISHED' and expires_at <= $1
			order by expires_at limit $2 for update skip locked""";

	private final DatabaseClient db;

	private final CapXmlReader reader = new CapXmlReader();

	public R2dbcWarnings(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<WarningIdentifier> lastOf(String unit) {
		return this.db.sql("select identifier from warning where unit = $1 order by identifier desc limit 1")
			.bind(0, unit)
			.map(row -> WarningIdentifier.parse(row.get("identifier", String.class)))
			.one();
	}

	@Override
	public Mono<Boolean> insert(StoredWarning stored, Instant now) {
		Warning w = stored.warning();
		WarningView view = WarningView.of(stored);
		DatabaseClient.GenericExecuteSpec spec = this.db.sql(INSERT)
			.bind(0, stored.identifier())
			.bind(1, w.id().unit())
			.bind(2, w.author())
			.bind(3, w.state().name())
			.bind(4, view.status())
			.bind(5, view.msgType());
		spec = bindNullable(spec, 6, view.colour(), String.class).bind(7, view.headline())
			.bind(8, stored.capXml())
			.bind(9, stored.targets().cityCodes().toArray(String[]::new))
			.bind(10, stored.targets().countyCodes().toArray(String[]::new));
		spec = bindNullable(spec, 11, stored.replaces(), String.class);
		spec = bindNullable(spec, 12, w.publishedAt(), OffsetDateTime.class);
		spec = bindNullable(spec, 13, view.expires(), OffsetDateTime.class);
		spec = bindNullable(spec, 14, view.endedBy(), String.class).bind(15, now.atOffset(ZoneOffset.UTC));
		return spec.map(row -> true).one().defaultIfEmpty(false).flatMap(inserted -> inserted
				? saveReviews(stored).thenReturn(true) : Mono.just(false));
	}

	@Override
	public Mono<StoredWarning> lock(String identifier) {
		return one("select " + COLUMNS + " from warning where identifier = $1 for update", identifier);
	}

	@Override
	public Mono<StoredWarning> find(String identifier) {
		return one("select " + COLUMNS + " from warning where identifier = $1", identifier);
	}

	private Mono<StoredWarning> one(String sql, String identifier) {
		return this.db.sql(sql).bind(0, identifier).map(R2dbcWarnings::row).one().flatMap(this::loaded);
	}

	@Override
	public Mono<Void> save(StoredWarning stored, Instant now) {
		Warning w = stored.warning();
		WarningView view = WarningView.of(stored);
		DatabaseClient.GenericExecuteSpec spec = this.db.sql(UPDATE)
			.bind(0, stored.identifier())
			.bind(1, w.state().name())
			.bind(2, view.status());
		spec = bindNullable(spec, 3, view.colour(), String.class).bind(4, view.headline())
			.bind(5, stored.capXml())
			.bind(6, stored.targets().cityCodes().toArray(String[]::new))
			.bind(7, stored.targets().countyCodes().toArray(String[]::new));
		spec = bindNullable(spec, 8, w.publishedAt(), OffsetDateTime.class);
		spec = bindNullable(spec, 9, view.expires(), OffsetDateTime.class);
		spec = bindNullable(spec, 10, view.endedBy(), String.class).bind(11, now.atOffset(ZoneOffset.UTC));
		return spec.fetch()
			.rowsUpdated()
			.then(this.db.sql("delete from warning_review where identifier = $1").bind(0, stored.identifier()).then())
			.then(saveReviews(stored));
	}

	private Mono<Void> saveReviews(StoredWarning stored) {
		List<Review> reviews = stored.warning().reviews();
		return Flux.range(0, reviews.size()).concatMap(i -> {
			Review r = reviews.get(i);
			DatabaseClient.GenericExecuteSpec spec = this.db.sql("""
					insert into warning_review (identifier, position, reviewer, approved, comment, reviewed_at)
					values ($1, $2, $3, $4, $5, $6)""")
				.bind(0, stored.identifier())
				.bind(1, i)
				.bind(2, r.reviewer())
				.bind(3, r.approved());
			return bindNullable(spec, 4, r.comment(), String.class).bind(5, r.at()).then();
		}).then();
	}

	@Override
	public Flux<StoredWarning> list(@Nullable WarningState state, int limit, int offset) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("select " + COLUMNS + """
				 from warning where ($1::text is null or state = $1::text)
				order by identifier desc limit $2 offset $3""");
		spec = bindNullable(spec, 0, state == null ? null : state.name(), String.class).bind(1, limit).bind(2, offset);
		return spec.map(R2dbcWarnings::row).all().concatMap(this::loaded);
	}

	@Override
	public Flux<StoredWarning> lockExpired(Instant now, int limit) {
		return this.db.sql(LOCK_EXPIRED)
			.bind(0, now.atOffset(ZoneOffset.UTC))
			.bind(1, limit)
			.map(R2dbcWarnings::row)
			.all()
			.concatMap(this::loaded);
	}

	private Mono<StoredWarning> loaded(Row row) {
		Mono<List<Review>> reviews = this.db
			.sql("select reviewer, approved, comment, reviewed_at from warning_review where identifier = $1 order by position")
			.bind(0, row.identifier())
			.map(r -> new Review(r.get("reviewer", String.class), Boolean.TRUE.equals(r.get("approved", Boolean.class)),
					r.get("comment", String.class), CapTimes.inChina(r.get("reviewed_at", OffsetDateTime.class))))
			.all()
			.collectList();
		Mono<Alert> alert = Mono.fromCallable(() -> this.reader.read(row.alertXml().getBytes(StandardCharsets.UTF_8))
			.alerts()
			.get(0)).subscribeOn(Schedulers.boundedElastic());
		return Mono.zip(reviews, alert).map(both -> {
			Warning warning = new Warning(WarningIdentifier.parse(row.identifier()), row.author(),
					WarningState.valueOf(row.state()), both.getT2(), both.getT1(),
					row.publishedAt() == null ? null : CapTimes.inChina(row.publishedAt()),
					row.endedBy() == null ? null : WarningIdentifier.parse(row.endedBy()));
			return new StoredWarning(warning, new WarningTargets(row.cityCodes(), row.countyCodes()), row.alertXml(),
					row.replaces());
		});
	}

	private static Row row(Readable r) {
		return new Row(r.get("identifier", String.class), r.get("author", String.class), r.get("state", String.class),
				r.get("alert_xml", String.class), strings(r.get("city_codes", String[].class)),
				strings(r.get("county_codes", String[].class)), r.get("replaces", String.class),
				r.get("published_at", OffsetDateTime.class), r.get("ended_by", String.class));
	}

	private static List<String> strings(String @Nullable [] values) {
		return values == null ? List.of() : Arrays.asList(values);
	}

	private static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, int index,
			@Nullable T value, Class<T> type) {
		return value == null ? spec.bindNull(index, type) : spec.bind(index, value);
	}

	private record Row(String identifier, String author, String state, String alertXml, List<String> cityCodes,
			List<String> countyCodes, @Nullable String replaces, @Nullable OffsetDateTime publishedAt,
			@Nullable String endedBy) {
	}

}
