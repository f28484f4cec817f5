package cn.fj.emergency.alerting.cap;

/** The action recommended (CAP {@code responseType}). */
public enum ResponseType implements CapValue {

	SHELTER("Shelter"),
	EVACUATE("Evacuate"),
	PREPARE("Prepare"),
	EXECUTE("Execute"),
	AVOID("Avoid"),
	MONITOR("Monitor"),
	ASSESS("Assess"),
	ALL_CLEAR("AllClear"),
	NONE("None");

	private final String cap;

	ResponseType(String cap) {
		this.cap = cap;
	}

	@Override
	public String cap() {
		return cap;
	}

	/** The constant spelt {@code cap} in CAP 1.2. */
	public static ResponseType of(String cap) {
		return CapValue.parse(ResponseType.class, cap);
	}

}
