package cn.fj.emergency.alerting.cap;

/** The kind of message (CAP {@code msgType}). */
public enum MessageType implements CapValue {

	ALERT("Alert"),
	UPDATE("Update"),
	CANCEL("Cancel"),
	ACK("Ack"),
	ERROR("Error");

	private final String cap;

	MessageType(String cap) {
		this.cap = cap;
	}

	@Override
	public String cap() {
		return cap;
	}

	/** The constant spelt {@code cap} in CAP 1.2. */
	public static MessageType of(String cap) {
		return CapValue.parse(MessageType.class, cap);
	}

}
