package cn.fj.emergency.command.stream;

/**
 * How an event may be treated on its way to a slow subscriber. A critical event is never dropped: a subscriber
 * too slow for it is cut off with its last sequence so it can resume. A conflatable event (a repeated stock level,
 * a position) may be replaced, while still queued, by a newer one with the same conflation key.
 */
public enum Criticality {

	CRITICAL, CONFLATABLE

}
