package cn.fj.emergency.command.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param anchorInterval how often each instance signs the audit trail's head if it moved since the last anchor
 * (100 ms to 1 h); a rewrite of the trail shows from the last anchor before it, so this bounds how many of the
 * latest records an attacker who holds the database (but not the signing key) can rewrite unseen
 */
@ConfigurationProperties("hub.audit")
public record AuditProperties(@DefaultValue("60s") Duration anchorInterval) {

	public AuditProperties {
		if (anchorInterval.compareTo(Duration.ofMillis(100)) < 0 || anchorInterval.compareTo(Duration.ofHours(1)) > 0) {
			throw new IllegalArgumentException("hub.audit.anchor-interval must be between 100ms and 1h, not " + anchorInterval);
		}
	}

}
