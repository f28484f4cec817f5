package cn.fj.emergency.resources.depot;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyException;

/**
 * What makes a depot or catalogue item acceptable, each refusal with the field at fault. A depot's code is the
 * GB/T 2260 code of its area and a two-digit number; its level, owner city and county must agree with that area.
 */
final class DepotPolicy {

	static final int MAX_NAME = 200;

	static final int MAX_ADDRESS = 500;

	static final int MAX_CONTACT = 100;

	static final int MAX_UNIT = 20;

	static final int MAX_CAPACITY = 10_000_000;

	private static final Pattern DEPOT_CODE = Pattern.compile("(35\\d{4})-(\\d{2})");

	private static final Pattern ITEM_CODE = Pattern.compile("[A-Z0-9][A-Z0-9\\-]{0,31}");

	private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{3,30}");

	private DepotPolicy() {
	}

	/** The depot the form describes; {@code enabledBefore} is kept when the form leaves {@code enabled} out. */
	public static Depot depot(String code, DepotForm form, AreaCodes areas, boolean enabledBefore) {
		String area = depotCode(code);
		DepotLevel level = level(required("level", form.level()));
		String ownerCity = required("ownerCity", form.ownerCity());
		String county = blankToNull(form.countyCode());
		if (county != null && areas.cityOfCounty(county) == null) {
			throw invalid("countyCode", "countyCode is not a county of the province: " + county);
		}
		switch (level) {
			case PROVINCE -> {
				if (!Depot.PROVINCE.equals(ownerCity)) {
					throw invalid("ownerCity", "A provincial depot is run by the province: ownerCity " + Depot.PROVINCE);
				}
				if (!Depot.PROVINCE.equals(area)) {
					throw invalid("code", "A provincial depot's code starts with " + Depot.PROVINCE);
				}
			}
			case CITY -> {
				cityOwner(ownerCity, areas);
				if (!ownerCity.equals(area)) {
					throw invalid("code", "A municipal depot's code starts with its owner city " + ownerCity);
				}
				if (county != null && !ownerCity.equals(areas.cityOfCounty(county))) {
					throw invalid("countyCode", "The county " + county + " is not of the city " + ownerCity);
				}
			}
			case COUNTY -> {
				cityOwner(ownerCity, areas);
				if (county == null) {
					throw new SupplyException(SupplyError.FIELD_REQUIRED, "countyCode", "A county depot needs its countyCode");
				}
				if (!ownerCity.equals(areas.cityOfCounty(county))) {
					throw invalid("countyCode", "The county " + county + " is not of the city " + ownerCity);
				}
				if (!county.equals(area)) {
					throw invalid("code", "A county depot's code starts with its county " + county);
				}
			}
		}
		Double latitude = form.latitude();
		Double longitude = form.longitude();
		if (latitude == null) {
			throw new SupplyException(SupplyError.FIELD_REQUIRED, "latitude", "latitude is required");
		}
		if (longitude == null) {
			throw new SupplyException(SupplyError.FIELD_REQUIRED, "longitude", "longitude is required");
		}
		if (!areas.withinProvince(latitude, longitude)) {
			throw invalid("latitude", "The location lies outside the province");
		}
		Integer capacity = form.capacityM3();
		if (capacity == null) {
			throw new SupplyException(SupplyError.FIELD_REQUIRED, "capacityM3", "capacityM3 is required");
		}
		if (capacity < 1 || capacity > MAX_CAPACITY) {
			throw invalid("capacityM3", "capacityM3 is between 1 and " + MAX_CAPACITY);
		}
		String phone = text("contactPhone", form.contactPhone(), MAX_CONTACT);
		if (!PHONE.matcher(phone).matches()) {
			throw invalid("contactPhone", "contactPhone holds 3 to 30 of 0-9 + - ( ) and spaces");
		}
		return new Depot(code, text("nameZh", form.nameZh(), MAX_NAME), text("nameEn", form.nameEn(), MAX_NAME), level,
				ownerCity, county, latitude, longitude, text("address", form.address(), MAX_ADDRESS),
				text("contactName", form.contactName(), MAX_CONTACT), phone, capacity,
				form.enabled() == null ? enabledBefore : form.enabled());
	}

	public static SupplyItem item(String code, ItemForm form) {
		if (!ITEM_CODE.matcher(code).matches()) {
			throw invalid("code", "An item code is 1 to 32 of A-Z 0-9 and -, starting with a letter or digit");
		}
		String category = required("category", form.category());
		ItemCategory parsed;
		try {
			parsed = ItemCategory.valueOf(category.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw invalid("category", "Unknown category " + category);
		}
		return new SupplyItem(code, text("nameZh", form.nameZh(), MAX_NAME), text("nameEn", form.nameEn(), MAX_NAME),
				text("unitZh", form.unitZh(), MAX_UNIT), text("unitEn", form.unitEn(), MAX_UNIT), parsed);
	}

	/** The code's area (its first six digits), refusing a code not of the form {@code 35xxxx-nn}. */
	static String depotCode(String code) {
		var matcher = DEPOT_CODE.matcher(code);
		if (!matcher.matches()) {
			throw invalid("code", "A depot code is its area's GB/T 2260 code and a number, e.g. 350200-01");
		}
		return matcher.group(1);
	}

	private static void cityOwner(String ownerCity, AreaCodes areas) {
		if (!areas.isCity(ownerCity)) {
			throw invalid("ownerCity", "ownerCity is not a city platform of the province: " + ownerCity);
		}
	}

	private static DepotLevel level(String level) {
		try {
			return DepotLevel.valueOf(level.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw invalid("level", "level is PROVINCE, CITY or COUNTY");
		}
	}

	private static String text(String field, @Nullable String value, int max) {
		String text = required(field, value).strip();
		if (text.length() > max) {
			throw new SupplyException(SupplyError.FIELD_TOO_LONG, field, field + " has at most " + max + " characters");
		}
		return text;
	}

	private static String required(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new SupplyException(SupplyError.FIELD_REQUIRED, field, field + " is required");
		}
		return value.strip();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static SupplyException invalid(String field, String message) {
		return new SupplyException(SupplyError.INVALID_FIELD, field, message);
	}

}
