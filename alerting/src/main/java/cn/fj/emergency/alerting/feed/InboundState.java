package cn.fj.emergency.alerting.feed;

/** Where an inbound alert stands in its chain: still in force, or ended by a later Update or Cancel. */
public enum InboundState {
	ACTIVE, SUPERSEDED, CANCELLED
}
