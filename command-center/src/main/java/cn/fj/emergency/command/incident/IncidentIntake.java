package cn.fj.emergency.command.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.Ids;
import cn.fj.emergency.command.batch.MicroBatcher;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.ErrorTranslation;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.incident.persistence.IncidentStore;
import cn.fj.emergency.command.stream.EventLog;

/**
 * Writes valid reports durably: concurrent reports are micro-batched, and each batch is one statement, its own
 * transaction ({@link IncidentStore#intake}), that stores the new incidents and appends their
 * {@code incident.reported} events. A report whose (reporter, report id) is already stored, in this batch, an earlier
 * one, or a concurrent one on another instance, is answered with the stored receipt; with different content, it is
 * refused with {@link ErrorCode#REPORT_ID_REUSED}.
 * <p>
 * One statement rather than a transaction of several: the append takes the event counter row, which serialises
 * appenders until they commit, and in a transaction driven from here the commit would follow the append only after
 * a reply had travelled to the hub and back. In one statement nothing travels between them, and a batch costs one
 * round trip instead of five.
 * <p>
 * New incidents are screened for likely duplicates ({@link DuplicateProperties}) in the same statement, before the
 * counter is taken, and the suspicions' events are appended with the {@code incident.reported} events. So a
 * suspicion commits with the incident or not at all: a follow-up transaction would leave a window (a crash, a failed
 * second transaction) in which an incident was stored but never screened. What this cannot see: a near incident in
 * a concurrent batch, still uncommitted (both are then left unflagged; an officer still merges them by hand).
 */
@Component
public class IncidentIntake {

	private static final Logger log = LoggerFactory.getLogger(IncidentIntake.class);

	private final IncidentStore store;

	private final EventLog events;

	private final Clock clock;

	private final MicroBatcher<ValidReport, Outcome> batcher;

	private final DuplicateProperties duplicates;

	private final JsonMapper json;

	public IncidentIntake(IncidentStore store, EventLog events, Clock clock,
			IntakeProperties properties, DuplicateProperties duplicates, JsonMapper json) {
		this.store = store;
		this.events = events;
		this.clock = clock;
		this.duplicates = duplicates;
		this.json = json;
		this.batcher = new MicroBatcher<>("incident reports", properties.maxBatch(), properties.maxQueued(),
				properties.maxInFlight(), this::write);
	}

	/** Answers once the report is committed (or was already). */
	public Mono<ReportReceipt> submit(ValidReport report) {
		return this.batcher.submit(report).flatMap(Outcome::toMono);
	}

	/**
	 * A batch, one statement. Should the database refuse a value in it (a report the policy let through but the
	 * database cannot hold), the batch's reports are written again one by one, so that only the one at fault is
	 * refused, not every report that happened to share its batch.
	 */
	private Mono<List<Outcome>> write(List<ValidReport> batch) {
		return writeTogether(batch).onErrorResume(ErrorTranslation::isUnstorableData,
				error -> batch.size() == 1 ? Mono.just(List.of(Outcome.refused(ErrorTranslation.translate(error))))
						: oneByOne(batch, error));
	}

	private Mono<List<Outcome>> oneByOne(List<ValidReport> batch, Throwable error) {
		log.info("The database refused a value in a batch of {} reports ({}); writing them one by one", batch.size(),
				error.toString());
		return Flux.fromIterable(batch).concatMap(report -> write(List.of(report)).map(outcomes -> outcomes.get(0))).collectList();
	}

	private Mono<List<Outcome>> writeTogether(List<ValidReport> batch) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Map<Key, Integer> firstOf = new HashMap<>();
		List<ValidReport> unique = new ArrayList<>();
		List<Incident> candidates = new ArrayList<>();
		// in key order: transactions of concurrent batches (of this or another instance) holding some of the same
		// reports then wait on each other's unique keys in one order, never in a cycle
		List<ValidReport> ordered = new ArrayList<>(batch);
		ordered.sort(Comparator.comparing(ValidReport::reporter).thenComparing(ValidReport::reportId));
		for (ValidReport report : ordered) {
			if (firstOf.putIfAbsent(Key.of(report), unique.size()) == null) {
				unique.add(report);
				candidates.add(Incident.reported(Ids.newId(this.clock), report, now));
			}
		}
		List<String> hashes = unique.stream().map(ValidReport::payloadHash).toList();
		IncidentStore.Screening screening = this.duplicates.enabled()
				? new IncidentStore.Screening(this.duplicates.window(), this.duplicates.radius(), this.duplicates.maxCandidates())
				: null;
		return Mono.fromCallable(() -> payloads(candidates))
			.flatMap(payloads -> this.store.intake(candidates, hashes, payloads, now, this.clock.instant(), screening)
				.collectList())
			.flatMap(written -> {
				if (!written.isEmpty()) {
					// the statement was its own transaction, committed when it answered
					this.events.committedInOneStatement(written.get(written.size() - 1).lastSeq());
				}
				Map<UUID, Long> seqs = new HashMap<>();
				written.forEach(w -> seqs.put(w.id(), w.reportedSeq()));
				return answerDuplicates(unique, candidates, seqs.keySet()).map(outcomes -> {
					for (Incident incident : candidates) {
						Long seq = seqs.get(incident.id());
						if (seq != null) {
							outcomes.put(new Key(incident.reporter(), incident.reportId()), Outcome.accepted(
									new ReportReceipt(incident.id(), incident.reportId(), seq, incident.cityCode(),
											incident.reportedAt())));
						}
					}
					return outcomes(batch, outcomes);
				});
			});
	}

	private List<String> payloads(List<Incident> incidents) {
		List<String> payloads = new ArrayList<>(incidents.size());
		for (Incident incident : incidents) {
			payloads.add(this.json.writeValueAsString(incident.reportedEvent()));
		}
		return payloads;
	}

	/** The stored answers of the reports that were not new, or a refusal where the content differs. */
	private Mono<Map<Key, Outcome>> answerDuplicates(List<ValidReport> unique, List<Incident> candidates,
			Set<UUID> inserted) {
		Map<Key, Outcome> outcomes = new HashMap<>();
		List<ValidReport> seen = new ArrayList<>();
		for (int i = 0; i < unique.size(); i++) {
			if (!inserted.contains(candidates.get(i).id())) {
				seen.add(unique.get(i));
			}
		}
		if (seen.isEmpty()) {
			return Mono.just(outcomes);
		}
		Map<Key, String> hashes = new HashMap<>();
		seen.forEach(r -> hashes.put(Key.of(r), r.payloadHash()));
		return this.store.findReports(seen.stream().map(ValidReport::reporter).toList(),
				seen.stream().map(ValidReport::reportId).toList())
			.doOnNext(stored -> {
				Incident incident = stored.incident();
				Key key = new Key(incident.reporter(), incident.reportId());
				outcomes.put(key, stored.payloadHash().equals(hashes.get(key)) ? Outcome.accepted(receipt(incident))
						: Outcome.reused(incident.reportId()));
			})
			.then(Mono.fromCallable(() -> {
				for (Key key : hashes.keySet()) {
					if (!outcomes.containsKey(key)) {
						throw new IllegalStateException("Report " + key + " was neither inserted nor found");
					}
				}
				return outcomes;
			}));
	}

	private static ReportReceipt receipt(Incident incident) {
		Long seq = incident.reportedSeq();
		if (seq == null) {
			throw new IllegalStateException("Incident " + incident.id() + " has no reported event");
		}
		return new ReportReceipt(incident.id(), incident.reportId(), seq, incident.cityCode(), incident.reportedAt());
	}

	private static List<Outcome> outcomes(List<ValidReport> batch, Map<Key, Outcome> byKey) {
		Map<Key, String> firstHash = new HashMap<>();
		List<Outcome> outcomes = new ArrayList<>(batch.size());
		for (ValidReport report : batch) {
			Key key = Key.of(report);
			String hash = firstHash.putIfAbsent(key, report.payloadHash());
			outcomes.add(hash != null && !hash.equals(report.payloadHash()) ? Outcome.reused(report.reportId()) : byKey.get(key));
		}
		return outcomes;
	}

	private record Key(String reporter, String reportId) {

		static Key of(ValidReport report) {
			return new Key(report.reporter(), report.reportId());
		}

	}

	/** A report's answer within a batch: a receipt, or a refusal that concerns this report alone. */
	record Outcome(@Nullable ReportReceipt receipt, @Nullable HubException refusal) {

		static Outcome accepted(ReportReceipt receipt) {
			return new Outcome(receipt, null);
		}

		static Outcome refused(HubException refusal) {
			return new Outcome(null, refusal);
		}

		static Outcome reused(String reportId) {
			return new Outcome(null, HubException.field(ErrorCode.REPORT_ID_REUSED, "reportId",
					"Report id " + reportId + " was already used for a different report"));
		}

		Mono<ReportReceipt> toMono() {
			return this.receipt != null ? Mono.just(this.receipt)
					: Mono.error(this.refusal != null ? this.refusal : new IllegalStateException("empty outcome"));
		}

	}

}
