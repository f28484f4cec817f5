package cn.fj.emergency.resources;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param reservationHold how long committed stock stays reserved for collection unless the commitment says otherwise
 * @param expiryInterval how often each instance looks for uncollected reservations past their hold
 * @param expiryBatch most reservations expired in one transaction
 * @param commitBatch most commitment calls waiting on the same stock balances that one transaction takes
 */
@ConfigurationProperties("hub.supplies")
public record SuppliesProperties(@DefaultValue("48h") Duration reservationHold,
		@DefaultValue("30s") Duration expiryInterval, @DefaultValue("100") int expiryBatch,
		@DefaultValue("64") int commitBatch) {
}
