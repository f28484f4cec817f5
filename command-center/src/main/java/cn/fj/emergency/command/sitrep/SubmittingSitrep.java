package cn.fj.emergency.command.sitrep;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.Ids;
import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.incident.FindingIncident;
import cn.fj.emergency.command.incident.Incident;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.sitrep.persistence.SitrepStore;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.NewEvent;

/**
 * A city platform (or an officer) submits a situation report on an incident it may see: checked, stored once
 * however often it is sent, and visible live as {@code sitrep.submitted} to the province and the incident's city,
 * all in one transaction. A retry with the same {@code sitrepId} and content gets the first answer; with other
 * content, {@link ErrorCode#SITREP_ID_REUSED}.
 */
@Component
public class SubmittingSitrep {

	private final FindingIncident incidents;

	private final SitrepStore store;

	private final EventLog events;

	private final TransactionalOperator transactions;

	private final JsonMapper json;

	private final Clock clock;

	public SubmittingSitrep(FindingIncident incidents, SitrepStore store, EventLog events,
			TransactionalOperator transactions, JsonMapper json, Clock clock) {
		this.incidents = incidents;
		this.store = store;
		this.events = events;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	public Mono<SitrepReceipt> submit(HubPrincipal reporter, SitrepSubmission submission) {
		return Mono.fromCallable(() -> SitrepPolicy.check(submission, this.clock.instant()))
			.flatMap(valid -> this.incidents.visibleTo(reporter, valid.incidentId())
				.flatMap(incident -> this.transactions.transactional(store(reporter, valid, incident))));
	}

	private Mono<SitrepReceipt> store(HubPrincipal reporter, ValidSitrep valid, Incident incident) {
		SitrepStore.NewSitrep row = row(reporter, valid, incident);
		return this.store.insertNew(row)
			.flatMap(inserted -> inserted ? recordEvent(row) : answerRetry(row));
	}

	private SitrepStore.NewSitrep row(HubPrincipal reporter, ValidSitrep valid, Incident incident) {
		String source = reporter.cityCode() != null ? reporter.cityCode() : Areas.PROVINCE;
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		return new SitrepStore.NewSitrep(Ids.newId(this.clock), reporter.reporterKey(), valid.sitrepId(),
				valid.payloadHash(), incident.id(), incident.cityCode(), source, valid.kind(), valid.reportedAt(), now,
				incident.exercise(), this.json.writeValueAsString(valid.content()));
	}

	private Mono<SitrepReceipt> recordEvent(SitrepStore.NewSitrep row) {
		Sitrep unnumbered = sitrep(row, 0);
		NewEvent event = NewEvent.critical(Sitrep.STREAM, Sitrep.SUBMITTED, row.id().toString(), List.of(row.cityCode()),
				row.exercise(), unnumbered);
		return this.events.append(List.of(event))
			.map(seqs -> seqs.get(0))
			.flatMap(seq -> this.store.setSeq(row.id(), seq).thenReturn(SitrepReceipt.of(sitrep(row, seq))));
	}

	/** The stored answer if the content is the same, else the refusal. */
	private Mono<SitrepReceipt> answerRetry(SitrepStore.NewSitrep row) {
		return this.store.find(row.reporter(), row.sitrepId())
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("Sitrep " + row.sitrepId() + " was neither inserted nor found")))
			.map(stored -> {
				if (!stored.payloadHash().equals(row.payloadHash())) {
					throw HubException.field(ErrorCode.SITREP_ID_REUSED, "sitrepId",
							"Sitrep id " + row.sitrepId() + " was already used for a different situation report");
				}
				return SitrepReceipt.of(stored.sitrep());
			});
	}

	private static Sitrep sitrep(SitrepStore.NewSitrep row, long seq) {
		return new Sitrep(row.id(), row.sitrepId(), row.incidentId(), row.cityCode(), row.source(), row.kind(),
				row.reportedAt(), row.submittedAt(), row.exercise(), row.content(), seq);
	}

}
