package cn.fj.emergency.resources.stock;

import org.jspecify.annotations.Nullable;

/**
 * The low-stock rule: a depot's item is low while its available quantity is below the threshold set for it. An
 * event is raised when it becomes low (a crossing), not again while it stays low; it may cross again once it has
 * risen back to the threshold or above.
 */
final class LowStock {

	private LowStock() {
	}

	public static boolean isLow(@Nullable Long threshold, StockLevel level) {
		return threshold != null && level.available() < threshold;
	}

	/** Whether moving to {@code after} is a crossing below the threshold, given whether it was low before. */
	public static boolean crossesBelow(boolean wasLow, @Nullable Long threshold, StockLevel after) {
		return !wasLow && isLow(threshold, after);
	}

}
