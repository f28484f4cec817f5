package cn.fj.emergency.command.alarm;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how often each instance reads the log for alarms when nothing pokes it (100 ms to 1 min): an
 * event appended on another instance is alarmed within about this long, one appended here at once
 * @param presenceInterval how often the platforms' presence is compared with the last known one (1 s to 10 min); a
 * platform whose connections all ended is alarmed within about this long (plus the presence keys' 60 s expiry when
 * its hub instance died)
 * @param maxOpen most open alarms {@code GET /api/alarms} answers (1 to 10000), newest first
 */
@ConfigurationProperties("hub.alarms")
public record AlarmProperties(@DefaultValue("2s") Duration pollInterval, @DefaultValue("15s") Duration presenceInterval,
		@DefaultValue("500") int maxOpen) {

	public AlarmProperties {
		if (pollInterval.compareTo(Duration.ofMillis(100)) < 0 || pollInterval.compareTo(Duration.ofMinutes(1)) > 0) {
			throw new IllegalArgumentException("hub.alarms.poll-interval must be between 100ms and 1m, not " + pollInterval);
		}
		if (presenceInterval.compareTo(Duration.ofSeconds(1)) < 0 || presenceInterval.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new IllegalArgumentException(
					"hub.alarms.presence-interval must be between 1s and 10m, not " + presenceInterval);
		}
		if (maxOpen < 1 || maxOpen > 10_000) {
			throw new IllegalArgumentException("hub.alarms.max-open must be between 1 and 10000, not " + maxOpen);
		}
	}

}
