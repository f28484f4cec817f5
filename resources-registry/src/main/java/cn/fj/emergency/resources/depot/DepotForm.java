package cn.fj.emergency.resources.depot;

import org.jspecify.annotations.Nullable;

/**
 * A depot as an administrator registers or updates it; on update {@code code} comes from the path. {@code enabled}
 * is true when absent on registration and unchanged when absent on update.
 */
public record DepotForm(@Nullable String code, @Nullable String nameZh, @Nullable String nameEn, @Nullable String level,
		@Nullable String ownerCity, @Nullable String countyCode, @Nullable Double latitude, @Nullable Double longitude,
		@Nullable String address, @Nullable String contactName, @Nullable String contactPhone,
		@Nullable Integer capacityM3, @Nullable Boolean enabled) {
}
