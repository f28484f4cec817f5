package cn.fj.emergency.alerting.channel;

/**
 * Where one delivery (warning x channel x recipient) stands. PENDING until an attempt succeeds: then SENT (handed
 * over, no acknowledgement from the recipient) or ACKNOWLEDGED (the channel confirmed it); FAILED once the attempts
 * are used up. Only PENDING is ever worked on; a republish turns FAILED back into PENDING.
 */
public enum DeliveryState {

	PENDING, SENT, ACKNOWLEDGED, FAILED;

	public boolean finished() {
		return this != PENDING;
	}

}
