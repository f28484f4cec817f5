package cn.fj.emergency.resources.depot;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A depot's code, level, owner city and county agree with the GB/T 2260 areas; items have a known category. */
class DepotPolicyTest {

	static final AreaCodes AREAS = new AreaCodes() {

		final Map<String, String> counties = Map.of("350212", "350200", "350982", "350900", "350121", "350100");

		@Override
		public boolean isCity(String code) {
			return List.of("350100", "350200", "350900").contains(code);
		}

		@Override
		public @Nullable String cityOfCounty(String code) {
			return this.counties.get(code);
		}

		@Override
		public boolean withinProvince(double latitude, double longitude) {
			return latitude > 23 && latitude < 29 && longitude > 115 && longitude < 121;
		}

		@Override
		public List<String> cities() {
			return List.of("350100", "350200", "350900");
		}

	};

	static DepotForm form(String level, String ownerCity, @Nullable String county, @Nullable Boolean enabled) {
		return new DepotForm(null, "库", "Depot", level, ownerCity, county, 26.1, 119.3, "地址", "林", "0591-1", 100,
				enabled);
	}

	static SupplyError refusal(String code, DepotForm form) {
		try {
			DepotPolicy.depot(code, form, AREAS, true);
		}
		catch (SupplyException ex) {
			return ex.error();
		}
		throw new AssertionError("accepted " + code);
	}

	@Test
	void acceptsDepotsWhoseCodeLevelOwnerAndCountyAgree() {
		assertThat(DepotPolicy.depot("350000-04", form("PROVINCE", "350000", "350121", null), AREAS, true).enabled()).isTrue();
		assertThat(DepotPolicy.depot("350200-03", form("CITY", "350200", "350212", null), AREAS, true).level())
			.isEqualTo(DepotLevel.CITY);
		assertThat(DepotPolicy.depot("350982-02", form("COUNTY", "350900", "350982", null), AREAS, false).enabled())
			.isFalse();
	}

	@Test
	void refusesDepotsWhoseAreasDisagree() {
		assertThat(refusal("350000-04", form("PROVINCE", "350100", null, null))).isEqualTo(SupplyError.INVALID_FIELD);
		assertThat(refusal("350100-04", form("CITY", "350200", null, null))).isEqualTo(SupplyError.INVALID_FIELD);
		assertThat(refusal("350200-04", form("CITY", "350200", "350982", null))).isEqualTo(SupplyError.INVALID_FIELD);
		assertThat(refusal("350982-04", form("COUNTY", "350900", null, null))).isEqualTo(SupplyError.FIELD_REQUIRED);
		assertThat(refusal("350212-04", form("COUNTY", "350900", "350982", null))).isEqualTo(SupplyError.INVALID_FIELD);
		assertThat(refusal("350212-4", form("COUNTY", "350200", "350212", null))).isEqualTo(SupplyError.INVALID_FIELD);
		assertThat(refusal("350212-04", form("COUNTY", "350212", "350212", null))).isEqualTo(SupplyError.INVALID_FIELD);
	}

	@Test
	void refusesAnItemOfUnknownCategoryOrBadCode() {
		ItemForm item = new ItemForm(null, "沙袋", "Sandbag", "只", "bag", "RESCUE_EQUIPMENT");

		assertThat(DepotPolicy.item("SANDBAG-50", item).category()).isEqualTo(ItemCategory.RESCUE_EQUIPMENT);
		assertThatThrownBy(() -> DepotPolicy.item("sand bag", item)).isInstanceOf(SupplyException.class);
		assertThatThrownBy(() -> DepotPolicy.item("SANDBAG", new ItemForm(null, "沙袋", "Sandbag", "只", "bag", "TOYS")))
			.isInstanceOf(SupplyException.class);
	}

}
