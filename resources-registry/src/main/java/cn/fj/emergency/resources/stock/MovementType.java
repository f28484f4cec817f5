package cn.fj.emergency.resources.stock;

/**
 * What a movement does to a depot's stock of an item. Quantities are positive, except for an adjustment, whose
 * sign says the direction. A depot reports receipts, issues, transfers and adjustments; reservations, releases and
 * the issue that delivers a reservation come from commitments.
 */
public enum MovementType {

	/** Stock arrives (purchase, donation, a return): on hand goes up. */
	RECEIPT(true),
	/** Stock leaves for use: on hand goes down, from what is available (or from a reservation when delivered). */
	ISSUE(true),
	/** Stock leaves for another depot: on hand goes down, from what is available. */
	TRANSFER_OUT(true),
	/** Stock arrives from another depot: on hand goes up. */
	TRANSFER_IN(true),
	/** A stock count corrects on hand, up or down, with a reason. */
	ADJUSTMENT(true),
	/** Stock is held for a commitment: reserved goes up, available down; on hand is unchanged. */
	RESERVATION(false),
	/** A hold ends without delivery: reserved goes down. */
	RELEASE(false);

	private final boolean reportable;

	MovementType(boolean reportable) {
		this.reportable = reportable;
	}

	/** Whether a depot may report it; the others are made by commitments only. */
	public boolean reportable() {
		return this.reportable;
	}

	/** The change to the levels; {@code fromReservation} only for an issue that delivers reserved stock. */
	public StockDelta delta(long quantity, boolean fromReservation) {
		return switch (this) {
			case RECEIPT, TRANSFER_IN, ADJUSTMENT -> new StockDelta(quantity, 0);
			case ISSUE -> fromReservation ? new StockDelta(-quantity, -quantity) : new StockDelta(-quantity, 0);
			case TRANSFER_OUT -> new StockDelta(-quantity, 0);
			case RESERVATION -> new StockDelta(0, quantity);
			case RELEASE -> new StockDelta(0, -quantity);
		};
	}

}
