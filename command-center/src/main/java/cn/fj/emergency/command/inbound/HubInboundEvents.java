package cn.fj.emergency.command.inbound;

import java.util.List;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.feed.InboundEvents;
import cn.fj.emergency.alerting.feed.InboundWarning;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.NewEvent;

/**
 * {@code inbound-warning.received} on the {@code warnings} stream, in the caller's transaction: CRITICAL, province
 * officers only (no cities), subject the inbound warning's id, exercise when its CAP status is Exercise.
 */
@Component
class HubInboundEvents implements InboundEvents {

	static final String STREAM = "warnings";

	static final String RECEIVED = "inbound-warning.received";

	private final EventLog log;

	HubInboundEvents(EventLog log) {
		this.log = log;
	}

	@Override
	public Mono<Void> received(InboundWarning warning, List<InboundWarning> ended) {
		return this.log.append(List.of(NewEvent.critical(STREAM, RECEIVED, Long.toString(warning.id()), List.of(),
				"Exercise".equals(warning.status()), new Data(warning, ended)))).then();
	}

	/** @param ended the alerts this Update or Cancel superseded or cancelled, after the change */
	record Data(InboundWarning warning, List<InboundWarning> ended) {
	}

}
