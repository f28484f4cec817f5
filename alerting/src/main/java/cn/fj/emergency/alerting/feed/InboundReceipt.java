package cn.fj.emergency.alerting.feed;

/** One alert of a received document: as stored, and whether it had been stored before (a repeat, not stored again). */
public record InboundReceipt(InboundWarning warning, boolean repeat) {
}
