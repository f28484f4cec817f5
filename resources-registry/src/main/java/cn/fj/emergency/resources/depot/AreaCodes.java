package cn.fj.emergency.resources.depot;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The province's GB/T 2260 areas, as the application knows them: the port depot administration checks codes and
 * locations against.
 */
public interface AreaCodes {

	/** Whether the code is one of the city platforms (not the province itself). */
	boolean isCity(String code);

	/** The city platform a county belongs to, null if the code is not a county of the province. */
	@Nullable String cityOfCounty(String code);

	/** Whether the point lies within the province (with a margin for its islands and waters). */
	boolean withinProvince(double latitude, double longitude);

	/** Every city platform: who sees a change of the catalogue. */
	List<String> cities();

}
