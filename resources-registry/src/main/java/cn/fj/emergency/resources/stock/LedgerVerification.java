package cn.fj.emergency.resources.stock;

import java.time.Instant;
import java.util.List;

/**
 * Whether every balance equals the sum of its ledger: {@code consistent} when there is no mismatch. A mismatch
 * names the balance, its stored levels and the levels its movements add up to.
 */
public record LedgerVerification(boolean consistent, long balancesChecked, long movementsCounted,
		List<Mismatch> mismatches, Instant checkedAt) {

	public LedgerVerification {
		mismatches = List.copyOf(mismatches);
	}

	public record Mismatch(String depotCode, String itemCode, long onHand, long reserved, long ledgerOnHand,
			long ledgerReserved) {
	}

}
