package cn.fj.emergency.command.stream;

import java.util.LinkedHashSet;
import java.util.Set;

import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Role;

/**
 * The names under which an addressed event names its receivers: {@code officer:<username>} for a console user and
 * {@code city:<code>} for a city platform. An event with an audience is seen by the principals named in it and by
 * no one else, whatever their role or city (docs/events.md#addressed-events).
 */
public final class Audience {

	private static final String OFFICER = "officer:";

	private static final String CITY = "city:";

	private Audience() {
	}

	public static String officer(String username) {
		return OFFICER + username;
	}

	public static String city(String cityCode) {
		return CITY + cityCode;
	}

	/** The names the principal answers to: its own officer name, and its city's platform name if it is one. */
	public static Set<String> namesOf(HubPrincipal principal) {
		Set<String> names = new LinkedHashSet<>(2);
		if (principal.kind() == HubPrincipal.Kind.OFFICER) {
			names.add(officer(principal.subject()));
		}
		String city = principal.cityCode();
		if (city != null && principal.has(Role.CITY_PLATFORM)) {
			names.add(city(city));
		}
		return names;
	}

	/** Whether a principal with these names is in the audience. */
	public static boolean includes(Iterable<String> audience, Set<String> names) {
		for (String name : audience) {
			if (names.contains(name)) {
				return true;
			}
		}
		return false;
	}

}
