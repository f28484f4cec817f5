package cn.fj.emergency.command.channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.channel.DeliveryChange;
import cn.fj.emergency.alerting.channel.DeliveryEvents;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.NewEvent;

/**
 * Every delivery state change as a CRITICAL {@code delivery.state-changed} event on stream {@code deliveries}, for
 * province officers only (no cities), appended in the ledger update's transaction (docs/events.md).
 */
@Component
class DeliveryEventLog implements DeliveryEvents {

	static final String STREAM = "deliveries";

	static final String STATE_CHANGED = "delivery.state-changed";

	private final EventLog log;

	DeliveryEventLog(EventLog log) {
		this.log = log;
	}

	@Override
	public Mono<Void> changed(DeliveryChange change) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("identifier", change.identifier());
		data.put("channel", change.channel().name());
		data.put("recipient", change.recipient());
		data.put("messageId", change.messageId().toString());
		data.put("state", change.state().name());
		data.put("attempts", change.attempts());
		data.put("cityCodes", change.cityCodes());
		if (change.lastError() != null) {
			data.put("lastError", change.lastError());
		}
		return this.log
			.append(List.of(NewEvent.critical(STREAM, STATE_CHANGED, change.identifier(), List.of(), change.exercise(), data)))
			.then();
	}

}
