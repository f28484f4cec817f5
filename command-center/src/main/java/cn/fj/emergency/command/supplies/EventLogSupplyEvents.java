package cn.fj.emergency.command.supplies;

import java.util.List;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.stream.Criticality;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.NewEvent;
import cn.fj.emergency.resources.SupplyEvent;
import cn.fj.emergency.resources.SupplyEvents;

/**
 * The registry's events on the hub's event log, in the registry's transaction: levels are conflatable (by their
 * key), everything else critical.
 */
@Component
class EventLogSupplyEvents implements SupplyEvents {

	private final EventLog log;

	EventLogSupplyEvents(EventLog log) {
		this.log = log;
	}

	@Override
	public Mono<List<Long>> append(List<SupplyEvent> events) {
		return this.log.append(events.stream().map(EventLogSupplyEvents::newEvent).toList());
	}

	private static NewEvent newEvent(SupplyEvent e) {
		return new NewEvent(e.stream(), e.type(), e.subjectId(), e.cities(),
				e.conflatable() ? Criticality.CONFLATABLE : Criticality.CRITICAL, e.conflationKey(), false, e.data());
	}

}
