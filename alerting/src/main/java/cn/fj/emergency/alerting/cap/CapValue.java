package cn.fj.emergency.alerting.cap;

/** A CAP 1.2 enumerated value, with its spelling in the standard. */
public interface CapValue {

	/** The value as CAP 1.2 spells it. */
	String cap();

	static <E extends Enum<E> & CapValue> E parse(Class<E> type, String cap) {
		for (E constant : type.getEnumConstants()) {
			if (constant.cap().equals(cap)) {
				return constant;
			}
		}
		throw new IllegalArgumentException("not a CAP " + type.getSimpleName() + ": " + cap);
	}

}
