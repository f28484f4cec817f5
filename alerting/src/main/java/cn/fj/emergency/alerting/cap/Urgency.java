package cn.fj.emergency.alerting.cap;

/** How soon to act (CAP {@code urgency}). */
public enum Urgency implements CapValue {

	IMMEDIATE("Immediate"),
	EXPECTED("Expected"),
	FUTURE("Future"),
	PAST("Past"),
	UNKNOWN("Unknown");

	private final String cap;

	Urgency(String cap) {
		this.cap = cap;
	}

	@Override
	public String cap() {
		return cap;
	}

	/** The constant spelt {@code cap} in CAP 1.2. */
	public static Urgency of(String cap) {
		return CapValue.parse(Urgency.class, cap);
	}

}
