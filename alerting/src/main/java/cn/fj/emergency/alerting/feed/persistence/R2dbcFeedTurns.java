package cn.fj.emergency.alerting.feed.persistence;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.feed.poll.FeedPollOutcome;
import cn.fj.emergency.alerting.feed.poll.FeedStatus;
import cn.fj.emergency.alerting.feed.poll.FeedTurns;

/**
 * The {@code feed_turn} table (db/alerting V61). Times are the database's ({@code now()}), so the instances' clocks
 * need not agree.
 */
public final class R2dbcFeedTurns implements FeedTurns {

	/** Insert the feed's row due now, or take a due row: one statement, so two instances never both win. */
	private static final String TAKE = """
			insert into feed_turn (url, next_due) values ($1, now() + $2 * interval '1 millisecond')
			on conflict (url) do update set next_due = excluded.next_due
			where feed_turn.next_due <= now()
			returning url""";

	private static final String RECORD = """
			update feed_turn set polls = polls + 1,
			    failures = failures + $3,
			    documents_refused = documents_refused + $4,
			    alerts_stored = alerts_stored + $5,
			    last_polled_at = now(), last_polled_by = $2, last_outcome = $6, last_error = $7, last_new_alerts = $5
			where url = $1""";

	private final DatabaseClient db;

	public R2dbcFeedTurns(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Boolean> take(URI feed, Duration interval, String instance) {
		// due again after 80% of the interval: the holder's next tick, one interval on, finds it due
		long dueAfterMillis = interval.toMillis() * 4 / 5;
		return this.db.sql(TAKE)
			.bind(0, feed.toString())
			.bind(1, dueAfterMillis)
			.map(row -> true)
			.one()
			.defaultIfEmpty(false);
	}

	@Override
	public Mono<Void> record(URI feed, String instance, FeedPollOutcome outcome) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql(RECORD)
			.bind(0, feed.toString())
			.bind(1, instance)
			.bind(2, outcome.failed() ? 1 : 0)
			.bind(3, outcome.documentsRefused())
			.bind(4, outcome.newAlerts())
			.bind(5, outcome.failed() ? "FAILED" : "OK");
		String error = outcome.error();
		spec = error == null ? spec.bindNull(6, String.class) : spec.bind(6, error);
		return spec.then();
	}

	@Override
	public Flux<FeedStatus> statuses() {
		return this.db.sql("""
				select url, next_due, polls, failures, documents_refused, alerts_stored, last_polled_at, last_polled_by,
				       last_outcome, last_error, last_new_alerts
				from feed_turn order by url""")
			.map(R2dbcFeedTurns::status)
			.all();
	}

	private static FeedStatus status(Readable row) {
		return new FeedStatus(required(row, "url", String.class), instant(required(row, "next_due", OffsetDateTime.class)),
				required(row, "polls", Long.class), required(row, "failures", Long.class),
				required(row, "documents_refused", Long.class), required(row, "alerts_stored", Long.class),
				instantOrNull(row.get("last_polled_at", OffsetDateTime.class)), row.get("last_polled_by", String.class),
				row.get("last_outcome", String.class), row.get("last_error", String.class),
				row.get("last_new_alerts", Integer.class));
	}

	private static <T> T required(Readable row, String column, Class<T> type) {
		T value = row.get(column, type);
		if (value == null) {
			throw new IllegalStateException("feed_turn." + column + " is null");
		}
		return value;
	}

	private static Instant instant(OffsetDateTime at) {
		return at.toInstant();
	}

	private static @Nullable Instant instantOrNull(@Nullable OffsetDateTime at) {
		return at == null ? null : at.toInstant();
	}

}
