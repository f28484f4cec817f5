package cn.fj.emergency.alerting.channel;

/** The broadcast channels a published warning is delivered on (the public Atom feed is read, not delivered). */
public enum Channel {

	/** HTTP POST of the CAP document to a subscriber's endpoint, signed with HMAC-SHA256. */
	WEBHOOK,
	/** A short text through the SMS gateway's HTTP API. */
	SMS,
	/** The CAP document on one MQTT topic per area, for broadcast terminals. */
	MQTT

}
