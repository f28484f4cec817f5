package cn.fj.emergency.command.error;

/**
 * Every error the hub returns, on any interface. The name is the stable machine-readable code; clients switch on
 * it. Never rename or reuse a code: add a new one. {@code docs/errors.md} lists them for integrators.
 */
public enum ErrorCode {

	// malformed or invalid input
	INVALID_REQUEST(400, false, "The request could not be read"),
	PAYLOAD_TOO_LARGE(413, false, "The request is larger than the hub accepts"),
	FIELD_REQUIRED(400, false, "A required field is missing"),
	FIELD_TOO_LONG(400, false, "A field is longer than allowed"),
	INVALID_FIELD(400, false, "A field has an invalid value"),
	UNKNOWN_CATEGORY(400, false, "Unknown incident category"),
	INVALID_LEVEL(400, false, "Incident level must be I, II, III or IV"),
	UNKNOWN_AREA(400, false, "Unknown area code"),
	AREA_OUTSIDE_CITY(403, false, "The area is not within the caller's city"),
	LOCATION_OUTSIDE_PROVINCE(400, false, "The location is outside the province"),
	TIME_IN_FUTURE(400, false, "The time lies in the future"),
	REPORT_ID_REUSED(409, false, "The report id was already used for a different report"),
	RESUME_POSITION_UNKNOWN(400, false, "The resume position is beyond the end of the event log"),
	// refused by the HTTP firewall before any rule or handler sees it (docs/http-api.md#refused-paths)
	PATH_REJECTED(400, false, "The request path is ambiguous (encoded separator, ';', '//', '..') and was refused"),

	// authentication and authorisation
	AUTHENTICATION_REQUIRED(401, false, "Authentication is required"),
	BAD_CREDENTIALS(401, false, "Wrong username or password"),
	TOKEN_INVALID(401, false, "The token is malformed, unsigned or not signed by this hub"),
	TOKEN_EXPIRED(401, false, "The token has expired"),
	TOKEN_REVOKED(401, false, "The token has been revoked"),
	ACCESS_DENIED(403, false, "The caller's role does not allow this"),
	CITY_SCOPE_VIOLATION(403, false, "A city platform may only act on and see its own city"),
	// sign-in and officer accounts (security/SigningIn, security/AdministeringOfficers)
	SIGN_IN_THROTTLED(429, true, "Too many failed sign-ins for this username or address; retry after retryAfterSeconds"),
	ACCOUNT_DISABLED(403, false, "The officer's account is disabled"),
	PASSWORD_CHANGE_REQUIRED(403, false, "The password is a one-time password: sign in again giving newPassword"),
	PASSWORD_EXPIRED(401, false, "The one-time password has expired; an administrator must set a new one"),
	PASSWORD_TOO_LONG(400, false, "The password is longer than 72 bytes in UTF-8"),
	SELF_DISABLE_REFUSED(409, false, "An administrator cannot disable their own account"),

	// resources
	NOT_FOUND(404, false, "No such resource"),
	ROUTE_NOT_FOUND(404, false, "No such route"),
	ROUTE_AMBIGUOUS(400, false, "An RSocket request must name exactly one route"),
	METHOD_NOT_ALLOWED(405, false, "Method not allowed"),
	UNSUPPORTED_MEDIA_TYPE(415, false, "Unsupported media type"),
	USERNAME_TAKEN(409, false, "The username is already taken"),

	// live stream
	SUBSCRIBER_TOO_SLOW(429, true, "The subscriber fell too far behind and was cut off; resume after lastSeq"),
	TOO_MANY_STREAMS(429, true, "The principal has too many live streams open on this hub instance"),

	// command orders
	ORDER_REF_REUSED(409, false, "The order ref was already used for a different order"),
	ACK_ID_REUSED(409, false, "The acknowledgement id was already used for a different acknowledgement"),
	ACKNOWLEDGEMENT_OUT_OF_ORDER(409, false, "This acknowledgement may not follow the city's last one"),
	// incidents: status workflow, level changes, assignment (incident/StatusPolicy, incident/ChangePolicy)
	ILLEGAL_TRANSITION(409, false, "The incident's status does not allow this transition"),
	REASON_REQUIRED(400, false, "A reason is required"),
	MERGE_TARGET_INVALID(409, false, "The incident cannot be merged into that incident"),
	VERSION_CONFLICT(409, false, "The incident was changed in the meantime; read it again"),
	INCIDENT_FINISHED(409, false, "The incident is closed, merged or dismissed"),
	LEVEL_UNCHANGED(409, false, "The incident already has that level"),
	ASSIGNEE_INVALID(400, false, "The assignee is not an enabled duty officer or commander who may see the incident"),
	// situation reports (sitrep) and incident exchange (NENA EIDO)
	UNKNOWN_SITREP_KIND(400, false, "Unknown situation report kind"),
	SITREP_CONTENT_MISMATCH(400, false, "The situation report's body does not match its kind"),
	INVALID_COUNT(400, false, "A count must be a whole number from 0 up"),
	SITREP_ID_REUSED(409, false, "The sitrep id was already used for a different situation report"),
	EIDO_INVALID(400, false, "The document is not a usable NENA EIDO"),
	EIDO_LOCATION_UNUSABLE(400, false, "The EIDO carries no readable position and none was given"),
	EIDO_COUNTY_UNDETERMINED(400, false, "The county could not be derived from the EIDO and none was given"),
	// video: sources, dispatches, playback, consultations (docs/video.md)
	INVALID_STREAM_ADDRESS(400, false, "The stream address is not an RTSP, HLS or WHEP address"),
	UNKNOWN_VIDEO_SOURCE(400, false, "No such video source"),
	VIDEO_SOURCE_DISABLED(409, false, "The video source is disabled"),
	UNKNOWN_OFFICER(400, false, "No such officer"),
	UNKNOWN_CONSOLE_GROUP(400, false, "No such console group"),
	NOT_A_DISPATCH_RECEIVER(403, false, "The caller is not a receiver of this video dispatch"),
	VIDEO_DISPATCH_ENDED(410, false, "The video dispatch was withdrawn or has ended"),
	PLAYBACK_TOKEN_INVALID(401, false, "The playback token is malformed, altered or not for this playback"),
	PLAYBACK_TOKEN_EXPIRED(401, false, "The playback token has expired"),
	CONSULTATION_NOT_INVITED(403, false, "The caller is not invited to this consultation"),
	CONSULTATION_CLOSED(409, false, "The consultation session is closed"),
	// supplies (resources-registry: depots, stock ledger, requests and commitments, EDXL-RM)
	UNKNOWN_DEPOT(404, false, "No depot with this code"),
	UNKNOWN_ITEM(400, false, "No supply item with this code"),
	DEPOT_OUTSIDE_CITY(403, false, "The depot is not one of the caller's city"),
	MOVEMENT_NOT_REPORTABLE(400, false, "Reservations and releases are made by commitments, not reported"),
	MOVEMENT_ID_REUSED(409, false, "The movement id was already used for a different movement"),
	INSUFFICIENT_STOCK(409, false, "Not enough stock: the movement would take a level below zero"),
	REQUEST_ID_REUSED(409, false, "The request id was already used for a different request"),
	COMMIT_ID_REUSED(409, false, "The commit id was already used for a commitment with other content"),
	CODE_TAKEN(409, false, "A depot or supply item with this code is already registered"),
	DEPOT_DISABLED(409, false, "The depot is disabled and takes no new commitments"),
	EXCEEDS_REMAINING_NEED(409, false, "The commitment exceeds the remaining need of the request"),
	COMMITMENT_STATE_CONFLICT(409, false, "The commitment is not in a state that allows this step"),
	INVALID_EDXL(400, false, "The EDXL-RM document cannot be read or lacks what is needed"),

	// warnings: the public warning lifecycle (alerting's WarningErrorCode and CAP refusals, mapped by warning/WarningErrors)
	WARNING_NOT_FOUND(404, false, "No such warning"),
	WARNING_STATE_CONFLICT(409, false, "The warning's state does not allow this step"),
	WARNING_PUBLISHED_IMMUTABLE(409, false, "A published warning never changes; issue an Update or a Cancel"),
	WARNING_NOT_AUTHOR(403, false, "Only the warning's author may do this"),
	WARNING_SELF_APPROVAL(403, false, "The author of a warning cannot review it"),
	WARNING_COMMANDER_REQUIRED(403, false, "A red or orange warning is reviewed by a commander"),
	WARNING_COMMENT_REQUIRED(400, false, "A rejection needs a comment"),
	WARNING_CAP_INVALID(400, false, "The warning's alert does not keep the publishing profile"),
	WARNING_STATUS_NOT_PUBLIC(400, false, "A public warning is Actual, Exercise or Test"),
	WARNING_ALERT_MISMATCH(400, false, "The alert does not fit the warning"),
	WARNING_NOT_EXPIRED(409, false, "The warning has not reached its expiry"),
	WARNING_IDENTIFIER_INVALID(400, false, "Not a warning identifier of the hub's scheme"),
	WARNING_CONTENT_INVALID(400, false, "The warning's content is incomplete or not understood"),
	CAP_REFUSED(400, false, "The CAP document was refused"),

	// broadcast channels (docs/channels.md)
	SUBSCRIPTION_INVALID(400, false, "The channel subscription is not valid"),
	SUBSCRIPTION_EXISTS(409, false, "The channel already has a recipient at that address"),
	SUBSCRIPTION_NOT_FOUND(404, false, "No such channel subscription"),
	PUBLIC_WARNING_NOT_FOUND(404, false, "No published warning with that identifier"),
	DELIVERIES_NOT_FOUND(404, false, "No deliveries recorded for that warning"),
	WEBHOOK_TARGET_FORBIDDEN(400, false, "The webhook address is a private, loopback, link-local or metadata address"),

	// inbound warnings (docs/inbound-warnings.md)
	INBOUND_WARNING_NOT_FOUND(404, false, "No inbound warning with that id"),
	INBOUND_SENDER_MISMATCH(403, false, "The alert's sender is not the pushing department's"),

	// drills (docs/drills.md)
	DRILL_SCENARIO_INVALID(400, false, "The drill scenario cannot be played"),
	DRILL_SCENARIO_NOT_FOUND(404, false, "No drill scenario of that name"),
	DRILL_NOT_FOUND(404, false, "No drill with that id"),

	// alarms (docs/web-console.md#alarms)
	ALARM_NOT_FOUND(404, false, "No alarm with that id"),

	// disaster events and response levels (docs/disaster-events.md)
	DISASTER_EVENT_CLOSED(409, false, "The disaster event is closed"),
	INVALID_RESPONSE_LEVEL(400, false, "Response level must be RESPONSE_IV, RESPONSE_III, RESPONSE_II or RESPONSE_I"),
	RESPONSE_ALREADY_ACTIVE(409, false, "The disaster event already has an active response: raise, lower or end it"),
	NO_ACTIVE_RESPONSE(409, false, "The disaster event has no active response"),
	RESPONSE_LEVEL_NOT_HIGHER(409, false, "A raise must go to a higher response level than the current one"),
	RESPONSE_LEVEL_NOT_LOWER(409, false, "A lowering must go to a lower response level than the current one"),
	RESPONSE_STILL_ACTIVE(409, false, "The disaster event's response must be ended before the event is closed"),
	MEMBER_EXERCISE_MISMATCH(409, false, "An exercise member belongs to an exercise event, a real one to a real event"),
	NOT_A_MEMBER(409, false, "That is not a current member of the disaster event"),

	// plans (docs/plans.md)
	PLAN_INVALID(400, false, "The plan file is not a valid plan; see problems"),
	PLAN_EXISTS(409, false, "A plan with that id exists already; add a version to it instead"),
	PLAN_NOT_FOUND(404, false, "No plan with that id"),
	PLAN_VERSION_NOT_FOUND(404, false, "The plan has no such version"),
	PLAN_VERSION_CONFLICT(409, false, "The file was edited from a version that is no longer the current one"),
	PLAN_RETIRED(409, false, "The plan is retired"),

	// infrastructure
	HUB_OVERLOADED(503, true, "The hub is overloaded; retry later"),
	STORAGE_UNAVAILABLE(503, true, "The database is unavailable; retry later"),
	INTERNAL_ERROR(500, true, "Internal error");

	private final int httpStatus;

	private final boolean retryable;

	private final String title;

	ErrorCode(int httpStatus, boolean retryable, String title) {
		this.httpStatus = httpStatus;
		this.retryable = retryable;
		this.title = title;
	}

	public int httpStatus() {
		return this.httpStatus;
	}

	/** Whether the same request may succeed if sent again later, unchanged. */
	public boolean retryable() {
		return this.retryable;
	}

	public String title() {
		return this.title;
	}

}
