package cn.fj.emergency.alerting.cap;

/** How bad (CAP {@code severity}). */
public enum Severity implements CapValue {

	EXTREME("Extreme"),
	SEVERE("Severe"),
	MODERATE("Moderate"),
	MINOR("Minor"),
	UNKNOWN("Unknown");

	private final String cap;

	Severity(String cap) {
		this.cap = cap;
	}

	@Override
	public String cap() {
		return cap;
	}

	/** The constant spelt {@code cap} in CAP 1.2. */
	public static Severity of(String cap) {
		return CapValue.parse(Severity.class, cap);
	}

}
