package cn.fj.emergency.command.order;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;

/**
 * What an officer or a city asks of the orders. {@code cityCode} narrows to orders targeting that city, and the
 * {@code state} and {@code overdue} filters then apply to that city's target; without a city, to any target.
 * A city-scoped principal is always narrowed to its own city.
 *
 * @param state an {@link AcknowledgementState} name, or {@code PENDING} for no acknowledgement yet
 */
public record OrderQuery(@Nullable UUID incidentId, @Nullable String cityCode, @Nullable String state,
		@Nullable Boolean overdue, int page, int size) {

	public static final String PENDING = "PENDING";

	static final int DEFAULT_SIZE = 50;

	static final int MAX_SIZE = 200;

	private static final Set<String> STATES = Set.of(PENDING, "RECEIVED", "ACCEPTED", "COMPLETED", "REJECTED");

	/** The query from HTTP parameters as received, each bad one refused with its code and parameter name. */
	public static OrderQuery of(HubPrincipal principal, @Nullable String incident, @Nullable String city,
			@Nullable String state, @Nullable Boolean overdue, @Nullable Integer page, @Nullable Integer size) {
		UUID incidentId = null;
		if (incident != null && !incident.isBlank()) {
			try {
				incidentId = UUID.fromString(incident.strip());
			}
			catch (IllegalArgumentException ex) {
				throw HubException.field(ErrorCode.INVALID_FIELD, "incident", "incident must be a UUID");
			}
		}
		String cityCode = (city == null || city.isBlank()) ? null : city.strip();
		if (cityCode != null && !Areas.isCity(cityCode)) {
			throw HubException.field(ErrorCode.UNKNOWN_AREA, "city", "'" + cityCode + "' is not a city platform of the province");
		}
		String own = principal.cityCode();
		if (own != null) {
			if (cityCode != null && !cityCode.equals(own)) {
				throw new HubException(ErrorCode.CITY_SCOPE_VIOLATION,
						"A principal of city " + own + " may only query its own city's orders", Map.of("field", "city"));
			}
			cityCode = own;
		}
		String stateName = (state == null || state.isBlank()) ? null : state.strip();
		if (stateName != null && !STATES.contains(stateName)) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "state",
					"state must be PENDING, RECEIVED, ACCEPTED, COMPLETED or REJECTED");
		}
		int pageNumber = page == null ? 0 : page;
		if (pageNumber < 0) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "page", "page must not be negative");
		}
		int pageSize = size == null ? DEFAULT_SIZE : size;
		if (pageSize < 1 || pageSize > MAX_SIZE) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "size", "size must be between 1 and " + MAX_SIZE);
		}
		return new OrderQuery(incidentId, cityCode, stateName, overdue, pageNumber, pageSize);
	}

}
