package cn.fj.emergency.command.inbound;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.feed.FindingInboundWarnings;
import cn.fj.emergency.alerting.feed.InboundWarning;
import cn.fj.emergency.command.incident.IncidentReport;
import cn.fj.emergency.command.incident.ReportReceipt;
import cn.fj.emergency.command.incident.ReportingIncident;
import cn.fj.emergency.command.security.HubPrincipal;

/**
 * An officer raises an incident from an inbound warning through {@link ReportingIncident}: title from its headline
 * (else its event), occurred at its sending time, exercise when its status is Exercise, report id
 * {@code inbound-<id>} (so raising it twice answers the same incident); the officer supplies what a CAP alert does
 * not give the hub: category, level, county and position.
 */
@Component
public class RaisingIncidentFromInbound {

	private final FindingInboundWarnings finding;

	private final ReportingIncident reporting;

	RaisingIncidentFromInbound(FindingInboundWarnings finding, ReportingIncident reporting) {
		this.finding = finding;
		this.reporting = reporting;
	}

	public Mono<ReportReceipt> raise(HubPrincipal officer, long id, Details details) {
		return this.finding.find(id).flatMap(warning -> this.reporting.report(officer, report(warning, details)));
	}

	private static IncidentReport report(InboundWarning warning, Details details) {
		String title = warning.headline() != null ? warning.headline()
				: warning.event() != null ? warning.event() : warning.identifier();
		String description = "Inbound CAP alert " + warning.identifier() + " from " + warning.sender() + " ("
				+ warning.msgType() + ", " + warning.state() + ")";
		return new IncidentReport("inbound-" + warning.id(), details.category(), details.level(), title, description,
				details.latitude(), details.longitude(), details.countyCode(), warning.sent().toString(),
				"Exercise".equals(warning.status()));
	}

	/** What the officer supplies; each required by the incident report rules (docs/http-api.md). */
	public record Details(@Nullable String category, @Nullable String level, @Nullable String countyCode,
			@Nullable Double latitude, @Nullable Double longitude) {
	}

}
