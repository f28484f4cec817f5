package cn.fj.emergency.alerting.cap;

/**
 * Which GB/T 2260 administrative codes exist: the port through which the checks learn the areas. The hub
 * implements it from its own reference data; {@link #fujian()} is the default from this module's resource.
 */
public interface AreaCodes {

	/** The geocode {@code valueName} of a GB/T 2260 code. */
	String GEOCODE = "GB/T 2260";

	boolean exists(String code);

	/** Fujian's province, cities, Pingtan and counties, from {@code gbt2260-fujian.txt}. */
	static AreaCodes fujian() {
		return FujianAreaCodes.INSTANCE;
	}

}
