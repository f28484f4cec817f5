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
 * @param radius metres between the two reported points (great-circle distance), above 0 and at most
 * {@value #MAX_RADIUS}: the screen walks the grid cells of 0.01 degree that the radius reaches (schema V11), about
 * 150 of them at this limit
 * @param window greatest difference of the two {@code occurredAt}, either way
 * @param maxCandidates most earlier incidents named in one suspicion (the latest {@code occurredAt} first)
 */
@ConfigurationProperties("hub.incidents.duplicates")
public record DuplicateProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1000") double radius,
		@DefaultValue("2h") Duration window, @DefaultValue("10") int maxCandidates) {

	/** The largest radius, in metres. */
	public static final double MAX_RADIUS = 5000;

	public DuplicateProperties {
		if (!(radius > 0 && radius <= MAX_RADIUS)) {
			throw new IllegalArgumentException("hub.incidents.duplicates.radius must be above 0 and at most "
					+ (int) MAX_RADIUS + " metres, not " + radius);
		}
		if (window.isNegative() || window.isZero() || maxCandidates < 1) {
			throw new IllegalArgumentException("hub.incidents.duplicates.window must be positive and "
					+ "hub.incidents.duplicates.max-candidates at least 1");
		}
	}
}
