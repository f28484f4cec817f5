package cn.fj.emergency.alerting.cap;

/**
 * The CAP version an alert was read in. The hub reads 1.0, 1.1 and 1.2, upgrades the older ones to its 1.2 model
 * (docs/cap-profile.md, "Older CAP versions") and writes only 1.2.
 */
public enum CapVersion {

	V1_0("1.0"),
	V1_1("1.1"),
	V1_2("1.2");

	private final String label;

	CapVersion(String label) {
		this.label = label;
	}

	/** The version as people write it: {@code 1.0}, {@code 1.1}, {@code 1.2}. */
	public String label() {
		return label;
	}

	@Override
	public String toString() {
		return "CAP " + label;
	}

}
