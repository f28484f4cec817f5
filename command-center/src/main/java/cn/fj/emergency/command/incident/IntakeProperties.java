package cn.fj.emergency.command.incident;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxBatch most reports written in one transaction
 * @param maxQueued most reports waiting for a transaction before new ones are refused as overload
 * @param maxInFlight most report transactions of this instance at once (1 to 32; each holds a pooled connection):
 * while one holds the event counter until its commit, the next stores its incidents
 */
@ConfigurationProperties("hub.intake")
public record IntakeProperties(@DefaultValue("256") int maxBatch, @DefaultValue("10000") int maxQueued,
		@DefaultValue("4") int maxInFlight) {

	public IntakeProperties {
		if (maxBatch < 1 || maxQueued < 1) {
			throw new IllegalArgumentException("hub.intake.max-batch and hub.intake.max-queued must be at least 1");
		}
		if (maxInFlight < 1 || maxInFlight > 32) {
			throw new IllegalArgumentException("hub.intake.max-in-flight must be between 1 and 32, not " + maxInFlight);
		}
	}

}
