package cn.fj.emergency.command.drill;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.fj.emergency.command.schedule.PeriodicCheck;

/**
 * Every {@code hub.drills.abandoned-check-interval}, fails the running drills whose instance stopped playing them
 * ({@link RunningDrills#failAbandoned}), so that no drill stays RUNNING for ever after its instance died.
 */
@Configuration(proxyBeanMethods = false)
class AbandonedDrillsJob {

	private static final Logger log = LoggerFactory.getLogger(AbandonedDrillsJob.class);

	private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

	@Bean
	PeriodicCheck abandonedDrillsCheck(RunningDrills drills, DrillProperties properties, MeterRegistry meters) {
		Counter failures = Counter.builder("hub.drills.abandoned.check.failures")
			.description("Checks for abandoned drills of this instance that failed (each is logged)")
			.register(meters);
		return new PeriodicCheck("Abandoned drills", properties.abandonedCheckInterval(), CHECK_TIMEOUT,
				() -> drills.failAbandoned(properties.abandonedAfter()).doOnNext(failed -> {
					if (failed > 0) {
						log.warn("Failed {} drill(s) whose hub instance stopped playing them", failed);
					}
				}), error -> failures.increment());
	}

}
