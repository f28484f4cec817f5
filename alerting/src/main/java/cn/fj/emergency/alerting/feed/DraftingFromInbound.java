package cn.fj.emergency.alerting.feed;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.fj.emergency.alerting.approval.Officer;
import cn.fj.emergency.alerting.cap.Alert;
import cn.fj.emergency.alerting.cap.xml.CapXmlReader;
import cn.fj.emergency.alerting.warning.ComposingWarning;
import cn.fj.emergency.alerting.warning.WarningView;

/**
 * An officer turns an inbound warning into a public warning draft: its alert, read again from the stored original,
 * becomes a new Alert of the hub's through {@link ComposingWarning#composeFrom} (the hub's identifier, sender and
 * sending time; no references), to be revised, submitted and approved like any draft.
 */
public final class DraftingFromInbound {

	private final FindingInboundWarnings finding;

	private final ComposingWarning composing;

	private final CapXmlReader reader = new CapXmlReader();

	public DraftingFromInbound(FindingInboundWarnings finding, ComposingWarning composing) {
		this.finding = finding;
		this.composing = composing;
	}

	public Mono<WarningView> draft(Officer author, long id) {
		return this.finding.find(id)
			.zipWith(this.finding.original(id))
			.flatMap(found -> alert(found.getT1(), found.getT2()))
			.flatMap(alert -> this.composing.composeFrom(author, alert));
	}

	private Mono<Alert> alert(InboundWarning warning, byte[] original) {
		return Mono.fromCallable(() -> this.reader.read(original).alerts().stream()
			.filter(alert -> alert.identifier().equals(warning.identifier()) && alert.sender().equals(warning.sender()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the stored original of " + warning.id() + " lost its alert")))
			.subscribeOn(Schedulers.boundedElastic());
	}

}
