package cn.fj.emergency.command.warning;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.warning.WarningEvent;
import cn.fj.emergency.alerting.warning.WarningEvents;
import cn.fj.emergency.alerting.warning.WarningView;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.NewEvent;

/**
 * Alerting's warning events on the hub's event log, stream {@code warnings}, in the caller's transaction: CRITICAL,
 * subject the warning's identifier, cities those it covers once published (province officers only before), exercise
 * when its CAP status is Exercise.
 */
@Component
class HubWarningEvents implements WarningEvents {

	static final String STREAM = "warnings";

	private final EventLog log;

	HubWarningEvents(EventLog log) {
		this.log = log;
	}

	@Override
	public Mono<Void> append(List<WarningEvent> events) {
		return this.log.append(events.stream()
			.map(e -> NewEvent.critical(STREAM, e.type(), e.identifier(), e.cityCodes(), e.exercise(),
					new Data(e.warning(), e.capXml())))
			.toList()).then();
	}

	/** The event's data: the warning after the change, and on {@code warning.published} its CAP document. */
	record Data(WarningView warning, @Nullable String capXml) {
	}

}
