package cn.fj.emergency.command.audit;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.fj.emergency.command.schedule.PeriodicCheck;

/** Every {@code hub.audit.anchor-interval}, each instance anchors the audit trail's head if it moved. */
@Configuration(proxyBeanMethods = false)
class AnchoringJob {

	private static final Logger log = LoggerFactory.getLogger(AnchoringJob.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Bean
	PeriodicCheck auditAnchoring(AnchoringAuditTrail anchoring, AuditProperties properties, MeterRegistry meters) {
		Counter failures = Counter.builder("hub.audit.anchor.failures")
			.description("Attempts of this instance to anchor the audit trail's head that failed (each is logged)")
			.register(meters);
		return new PeriodicCheck("Anchoring the audit trail", properties.anchorInterval(), TIMEOUT,
				() -> anchoring.anchorHead()
					.doOnNext(anchor -> log.debug("Anchored the audit trail at record {}", anchor.seq())),
				error -> failures.increment());
	}

}
