package cn.fj.emergency.alerting.channel.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.channel.ActiveWarning;
import cn.fj.emergency.alerting.channel.PublishedWarning;

/** The public CAP Atom feed's entries (V50__delivery_ledger.sql). */
public class AtomStore {

	private final DatabaseClient db;

	public AtomStore(DatabaseClient db) {
		this.db = db;
	}

	public Mono<Long> add(PublishedWarning w, Instant now) {
		var spec = this.db.sql("""
				INSERT INTO atom_entry (identifier, sender, sent, sent_text, headline, severity, colour, expires,
				    cap_xml, published_at)
				VALUES (:identifier, :sender, :sent, :sentText, :headline, :severity, :colour, :expires, :capXml, :now)
				ON CONFLICT (identifier) DO NOTHING""")
			.bind("identifier", w.identifier())
			.bind("sender", w.sender())
			.bind("sent", w.sent())
			.bind("sentText", w.sent().toString())
			.bind("headline", w.headline())
			.bind("severity", w.severity())
			.bind("capXml", w.capXml())
			.bind("now", now);
		spec = w.colour() == null ? spec.bindNull("colour", String.class) : spec.bind("colour", w.colour());
		spec = w.expires() == null ? spec.bindNull("expires", OffsetDateTime.class) : spec.bind("expires", w.expires());
		return spec.fetch().rowsUpdated();
	}

	/** Ends the entries of these identifiers (those an Update or Cancel references). */
	public Mono<Long> end(List<String> identifiers, Instant now) {
		if (identifiers.isEmpty()) {
			return Mono.just(0L);
		}
		return this.db.sql("UPDATE atom_entry SET ended_at = :now WHERE ended_at IS NULL AND identifier = ANY(:ids)")
			.bind("now", now)
			.bind("ids", identifiers.toArray(String[]::new))
			.fetch()
			.rowsUpdated();
	}

	/** The active entries at {@code now}: not ended and not past their expires, newest first, at most {@code limit}. */
	public Flux<ActiveWarning> active(Instant now, int limit) {
		return this.db.sql("""
				SELECT identifier, sender, sent_text, headline, severity, colour, expires, published_at FROM atom_entry
				WHERE ended_at IS NULL AND (expires IS NULL OR expires > :now)
				ORDER BY published_at DESC, identifier LIMIT :limit""")
			.bind("now", now)
			.bind("limit", limit)
			.map(AtomStore::entry)
			.all();
	}

	/**
	 * When the feed last changed at {@code now}: the latest entry published, ended (by an Update or a Cancel) or
	 * expired; nothing if the feed never held an entry. An entry leaving the feed is a change too, so that a reader
	 * polling on {@code atom:updated} sees a cancellation.
	 */
	public Mono<Instant> lastChange(Instant now) {
		return this.db.sql("""
				SELECT max(changed) AS changed FROM (
				    SELECT max(published_at) AS changed FROM atom_entry
				    UNION ALL SELECT max(ended_at) FROM atom_entry
				    UNION ALL SELECT max(expires) FROM atom_entry WHERE expires <= :now) changes""")
			.bind("now", now)
			.map(row -> Optional.ofNullable(row.get("changed", OffsetDateTime.class)))
			.one()
			.flatMap(changed -> Mono.justOrEmpty(changed.map(OffsetDateTime::toInstant)));
	}

	/** The published CAP document of a feed entry (active or not), if there is one. */
	public Mono<String> capXml(String identifier) {
		return this.db.sql("SELECT cap_xml FROM atom_entry WHERE identifier = :identifier")
			.bind("identifier", identifier)
			.map(row -> LedgerStore.string(row, "cap_xml"))
			.one();
	}

	private static ActiveWarning entry(Readable row) {
		OffsetDateTime expires = row.get("expires", OffsetDateTime.class);
		return new ActiveWarning(LedgerStore.string(row, "identifier"), LedgerStore.string(row, "sender"),
				OffsetDateTime.parse(LedgerStore.string(row, "sent_text")), LedgerStore.string(row, "headline"),
				LedgerStore.string(row, "severity"), row.get("colour", String.class), expires,
				LedgerStore.instant(row, "published_at"));
	}

}
