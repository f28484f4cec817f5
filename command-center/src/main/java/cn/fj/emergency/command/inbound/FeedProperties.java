package cn.fj.emergency.command.inbound;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Departments' feeds of CAP alerts the hub polls (docs/inbound-warnings.md).
 *
 * @param sources the feeds, none by default
 * @param timeout the bound on each HTTP request (100 ms to 1 min)
 * @param maxBytes the largest feed or CAP document read
 */
@ConfigurationProperties("hub.feeds")
public record FeedProperties(@DefaultValue List<Source> sources, @DefaultValue("10s") Duration timeout,
		@DefaultValue("1048576") int maxBytes) {

	public FeedProperties {
		if (timeout.compareTo(Duration.ofMillis(100)) < 0 || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
			throw new IllegalArgumentException("hub.feeds.timeout must be between 100ms and 1m, not " + timeout);
		}
		if (maxBytes < 1024) {
			throw new IllegalArgumentException("hub.feeds.max-bytes must be at least 1024, not " + maxBytes);
		}
		sources = List.copyOf(sources);
	}

	/** @param interval how often it is polled (1 s to 1 h) */
	public record Source(URI url, @DefaultValue("60s") Duration interval) {

		public Source {
			if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofHours(1)) > 0) {
				throw new IllegalArgumentException("hub.feeds.sources[].interval must be between 1s and 1h, not " + interval);
			}
		}

	}

}
