package cn.fj.emergency.alerting.cap;

/** How sure (CAP {@code certainty}). */
public enum Certainty implements CapValue {

	OBSERVED("Observed"),
	LIKELY("Likely"),
	POSSIBLE("Possible"),
	UNLIKELY("Unlikely"),
	UNKNOWN("Unknown");

	private final String cap;

	Certainty(String cap) {
		this.cap = cap;
	}

	@Override
	public String cap() {
		return cap;
	}

	/** The constant spelt {@code cap} in CAP 1.2. */
	public static Certainty of(String cap) {
		return CapValue.parse(Certainty.class, cap);
	}

}
