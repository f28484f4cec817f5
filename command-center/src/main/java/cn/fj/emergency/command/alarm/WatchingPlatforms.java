package cn.fj.emergency.command.alarm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.Ids;
import cn.fj.emergency.command.alarm.persistence.AlarmStore;
import cn.fj.emergency.command.alarm.persistence.AlarmStore.PlatformPresence;
import cn.fj.emergency.command.citylink.Presence;
import cn.fj.emergency.command.schedule.PeriodicCheck;
import cn.fj.emergency.command.security.Role;
import cn.fj.emergency.command.stream.EventLog;

/**
 * A city platform going offline: presence has no events (it lives in Redis), so one instance at a time (the
 * {@code presence} row of the alarm cursors, taken SKIP LOCKED) compares who is connected now with the platforms last
 * recorded online, and raises an alarm for each that has no connection left. A Redis failure is a failed check, never
 * "everyone offline".
 */
@Configuration(proxyBeanMethods = false)
class WatchingPlatforms {

	static final String TURN = "presence";

	private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(20);

	@Bean
	PeriodicCheck platformPresenceCheck(Presence presence, AlarmStore store, EventLog events,
			TransactionalOperator transactions, Clock clock, AlarmProperties properties, MeterRegistry meters) {
		Counter failures = Counter.builder("hub.alarms.presence.failures")
			.description("Failed comparisons of the city platforms' presence with the last known one")
			.register(meters);
		Check check = new Check(presence, store, events, clock);
		return new PeriodicCheck("Watching the city platforms' presence", properties.presenceInterval(), CHECK_TIMEOUT,
				() -> transactions.transactional(check.once()), error -> failures.increment());
	}

	record Check(Presence presence, AlarmStore store, EventLog events, Clock clock) {

		/** One comparison; answers how many platforms went offline. */
		Mono<Integer> once() {
			return this.store.lockCursor(TURN)
				.flatMap(turn -> Mono.zip(connectedCities(), this.store.platforms().collectList()))
				.flatMap(both -> compare(both.getT1(), both.getT2()));
		}

		private Mono<Map<String, Instant>> connectedCities() {
			return this.presence.connected()
				.filter(e -> e.cityCode() != null && e.roles().contains(Role.CITY_PLATFORM))
				.collect(TreeMap::new, (Map<String, Instant> m, Presence.Entry e) -> m.merge(String.valueOf(e.cityCode()),
						e.connectedAt(), (a, b) -> a.isBefore(b) ? a : b));
		}

		private Mono<Integer> compare(Map<String, Instant> connected, List<PlatformPresence> known) {
			Instant now = this.clock.instant();
			List<Mono<?>> steps = new ArrayList<>();
			List<AlarmCause> offline = new ArrayList<>();
			Map<String, PlatformPresence> byCity = new TreeMap<>();
			known.forEach(p -> byCity.put(p.cityCode(), p));
			for (PlatformPresence p : known) {
				if (p.online() && !connected.containsKey(p.cityCode())) {
					offline.add(AlarmPolicy.offline(p.cityCode(), p.onlineSince().toEpochMilli(), 0));
					steps.add(this.store.setPresence(p.cityCode(), false, p.onlineSince(), now));
				}
			}
			connected.forEach((city, since) -> {
				PlatformPresence p = byCity.get(city);
				if (p == null || !p.online()) {
					steps.add(this.store.setPresence(city, true, since, now));
				}
			});
			return Flux.concat(steps)
				.thenMany(Flux.fromIterable(offline))
				.concatMap(cause -> this.store.raise(Ids.newId(this.clock), cause, now))
				.map(RaisingAlarms::raised)
				.collectList()
				.flatMap(raised -> this.events.append(raised).thenReturn(raised.size()));
		}

	}

}
