package cn.fj.emergency.resources.depot;

import org.jspecify.annotations.Nullable;

/**
 * A relief-supply depot. {@code ownerCity} is the GB/T 2260 code of the city platform that runs it and reports its
 * movements, or {@code 350000} for the province's own depots; {@code countyCode} is set for county depots.
 *
 * @param capacityM3 storage volume in cubic metres
 * @param enabled false for a depot taken out of service: kept with its stock and ledger, not offered as a source
 * and taking no new commitments
 */
public record Depot(String code, String nameZh, String nameEn, DepotLevel level, String ownerCity,
		@Nullable String countyCode, double latitude, double longitude, String address, String contactName,
		String contactPhone, int capacityM3, boolean enabled) {

	public static final String PROVINCE = "350000";

	/** The city platforms that may see this depot's events: its owner city, none for the province's depots. */
	public java.util.List<String> visibleToCities() {
		return PROVINCE.equals(this.ownerCity) ? java.util.List.of() : java.util.List.of(this.ownerCity);
	}

	/** Whether a principal confined to {@code cityCode} (null: province-wide) may act on this depot. */
	public boolean operableBy(@Nullable String cityCode) {
		return cityCode == null || cityCode.equals(this.ownerCity);
	}

}
