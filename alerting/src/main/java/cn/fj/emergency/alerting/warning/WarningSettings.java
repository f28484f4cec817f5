package cn.fj.emergency.alerting.warning;

import java.util.Objects;

/**
 * How the hub issues warnings.
 *
 * @param unit the issuing unit's 14-digit code (GB/T 35965), the first part of every identifier
 * @param sender the CAP {@code sender} of our alerts
 * @param senderName the CAP {@code senderName} of our info blocks
 * @param commanderRole the role that reviews red and orange warnings
 * @param expiryBatch at most this many warnings expired in one transaction
 */
public record WarningSettings(String unit, String sender, String senderName, String commanderRole, int expiryBatch) {

	public WarningSettings {
		Objects.requireNonNull(unit, "unit");
		if (!unit.matches("\\d{14}")) {
			throw new IllegalArgumentException("The issuing unit is 14 digits, not " + unit);
		}
		Objects.requireNonNull(sender, "sender");
		Objects.requireNonNull(senderName, "senderName");
		Objects.requireNonNull(commanderRole, "commanderRole");
		if (expiryBatch < 1) {
			throw new IllegalArgumentException("expiryBatch must be positive");
		}
	}

}
