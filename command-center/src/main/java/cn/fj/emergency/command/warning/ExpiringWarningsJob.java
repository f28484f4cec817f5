package cn.fj.emergency.command.warning;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.fj.emergency.alerting.warning.ExpiringWarnings;
import cn.fj.emergency.command.schedule.PeriodicCheck;

/**
 * Every {@code hub.warnings.expiry-check-interval}, ends the published warnings past their expiry (exactly once across
 * instances: see {@link ExpiringWarnings}). A failed check is logged and counted; the next one runs as planned.
 */
@Configuration(proxyBeanMethods = false)
class ExpiringWarningsJob {

	private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

	@Bean
	PeriodicCheck expiringWarningsCheck(ExpiringWarnings expiring, WarningProperties properties, MeterRegistry meters) {
		Counter expired = Counter.builder("hub.warnings.expired").description("Warnings expired by this instance").register(meters);
		Counter failures = Counter.builder("hub.warnings.expiry.check.failures")
			.description("Expiry checks of this instance that failed")
			.register(meters);
		Counter checks = Counter.builder("hub.warnings.expiry.checks")
			.description("Expiry checks of this instance that completed")
			.register(meters);
		return new PeriodicCheck("Expiring warnings", properties.expiryCheckInterval(), CHECK_TIMEOUT,
				() -> expiring.expireDue().doOnNext(n -> {
					expired.increment(n);
					checks.increment();
				}), error -> failures.increment());
	}

}
