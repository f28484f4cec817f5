package cn.fj.emergency.command.incident;

import java.time.Clock;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.ErrorTranslation;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;

/**
 * A city platform (or an officer, or a call-taking system) reports an incident: checked, stored once however
 * often it is sent, and visible live as {@code incident.reported}. Counted as accepted or refused, by code.
 */
@Component
public class ReportingIncident {

	private final IncidentIntake intake;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Counter accepted;

	public ReportingIncident(IncidentIntake intake, Clock clock, MeterRegistry meters) {
		this.intake = intake;
		this.clock = clock;
		this.meters = meters;
		this.accepted = Counter.builder("hub.reports").tag("outcome", "accepted").tag("code", "none")
			.description("Incident reports answered, by outcome")
			.register(meters);
	}

	public Mono<ReportReceipt> report(HubPrincipal reporter, IncidentReport report) {
		return Mono.fromCallable(() -> ReportPolicy.check(report, reporter, this.clock.instant()))
			.flatMap(this.intake::submit)
			.doOnNext(receipt -> this.accepted.increment())
			.doOnError(error -> refused(ErrorTranslation.translate(error).code()));
	}

	private void refused(ErrorCode code) {
		Counter.builder("hub.reports").tag("outcome", "refused").tag("code", code.name())
			.description("Incident reports answered, by outcome")
			.register(this.meters)
			.increment();
	}

	/** An incident the principal may see, else {@link ErrorCode#NOT_FOUND}: other cities' incidents do not exist for it. */
	public static Mono<Incident> visibleTo(HubPrincipal principal, Mono<Incident> incident, UUID id) {
		return incident.filter(i -> principal.cityCode() == null || principal.cityCode().equals(i.cityCode()))
			.switchIfEmpty(Mono.error(() -> new HubException(ErrorCode.NOT_FOUND, "No incident " + id)));
	}

}
