package cn.fj.emergency.command.video;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;

import static cn.fj.emergency.command.error.Fields.required;
import static cn.fj.emergency.command.error.Fields.coordinate;

/**
 * What makes a video source acceptable. Officers register sources anywhere in the province; a city platform (or a
 * city-scoped officer) only in its own city, which it may omit: it is taken from the token.
 */
public final class SourcePolicy {

	static final int MAX_NAME = 200;

	private SourcePolicy() {
	}

	public static VideoSource.Valid check(VideoSource.Registration r, HubPrincipal registrar) {
		String kindText = required("kind", r.kind());
		SourceKind kind;
		try {
			kind = SourceKind.valueOf(kindText.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "kind",
					"kind must be PUBLIC_SECURITY_CCTV, FLOOD_CAMERA, DRONE, MOBILE_UNIT or CONFERENCE_ROOM");
		}
		String name = required("name", r.name()).strip();
		if (name.length() > MAX_NAME) {
			throw HubException.field(ErrorCode.FIELD_TOO_LONG, "name", "name has at most " + MAX_NAME + " characters");
		}
		String cityCode = city(r, registrar);
		String countyCode = r.countyCode();
		if (countyCode != null) {
			Areas.County county = Areas.county(countyCode)
				.orElseThrow(() -> HubException.field(ErrorCode.UNKNOWN_AREA, "countyCode", "Unknown county code '" + r.countyCode() + "'"));
			if (!county.cityCode().equals(cityCode)) {
				throw HubException.field(ErrorCode.AREA_OUTSIDE_CITY, "countyCode",
						"County " + countyCode + " belongs to platform " + county.cityCode() + ", not to " + cityCode);
			}
		}
		double latitude = coordinate("latitude", r.latitude());
		double longitude = coordinate("longitude", r.longitude());
		if (!Areas.withinProvince(latitude, longitude)) {
			throw HubException.field(ErrorCode.LOCATION_OUTSIDE_PROVINCE, "location",
					"(" + latitude + ", " + longitude + ") is outside the province");
		}
		StreamAddress address = StreamAddress.parse(required(StreamAddress.FIELD, r.streamUrl()).strip());
		return new VideoSource.Valid(kind, name, cityCode, countyCode, latitude, longitude, address,
				!Boolean.FALSE.equals(r.enabled()));
	}

	private static String city(VideoSource.Registration r, HubPrincipal registrar) {
		String own = registrar.cityCode();
		String given = r.cityCode();
		if (given == null || given.isBlank()) {
			if (own == null) {
				throw HubException.field(ErrorCode.FIELD_REQUIRED, "cityCode", "cityCode is required");
			}
			return own;
		}
		if (!Areas.isCity(given)) {
			throw HubException.field(ErrorCode.UNKNOWN_AREA, "cityCode", "Unknown platform code '" + given + "'");
		}
		if (own != null && !own.equals(given)) {
			throw HubException.field(ErrorCode.AREA_OUTSIDE_CITY, "cityCode",
					"A principal of platform " + own + " may register sources of its own city only, not of " + given);
		}
		return given;
	}

}
