package cn.fj.emergency.resources.stock;

import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyException;

/**
 * A depot's levels of one item. Available is what may still be issued, transferred or reserved: on hand less
 * reserved. No level is ever negative; {@link #apply} refuses a change that would make one so.
 */
public record StockLevel(long onHand, long reserved) {

	public static final StockLevel EMPTY = new StockLevel(0, 0);

	public StockLevel {
		if (onHand < 0 || reserved < 0 || reserved > onHand) {
			throw new IllegalArgumentException("Impossible levels: on hand " + onHand + ", reserved " + reserved);
		}
	}

	public long available() {
		return this.onHand - this.reserved;
	}

	/** The levels after the change, or {@link SupplyError#INSUFFICIENT_STOCK} if any would go negative. */
	public StockLevel apply(StockDelta delta) {
		long onHand = this.onHand + delta.onHand();
		long reserved = this.reserved + delta.reserved();
		if (onHand < 0 || reserved < 0 || reserved > onHand) {
			throw new SupplyException(SupplyError.INSUFFICIENT_STOCK, "quantity", "Not enough stock: on hand "
					+ this.onHand + ", reserved " + this.reserved + ", available " + available() + "; the change would be "
					+ describe(delta));
		}
		return new StockLevel(onHand, reserved);
	}

	private static String describe(StockDelta delta) {
		return "on hand " + signed(delta.onHand()) + ", reserved " + signed(delta.reserved());
	}

	private static String signed(long n) {
		return n >= 0 ? "+" + n : Long.toString(n);
	}

}
