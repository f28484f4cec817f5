package cn.fj.emergency.command.alarm;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.alarm.persistence.AlarmStore;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.NewEvent;

/**
 * An officer acknowledges an alarm, for the whole hub: who and when are recorded and {@code alarm.acknowledged} is
 * appended in the same transaction, so the banner clears on every screen. Acknowledging an alarm someone already
 * acknowledged changes nothing and answers it as it stands (with the first acknowledgement): two officers pressing
 * at once both see it done.
 */
@Component
public class AcknowledgingAlarm {

	private final AlarmStore store;

	private final EventLog events;

	private final TransactionalOperator transactions;

	private final Clock clock;

	AcknowledgingAlarm(AlarmStore store, EventLog events, TransactionalOperator transactions, Clock clock) {
		this.store = store;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Mono<Alarm> acknowledge(HubPrincipal principal, String alarmId) {
		return Mono.fromCallable(() -> id(alarmId))
			.flatMap(id -> readable(principal, id, alarmId).then(record(principal, id)).as(this.transactions::transactional));
	}

	private Mono<Alarm> readable(HubPrincipal principal, UUID id, String alarmId) {
		return this.store.find(id)
			.filter(alarm -> FindingAlarms.mayRead(principal, alarm))
			.switchIfEmpty(Mono.error(() -> notFound(alarmId)));
	}

	/** The acknowledgement and its event; the alarm as it stands when someone else acknowledged it first. */
	private Mono<Alarm> record(HubPrincipal principal, UUID id) {
		return this.store.acknowledge(id, principal.subject(), this.clock.instant())
			.flatMap(alarm -> this.events.append(List.of(acknowledged(alarm))).thenReturn(alarm))
			.switchIfEmpty(Mono.defer(() -> this.store.find(id)));
	}

	private static NewEvent acknowledged(Alarm alarm) {
		return NewEvent.critical(Alarm.STREAM, Alarm.ACKNOWLEDGED, alarm.id().toString(), List.of(), false, alarm);
	}

	private static UUID id(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw notFound(text);
		}
	}

	private static HubException notFound(String id) {
		return new HubException(ErrorCode.ALARM_NOT_FOUND, "No alarm " + id, Map.of("alarmId", id));
	}

}
