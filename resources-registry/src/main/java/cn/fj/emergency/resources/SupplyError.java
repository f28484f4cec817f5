package cn.fj.emergency.resources;

/**
 * Why the registry refuses something. The application maps each to the error code its interfaces return (the
 * names are the same), so these names are as stable as those codes.
 */
public enum SupplyError {

	/** A field is missing. */
	FIELD_REQUIRED,
	/** A field is longer than allowed. */
	FIELD_TOO_LONG,
	/** A field has an invalid value. */
	INVALID_FIELD,
	/** No depot with this code. */
	UNKNOWN_DEPOT,
	/** No supply item with this code. */
	UNKNOWN_ITEM,
	/** The depot is not one of the caller's city. */
	DEPOT_OUTSIDE_CITY,
	/** The movement type may not be reported: reservations and releases come from commitments only. */
	MOVEMENT_NOT_REPORTABLE,
	/** The movement id was already used for a different movement. */
	MOVEMENT_ID_REUSED,
	/** The movement would take a level below zero (or reserve more than is available). */
	INSUFFICIENT_STOCK,
	/** No such request or commitment, or not one the caller may see. */
	NOT_FOUND,
	/** The request id was already used for a different request. */
	REQUEST_ID_REUSED,
	/** The commit id was already used for a commitment call with other content (lines, depots, quantities, hold). */
	COMMIT_ID_REUSED,
	/** A depot or item with this code is already registered. */
	CODE_TAKEN,
	/** The depot is disabled: it takes no new commitments. */
	DEPOT_DISABLED,
	/** The commitment would exceed the remaining need of the request's line. */
	EXCEEDS_REMAINING_NEED,
	/** The commitment is not in a state that allows this step. */
	COMMITMENT_STATE_CONFLICT,
	/** The EDXL-RM document is not well-formed, not RequestResource/CommitResource, or lacks what is needed. */
	INVALID_EDXL

}
