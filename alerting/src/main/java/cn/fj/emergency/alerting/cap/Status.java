package cn.fj.emergency.alerting.cap;

/** The alert's handling code (CAP {@code status}). */
public enum Status implements CapValue {

	ACTUAL("Actual"),
	EXERCISE("Exercise"),
	SYSTEM("System"),
	TEST("Test"),
	DRAFT("Draft");

	private final String cap;

	Status(String cap) {
		this.cap = cap;
	}

	@Override
	public String cap() {
		return cap;
	}

	/** The constant spelt {@code cap} in CAP 1.2. */
	public static Status of(String cap) {
		return CapValue.parse(Status.class, cap);
	}

}
