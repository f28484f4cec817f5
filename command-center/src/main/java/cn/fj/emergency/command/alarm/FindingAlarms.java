package cn.fj.emergency.command.alarm;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import cn.fj.emergency.command.alarm.persistence.AlarmStore;
import cn.fj.emergency.command.security.HubPrincipal;

/**
 * The open alarms, newest first. A province officer reads them all; an officer scoped to a city only that city's
 * (an alarm with no city, such as a failed delivery, is the province's).
 */
@Component
public class FindingAlarms {

	private final AlarmStore store;

	private final int maxOpen;

	FindingAlarms(AlarmStore store, AlarmProperties properties) {
		this.store = store;
		this.maxOpen = properties.maxOpen();
	}

	public Flux<Alarm> open(HubPrincipal principal) {
		return this.store.open(principal.cityCode(), this.maxOpen);
	}

	static boolean mayRead(HubPrincipal principal, Alarm alarm) {
		String city = principal.cityCode();
		return city == null || city.equals(alarm.cityCode());
	}

}
