package cn.fj.emergency.resources.stock;

/** The change a movement makes to on hand and to reserved; the ledger sums these. */
public record StockDelta(long onHand, long reserved) {
}
