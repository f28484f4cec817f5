package cn.fj.emergency.alerting.cap;

/** Who the alert is for (CAP {@code scope}). */
public enum Scope implements CapValue {

	PUBLIC("Public"),
	RESTRICTED("Restricted"),
	PRIVATE("Private");

	private final String cap;

	Scope(String cap) {
		this.cap = cap;
	}

	@Override
	public String cap() {
		return cap;
	}

	/** The constant spelt {@code cap} in CAP 1.2. */
	public static Scope of(String cap) {
		return CapValue.parse(Scope.class, cap);
	}

}
