package cn.fj.emergency.alerting.approval;

/** Why a step of a warning's lifecycle is refused. Stable; documented in docs/cap-profile.md. */
public enum WarningErrorCode {

	/** The step is not possible in the warning's current state (e.g. approving a draft). */
	WARNING_STATE_CONFLICT,
	/** A published warning's alert never changes; issue an Update or a Cancel instead. */
	WARNING_PUBLISHED_IMMUTABLE,
	/** Only the author revises or submits a draft. */
	WARNING_NOT_AUTHOR,
	/** Dual control: the author never reviews their own warning. */
	WARNING_SELF_APPROVAL,
	/** Red and orange warnings are reviewed by a commander. */
	WARNING_COMMANDER_REQUIRED,
	/** A rejection says why. */
	WARNING_COMMENT_REQUIRED,
	/** The alert does not keep our publishing profile (the CAP problems are attached). */
	WARNING_CAP_INVALID,
	/** Public warnings are Actual, Exercise or Test. */
	WARNING_STATUS_NOT_PUBLIC,
	/** The alert does not fit the warning (identifier, message type or references). */
	WARNING_ALERT_MISMATCH,
	/** Expiry was asked before the warning's expiry time, or of a warning without one. */
	WARNING_NOT_EXPIRED,
	/** Not an identifier of our scheme. */
	WARNING_IDENTIFIER_INVALID,
	/** No warning with that identifier. */
	WARNING_NOT_FOUND,
	/**
	 * A city-scoped officer acts only on warnings whose areas all lie within their city (composing, revising,
	 * submitting, reviewing, publishing, updating and cancelling).
	 */
	AREA_OUTSIDE_CITY,
	/** The composed content (JSON or CAP XML) is incomplete or not understood. */
	WARNING_CONTENT_INVALID

}
