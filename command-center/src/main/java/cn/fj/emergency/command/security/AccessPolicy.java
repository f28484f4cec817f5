package cn.fj.emergency.command.security;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/**
 * Which roles may call what, for every interface, in one table. RSocket routes are checked here
 * ({@code AuthenticatedResponder}); HTTP requests by Spring Security's filter chain, built rule by rule from this
 * table ({@code security/web/HttpAccessControl}) and matched on the decoded path the router dispatches on. What a
 * principal may <em>see</em> of the event stream is {@code EventVisibility}'s concern, and which city a report is
 * for comes from the token. Anything not listed is refused.
 */
public final class AccessPolicy {

	/** Any authenticated principal. */
	public static final Set<Role> AUTHENTICATED = EnumSet.allOf(Role.class);

	private static final Set<Role> OFFICERS = Role.OFFICERS;

	/** Who dispatches video and holds consultations: the operational officers, not administrators. */
	private static final Set<Role> DISPATCHERS = EnumSet.of(Role.DUTY_OFFICER, Role.COMMANDER);

	private static final Map<String, Route> ROUTES = Map.ofEntries(
			Map.entry("incidents.report", new Route(Interaction.REQUEST_RESPONSE, EnumSet.of(Role.CITY_PLATFORM))),
			// incidents: a city platform moves and annotates its own city's incidents (the city comes from its token)
			Map.entry("incidents.update-status", new Route(Interaction.REQUEST_RESPONSE, EnumSet.of(Role.CITY_PLATFORM))),
			Map.entry("incidents.add-note", new Route(Interaction.REQUEST_RESPONSE, EnumSet.of(Role.CITY_PLATFORM))),
			// situation reports (docs/sitreps.md)
			Map.entry("sitreps.submit", new Route(Interaction.REQUEST_RESPONSE, EnumSet.of(Role.CITY_PLATFORM))),
			// departments see no live events (EventVisibility), so they are not let in to read the log for nothing
			Map.entry("events.stream", new Route(Interaction.REQUEST_STREAM, union(OFFICERS, EnumSet.of(Role.CITY_PLATFORM)))),
			// command orders: cities receive and acknowledge them
			Map.entry("orders.stream", new Route(Interaction.REQUEST_STREAM, EnumSet.of(Role.CITY_PLATFORM))),
			Map.entry("orders.ack", new Route(Interaction.REQUEST_RESPONSE, EnumSet.of(Role.CITY_PLATFORM))),
			// video (docs/video.md): who receives a dispatch or is in a consultation is decided by its audience
			Map.entry("video.dispatches", new Route(Interaction.REQUEST_STREAM, union(OFFICERS, EnumSet.of(Role.CITY_PLATFORM)))),
			Map.entry("video.playback", new Route(Interaction.REQUEST_RESPONSE, union(OFFICERS, EnumSet.of(Role.CITY_PLATFORM)))),
			Map.entry("consultations.join", new Route(Interaction.REQUEST_RESPONSE, EnumSet.of(Role.CITY_PLATFORM))),
			Map.entry("consultations.leave", new Route(Interaction.REQUEST_RESPONSE, EnumSet.of(Role.CITY_PLATFORM))),
			// supplies: depots report their movements; the city is the token's, checked against the depot's owner
			Map.entry("stock.movements", new Route(Interaction.REQUEST_RESPONSE, EnumSet.of(Role.CITY_PLATFORM))),
			// public warnings: cities receive those covering them; officers (the console) review them; the domain
			// refuses the author and, for red and orange, anyone but a commander (docs/warnings.md)
			Map.entry("warnings.stream", new Route(Interaction.REQUEST_STREAM, EnumSet.of(Role.CITY_PLATFORM))),
			Map.entry("warnings.approve", new Route(Interaction.REQUEST_RESPONSE, EnumSet.of(Role.DUTY_OFFICER, Role.COMMANDER))),
			Map.entry("warnings.reject", new Route(Interaction.REQUEST_RESPONSE, EnumSet.of(Role.DUTY_OFFICER, Role.COMMANDER))));

	/** Anything else under {@code /api} (and {@code /api} itself) is the administrator's until it is listed. */
	public static final HttpRule UNLISTED_API = HttpRule.of(null, "/api/", EnumSet.of(Role.ADMIN));

	private static final List<HttpRule> HTTP = List.of(
			HttpRule.open("POST", "/api/auth/token"),
			HttpRule.open("GET", "/api/auth/jwks"),
			HttpRule.of("GET", "/api/auth/me", AUTHENTICATED),
			HttpRule.of("POST", "/api/auth/password", OFFICERS),
			HttpRule.of(null, "/api/admin/", EnumSet.of(Role.ADMIN)),
			// incidents: reports also from intake systems (110, 12345, sensors); a city platform may move and annotate
			// its own city's incidents; levels and assignments are the province's officers' (and city-scoped officers')
			HttpRule.of("POST", "/api/incidents", EnumSet.of(Role.CITY_PLATFORM, Role.DUTY_OFFICER, Role.COMMANDER, Role.INTAKE_SYSTEM)),
			HttpRule.of("POST", "/api/incidents/*/status", EnumSet.of(Role.CITY_PLATFORM, Role.DUTY_OFFICER, Role.COMMANDER)),
			HttpRule.of("POST", "/api/incidents/*/notes", EnumSet.of(Role.CITY_PLATFORM, Role.DUTY_OFFICER, Role.COMMANDER)),
			HttpRule.of("POST", "/api/incidents/*/level", EnumSet.of(Role.DUTY_OFFICER, Role.COMMANDER)),
			HttpRule.of("POST", "/api/incidents/*/assignment", EnumSet.of(Role.DUTY_OFFICER, Role.COMMANDER)),
			// situation reports (docs/sitreps.md) and EIDO import (docs/eido.md); reading both is under GET /api/incidents/
			HttpRule.of("POST", "/api/incidents/*/sitreps", EnumSet.of(Role.CITY_PLATFORM, Role.DUTY_OFFICER, Role.COMMANDER)),
			HttpRule.of("POST", "/api/incidents/eido", EnumSet.of(Role.CITY_PLATFORM, Role.DUTY_OFFICER, Role.COMMANDER)),
			HttpRule.of("GET", "/api/sitreps/rollup", OFFICERS),
			HttpRule.of("GET", "/api/incidents/", union(OFFICERS, EnumSet.of(Role.CITY_PLATFORM))),
			HttpRule.of("GET", "/api/presence", OFFICERS),
			// national uplink (GET /api/incidents/{id}/upstream falls under the incidents rule above, scoped by city)
			HttpRule.of("GET", "/api/upstream", OFFICERS),
			// command orders: commanders issue, cities acknowledge (below /api/orders/), officers and cities read
			HttpRule.of("POST", "/api/orders", EnumSet.of(Role.COMMANDER)),
			HttpRule.of("POST", "/api/orders/", EnumSet.of(Role.CITY_PLATFORM)),
			HttpRule.of("GET", "/api/orders/", union(OFFICERS, EnumSet.of(Role.CITY_PLATFORM))),
			// disaster events and responses (docs/disaster-events.md#who-may-do-what): commanders open and close events
			// and run their responses, duty officers and commanders add and take out members, officers and the
			// concerned cities read
			HttpRule.of("POST", "/api/disaster-events", EnumSet.of(Role.COMMANDER)),
			HttpRule.of("POST", "/api/disaster-events/*/close", EnumSet.of(Role.COMMANDER)),
			HttpRule.of("POST", "/api/disaster-events/*/response/activate", EnumSet.of(Role.COMMANDER)),
			HttpRule.of("POST", "/api/disaster-events/*/response/raise", EnumSet.of(Role.COMMANDER)),
			HttpRule.of("POST", "/api/disaster-events/*/response/lower", EnumSet.of(Role.COMMANDER)),
			HttpRule.of("POST", "/api/disaster-events/*/response/end", EnumSet.of(Role.COMMANDER)),
			HttpRule.of("POST", "/api/disaster-events/*/members", DISPATCHERS),
			HttpRule.of("POST", "/api/disaster-events/*/members/remove", DISPATCHERS),
			HttpRule.of("GET", "/api/disaster-events", union(OFFICERS, EnumSet.of(Role.CITY_PLATFORM))),
			HttpRule.of("GET", "/api/disaster-events/", union(OFFICERS, EnumSet.of(Role.CITY_PLATFORM))),
			HttpRule.of("GET", "/api/disaster-responses", union(OFFICERS, EnumSet.of(Role.CITY_PLATFORM))),
			// alarms (docs/web-console.md#alarms): officers read the open ones, duty officers and commanders acknowledge
			HttpRule.of("GET", "/api/alarms", OFFICERS),
			HttpRule.of("POST", "/api/alarms/*/acknowledge", EnumSet.of(Role.DUTY_OFFICER, Role.COMMANDER)),
			// the officers' directory (assignee and video pickers): duty officers and commanders choose among colleagues
			HttpRule.of("GET", "/api/officers", DISPATCHERS),
			// video (docs/video.md#who-may-do-what): the playback URL is open, its token is the credential
			HttpRule.open("GET", "/api/video/play/"),
			HttpRule.of(null, "/api/video/sources/", union(OFFICERS, EnumSet.of(Role.CITY_PLATFORM))),
			HttpRule.of(null, "/api/video/groups/", OFFICERS),
			HttpRule.of("POST", "/api/video/dispatches/*/playback", union(OFFICERS, EnumSet.of(Role.CITY_PLATFORM))),
			HttpRule.of("GET", "/api/video/dispatches", OFFICERS),
			HttpRule.of("GET", "/api/video/dispatches/", union(OFFICERS, EnumSet.of(Role.CITY_PLATFORM))),
			HttpRule.of("POST", "/api/video/dispatches/", DISPATCHERS),
			HttpRule.of("GET", "/api/video/consultations/", OFFICERS),
			HttpRule.of("POST", "/api/video/consultations/", DISPATCHERS),
			// supplies (docs/supplies.md): cities act on their own depots and requests, the province commits stock
			HttpRule.of("GET", "/api/supplies/verification", EnumSet.of(Role.ADMIN)),
			// depots and the catalogue are reference data: the administrator's, not the officers' who operate them
			HttpRule.of("POST", "/api/supplies/admin/", EnumSet.of(Role.ADMIN)),
			HttpRule.of("PUT", "/api/supplies/admin/", EnumSet.of(Role.ADMIN)),
			HttpRule.of("POST", "/api/supplies/movements", EnumSet.of(Role.CITY_PLATFORM, Role.DUTY_OFFICER, Role.COMMANDER)),
			HttpRule.of("PUT", "/api/supplies/depots/", EnumSet.of(Role.CITY_PLATFORM, Role.DUTY_OFFICER, Role.COMMANDER)),
			HttpRule.of("POST", "/api/supplies/requests", EnumSet.of(Role.CITY_PLATFORM, Role.DUTY_OFFICER, Role.COMMANDER)),
			HttpRule.of("POST", "/api/supplies/edxl-rm/requests", EnumSet.of(Role.CITY_PLATFORM, Role.DUTY_OFFICER, Role.COMMANDER)),
			HttpRule.of("POST", "/api/supplies/edxl-rm/commitments", EnumSet.of(Role.DUTY_OFFICER, Role.COMMANDER)),
			HttpRule.of("POST", "/api/supplies/requests/", EnumSet.of(Role.DUTY_OFFICER, Role.COMMANDER)),
			HttpRule.of("POST", "/api/supplies/commitments/", EnumSet.of(Role.DUTY_OFFICER, Role.COMMANDER)),
			HttpRule.of("GET", "/api/supplies/", union(OFFICERS, EnumSet.of(Role.CITY_PLATFORM))),
			// public warnings: duty officers and commanders compose, departments may draft and submit for approval;
			// officers review (never the author; red and orange a commander: enforced by the domain), publish, update
			// and cancel; officers read
			HttpRule.of("POST", "/api/warnings", EnumSet.of(Role.DUTY_OFFICER, Role.COMMANDER, Role.DEPARTMENT)),
			HttpRule.of("PUT", "/api/warnings/*", EnumSet.of(Role.DUTY_OFFICER, Role.COMMANDER, Role.DEPARTMENT)),
			HttpRule.of("POST", "/api/warnings/*/submit", EnumSet.of(Role.DUTY_OFFICER, Role.COMMANDER, Role.DEPARTMENT)),
			HttpRule.of("POST", "/api/warnings/*/approve", EnumSet.of(Role.DUTY_OFFICER, Role.COMMANDER)),
			HttpRule.of("POST", "/api/warnings/*/reject", EnumSet.of(Role.DUTY_OFFICER, Role.COMMANDER)),
			HttpRule.of("POST", "/api/warnings/*/publish", EnumSet.of(Role.DUTY_OFFICER, Role.COMMANDER)),
			HttpRule.of("POST", "/api/warnings/*/update", EnumSet.of(Role.DUTY_OFFICER, Role.COMMANDER)),
			HttpRule.of("POST", "/api/warnings/*/cancel", EnumSet.of(Role.DUTY_OFFICER, Role.COMMANDER)),
			// the reach preview names the subscriptions (the administrators' recipients): officers only, not departments
			HttpRule.of("GET", "/api/warnings/*/reach", OFFICERS),
			HttpRule.of("GET", "/api/warnings/", union(OFFICERS, EnumSet.of(Role.DEPARTMENT))),
			// broadcast channels: the public CAP Atom feed and its alerts are open; officers read the delivery ledger and
			// republish; subscriptions are under /api/admin/ (ADMIN)
			HttpRule.open("GET", "/api/public/warnings.atom"),
			HttpRule.open("GET", "/api/public/warnings/"),
			HttpRule.of("GET", "/api/deliveries/", OFFICERS),
			HttpRule.of("POST", "/api/deliveries/*/republish", EnumSet.of(Role.DUTY_OFFICER, Role.COMMANDER)),
			// inbound department warnings: departments push CAP; officers read them and act on them
			HttpRule.of("POST", "/api/inbound-warnings", EnumSet.of(Role.DEPARTMENT)),
			HttpRule.of("POST", "/api/inbound-warnings/*/draft", EnumSet.of(Role.DUTY_OFFICER, Role.COMMANDER)),
			HttpRule.of("POST", "/api/inbound-warnings/*/incident", EnumSet.of(Role.DUTY_OFFICER, Role.COMMANDER)),
			HttpRule.of("GET", "/api/inbound-warnings", OFFICERS),
			HttpRule.of("GET", "/api/inbound-warnings/", OFFICERS),
			HttpRule.of("GET", "/api/inbound-feeds", OFFICERS),
			// plans (docs/plans.md): officers read them; administrators import, edit and retire them
			HttpRule.of("GET", "/api/plans", OFFICERS),
			HttpRule.of("GET", "/api/plans/", OFFICERS),
			HttpRule.of("POST", "/api/plans", EnumSet.of(Role.ADMIN)),
			HttpRule.of("POST", "/api/plans/", EnumSet.of(Role.ADMIN)),
			// drills (docs/drills.md): commanders and administrators start, follow and cancel them
			HttpRule.of(null, "/api/drills/", EnumSet.of(Role.COMMANDER, Role.ADMIN)),
			// an SMS gateway reports delivery receipts
			HttpRule.of("POST", "/api/channels/sms/receipts", EnumSet.of(Role.CHANNEL_GATEWAY)),
			HttpRule.open("GET", "/actuator/health"),
			HttpRule.open("GET", "/actuator/health/liveness"),
			HttpRule.open("GET", "/actuator/health/readiness"),
			HttpRule.open("GET", "/actuator/prometheus"),
			HttpRule.of(null, "/actuator/", EnumSet.of(Role.ADMIN)),
			UNLISTED_API);

	private AccessPolicy() {
	}

	private static Set<Role> union(Set<Role> a, Set<Role> b) {
		Set<Role> all = EnumSet.noneOf(Role.class);
		all.addAll(a);
		all.addAll(b);
		return all;
	}

	/** Refuses the route unless it exists for this interaction and the principal holds one of its roles. */
	public static void checkRoute(HubPrincipal principal, String route, Interaction interaction) {
		Route allowed = ROUTES.get(route);
		if (allowed == null) {
			throw new HubException(ErrorCode.ROUTE_NOT_FOUND, "No route '" + route + "'", Map.of("route", route));
		}
		if (allowed.interaction() != interaction) {
			throw new HubException(ErrorCode.INVALID_REQUEST,
					"Route '" + route + "' is a " + allowed.interaction() + " interaction, not " + interaction,
					Map.of("route", route));
		}
		if (!principal.hasAny(allowed.roles())) {
			throw new HubException(ErrorCode.ACCESS_DENIED, "Route '" + route + "' needs one of the roles " + allowed.roles());
		}
	}

	/** The roles a route needs, or {@code null} for a route the hub does not offer. */
	public static @Nullable Set<Role> rolesForRoute(String route) {
		Route allowed = ROUTES.get(route);
		return allowed == null ? null : Collections.unmodifiableSet(allowed.roles());
	}

	/** The RSocket interaction models the hub's routes use. */
	public enum Interaction {

		REQUEST_RESPONSE, REQUEST_STREAM, FIRE_AND_FORGET

	}

	private record Route(Interaction interaction, Set<Role> roles) {
	}

	/**
	 * The roles an HTTP request needs: {@code null} for an open endpoint. Paths outside {@code /api} and
	 * {@code /actuator} (the console's static files) are open; any other API path not listed needs ADMIN. The path
	 * is the decoded one the router dispatches on (percent-decoded, without matrix parameters).
	 */
	public static @Nullable Set<Role> rolesForHttp(String method, String path) {
		HttpRule rule = ruleForHttp(method, path);
		return rule == null ? null : rule.roles();
	}

	/** The rule that decides an HTTP request (the first that matches), or {@code null} where none does (open). */
	public static @Nullable HttpRule ruleForHttp(String method, String path) {
		for (HttpRule rule : HTTP) {
			if (rule.matches(method, path)) {
				return rule;
			}
		}
		return null;
	}

	/**
	 * The HTTP rules in the order they are tried, the first match deciding; a request no rule matches is open. The
	 * HTTP filter chain is built from these.
	 */
	public static List<HttpRule> httpRules() {
		return HTTP;
	}

	/**
	 * A path equal to {@code path}, or below it when {@code path} ends with a slash. A segment {@code *} stands for
	 * any one non-empty segment (an id).
	 */
	public record HttpRule(@Nullable String method, String path, @Nullable Set<Role> roles) {

		public HttpRule {
			roles = roles == null ? null : Collections.unmodifiableSet(EnumSet.copyOf(roles));
		}

		static HttpRule open(String method, String path) {
			return new HttpRule(method, path, null);
		}

		static HttpRule of(@Nullable String method, String path, Set<Role> roles) {
			return new HttpRule(method, path, roles);
		}

		/** Whether the rule covers a request; {@code requestPath} is decoded, as the router sees it. */
		public boolean matches(String requestMethod, String requestPath) {
			// the router serves HEAD with the GET handler, so a GET rule decides it too
			String dispatched = requestMethod.equals("HEAD") ? "GET" : requestMethod;
			if (this.method != null && !this.method.equals(dispatched)) {
				return false;
			}
			if (this.path.contains("*")) {
				return segmentsMatch(requestPath);
			}
			return this.path.endsWith("/") ? requestPath.startsWith(this.path) || requestPath.equals(this.path.substring(0, this.path.length() - 1))
					: requestPath.equals(this.path);
		}

		private boolean segmentsMatch(String requestPath) {
			String[] wanted = this.path.split("/", -1);
			String[] given = requestPath.split("/", -1);
			if (wanted.length != given.length) {
				return false;
			}
			for (int i = 0; i < wanted.length; i++) {
				boolean any = wanted[i].equals("*") && !given[i].isEmpty();
				if (!any && !wanted[i].equals(given[i])) {
					return false;
				}
			}
			return true;
		}

	}

}
