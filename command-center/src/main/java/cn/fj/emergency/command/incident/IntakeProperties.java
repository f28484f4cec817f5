package cn.fj.emergency.command.incident;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxBatch most reports written in one transaction
 * @param maxQueued most reports waiting for a transaction before new ones are refused as overload
 */
@ConfigurationProperties("hub.intake")
public record IntakeProperties(@DefaultValue("256") int maxBatch, @DefaultValue("10000") int maxQueued) {
}
