package cn.fj.emergency.command.order;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.Digests;
import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.Fields;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;

import static cn.fj.emergency.command.error.Fields.required;

/**
 * What makes an order acceptable, each refusal with its own code and the offending field. A commander confined to
 * a city may only order that city. Whether the deadline still lies ahead is checked apart, {@link #checkDeadline},
 * so that a retry of an order already issued is answered even after its deadline.
 */
final class OrderPolicy {

	static final int MAX_REF = 100;

	static final int MAX_TEXT = 4000;

	static final Pattern REF = Pattern.compile("[A-Za-z0-9._:\\-]+");

	private OrderPolicy() {
	}

	static ValidOrder check(OrderRequest request, HubPrincipal issuer) {
		String ref = required("orderRef", request.orderRef());
		if (ref.length() > MAX_REF) {
			throw HubException.field(ErrorCode.FIELD_TOO_LONG, "orderRef", "orderRef has at most " + MAX_REF + " characters");
		}
		if (!REF.matcher(ref).matches()) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "orderRef", "orderRef may hold A-Z a-z 0-9 . _ : - only");
		}
		String text = required("text", request.text()).strip();
		if (text.length() > MAX_TEXT) {
			throw HubException.field(ErrorCode.FIELD_TOO_LONG, "text", "text has at most " + MAX_TEXT + " characters");
		}
		UUID incidentId = incidentId(request.incidentId());
		List<String> cities = cities(request.targetCities(), issuer);
		Instant deadline = deadline(required("deadline", request.deadline()));
		boolean exercise = Boolean.TRUE.equals(request.exercise());
		String hash = Digests.sha256Hex(String.join("\u001f", ref, text, String.valueOf(incidentId),
				String.join(",", cities), deadline.toString(), Boolean.toString(exercise)));
		return new ValidOrder(issuer.subject(), ref, text, incidentId, cities, deadline, exercise, hash);
	}

	/** An order must leave its cities some time to act: a deadline not after now is refused. */
	static void checkDeadline(ValidOrder order, Instant now) {
		if (!order.deadline().isAfter(now)) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "deadline", "deadline " + order.deadline() + " is not in the future");
		}
	}

	private static @Nullable UUID incidentId(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "incidentId", "incidentId must be a UUID");
		}
	}

	private static List<String> cities(@Nullable List<String> requested, HubPrincipal issuer) {
		if (requested == null || requested.isEmpty()) {
			throw HubException.field(ErrorCode.FIELD_REQUIRED, "targetCities", "targetCities names at least one city platform");
		}
		TreeSet<String> cities = new TreeSet<>();
		for (String city : requested) {
			if (city == null || !Areas.isCity(city)) {
				throw HubException.field(ErrorCode.UNKNOWN_AREA, "targetCities", "'" + city + "' is not a city platform of the province");
			}
			cities.add(city);
		}
		String own = issuer.cityCode();
		if (own != null && !(cities.size() == 1 && cities.contains(own))) {
			throw HubException.field(ErrorCode.CITY_SCOPE_VIOLATION, "targetCities",
					"A commander of city " + own + " may only order that city");
		}
		return List.copyOf(cities);
	}

	private static Instant deadline(String text) {
		return Fields.time("deadline", text).truncatedTo(ChronoUnit.MICROS);
	}

}
