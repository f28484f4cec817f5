package cn.fj.emergency.command.disaster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param ruleInterval how often each hub instance applies the membership rule (100 ms to 10 min): an incident of an
 * open event's category in its area joins it at most about this long after it is reported
 * @param ruleBatch most incidents joined in one transaction (1 to 10000); a round goes on until none is left
 */
@ConfigurationProperties("hub.disaster-events")
public record DisasterEventProperties(@DefaultValue("5s") Duration ruleInterval, @DefaultValue("500") int ruleBatch) {

	public DisasterEventProperties {
		if (ruleInterval.compareTo(Duration.ofMillis(100)) < 0 || ruleInterval.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new IllegalArgumentException("hub.disaster-events.rule-interval must be between 100ms and 10m, not " + ruleInterval);
		}
		if (ruleBatch < 1 || ruleBatch > 10_000) {
			throw new IllegalArgumentException("hub.disaster-events.rule-batch must be between 1 and 10000, not " + ruleBatch);
		}
	}

}
