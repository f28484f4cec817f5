package cn.fj.emergency.command.warning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param unit the issuing unit's 14-digit GB/T 35965 code: area 350000, institution, sub-unit, extension
 * @param sender the CAP sender of the hub's alerts
 * @param senderName the CAP senderName of their info blocks
 * @param expiryCheckInterval how often each instance ends warnings past their expiry (100 ms to 10 min)
 * @param expiryBatch at most this many warnings expired in one transaction (1 to 10000)
 */
@ConfigurationProperties("hub.warnings")
public record WarningProperties(@DefaultValue("35000041600000") String unit,
		@DefaultValue("fj-emergency@hub.fj.gov.cn") String sender, @DefaultValue("福建省应急管理厅") String senderName,
		@DefaultValue("5s") Duration expiryCheckInterval, @DefaultValue("200") int expiryBatch) {

	public WarningProperties {
		if (expiryCheckInterval.compareTo(Duration.ofMillis(100)) < 0 || expiryCheckInterval.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new IllegalArgumentException("hub.warnings.expiry-check-interval must be between 100ms and 10m, not " + expiryCheckInterval);
		}
		if (expiryBatch < 1 || expiryBatch > 10_000) {
			throw new IllegalArgumentException("hub.warnings.expiry-batch must be between 1 and 10000, not " + expiryBatch);
		}
	}

}
