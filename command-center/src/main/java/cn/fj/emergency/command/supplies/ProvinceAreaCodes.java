package cn.fj.emergency.command.supplies;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.resources.depot.AreaCodes;

/** The registry checks depots' areas against the hub's GB/T 2260 table ({@link Areas}). */
@Component
class ProvinceAreaCodes implements AreaCodes {

	@Override
	public boolean isCity(String code) {
		return Areas.isCity(code);
	}

	@Override
	public @Nullable String cityOfCounty(String code) {
		return Areas.county(code).map(Areas.County::cityCode).orElse(null);
	}

	@Override
	public boolean withinProvince(double latitude, double longitude) {
		return Areas.withinProvince(latitude, longitude);
	}

	@Override
	public List<String> cities() {
		return Areas.cities().stream().map(Areas.City::code).toList();
	}

}
