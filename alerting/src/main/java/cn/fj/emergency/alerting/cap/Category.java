package cn.fj.emergency.alerting.cap;

/** The subject of an info block (CAP {@code category}). */
public enum Category implements CapValue {

	GEO("Geo"),
	MET("Met"),
	SAFETY("Safety"),
	SECURITY("Security"),
	RESCUE("Rescue"),
	FIRE("Fire"),
	HEALTH("Health"),
	ENV("Env"),
	TRANSPORT("Transport"),
	INFRA("Infra"),
	CBRNE("CBRNE"),
	OTHER("Other");

	private final String cap;

	Category(String cap) {
		this.cap = cap;
	}

	@Override
	public String cap() {
		return cap;
	}

	/** The constant spelt {@code cap} in CAP 1.2. */
	public static Category of(String cap) {
		return CapValue.parse(Category.class, cap);
	}

}
