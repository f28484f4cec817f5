package cn.fj.emergency.command.stream;

import java.util.Set;
import java.util.function.Predicate;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Role;

/**
 * What a principal may see of the event log, applied to every event on delivery. An addressed event (non-empty
 * audience) is seen by the principals it names and by no one else. Otherwise province-wide officers see
 * everything; anyone scoped to a city sees only events that name that city; departments see no live stream.
 */
public final class EventVisibility {

	private EventVisibility() {
	}

	public static boolean canSee(HubPrincipal principal, HubEvent event) {
		return canSee(principal, Audience.namesOf(principal), event);
	}

	private static boolean canSee(HubPrincipal principal, Set<String> names, HubEvent event) {
		if (!event.audience().isEmpty()) {
			return Audience.includes(event.audience(), names);
		}
		String city = principal.cityCode();
		if (city != null) {
			return event.cities().contains(city);
		}
		return principal.hasAny(Role.OFFICERS);
	}

	/**
	 * The filter for one subscription: what the principal may see, narrowed to what it asked for. A city-scoped
	 * principal asking for another city's events is refused outright rather than silently given nothing.
	 */
	public static Predicate<HubEvent> filter(HubPrincipal principal, StreamRequest request) {
		Set<String> cities = request.citiesOrAll();
		String own = principal.cityCode();
		if (own != null && !cities.isEmpty() && !(cities.size() == 1 && cities.contains(own))) {
			throw new HubException(ErrorCode.CITY_SCOPE_VIOLATION,
					"A principal of city " + own + " may only subscribe to its own city's events");
		}
		Set<String> streams = request.streamsOrAll();
		Set<String> names = Audience.namesOf(principal);
		return event -> canSee(principal, names, event) && (streams.isEmpty() || streams.contains(event.stream()))
				&& (cities.isEmpty() || event.cities().stream().anyMatch(cities::contains));
	}

}
