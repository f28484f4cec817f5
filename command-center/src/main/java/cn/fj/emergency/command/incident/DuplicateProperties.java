package cn.fj.emergency.command.incident;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a new incident is flagged as a likely duplicate of an earlier one: same city, same sub-category (the first
 * two digits of the category), same exercise flag, the earlier one still open, their occurrence times at most
 * {@code window} apart and their points at most {@code radius} metres apart.
 *
 * @param enabled whether intake screens new incidents at all
 * @param radius metres between the two reported points (great-circle distance)
 * @param window greatest difference of the two {@code occurredAt}, either way
 * @param maxCandidates most earlier incidents named in one suspicion (the nearest in time first)
 */
@ConfigurationProperties("hub.incidents.duplicates")
public record DuplicateProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1000") double radius,
		@DefaultValue("2h") Duration window, @DefaultValue("10") int maxCandidates) {
}
