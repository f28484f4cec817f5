package cn.fj.emergency.command.exchange;

import org.jspecify.annotations.Nullable;

/**
 * What the importer gives beside the EIDO, each taking precedence over what the EIDO says (docs/eido.md). An EIDO
 * from outside the province needs at least a location in the province and its county.
 *
 * @param countyCode GB/T 2260 county code of the incident
 * @param latitude with {@code longitude}: the incident's position, both or neither
 * @param category GB/T 35561 sub-category
 * @param level I, II, III or IV (default IV: a level is never inferred from a foreign priority)
 * @param exercise whether the incident is a drill (an EIDO's internal status EXERCISE also makes it one)
 */
public record EidoOverrides(@Nullable String countyCode, @Nullable Double latitude, @Nullable Double longitude,
		@Nullable String category, @Nullable String level, @Nullable Boolean exercise) {

	public static EidoOverrides none() {
		return new EidoOverrides(null, null, null, null, null, null);
	}

}
