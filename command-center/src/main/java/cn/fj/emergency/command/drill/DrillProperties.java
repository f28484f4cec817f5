package cn.fj.emergency.command.drill;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param abandonedAfter a running drill whose instance has not saved its progress (about every second) for this long
 * (1 s to 1 h) is failed by any instance: the instance playing it was stopped or killed
 * @param abandonedCheckInterval how often each instance looks for such drills (100 ms to 10 min)
 */
@ConfigurationProperties("hub.drills")
public record DrillProperties(@DefaultValue("60s") Duration abandonedAfter,
		@DefaultValue("15s") Duration abandonedCheckInterval) {

	public DrillProperties {
		if (abandonedAfter.compareTo(Duration.ofSeconds(1)) < 0 || abandonedAfter.compareTo(Duration.ofHours(1)) > 0) {
			throw new IllegalArgumentException("hub.drills.abandoned-after must be between 1s and 1h, not " + abandonedAfter);
		}
		if (abandonedCheckInterval.compareTo(Duration.ofMillis(100)) < 0
				|| abandonedCheckInterval.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new IllegalArgumentException(
					"hub.drills.abandoned-check-interval must be between 100ms and 10m, not " + abandonedCheckInterval);
		}
	}

}
