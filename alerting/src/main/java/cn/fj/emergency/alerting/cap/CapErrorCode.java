package cn.fj.emergency.alerting.cap;

/**
 * Why a CAP document or alert is refused. Stable: clients and command-center's error catalogue key on the
 * names. Documented in docs/cap-profile.md.
 */
public enum CapErrorCode {

	// reading: the document itself
	/** The document could not be read at all (no such file, an I/O error): the command line's. */
	CAP_UNREADABLE,
	/** Larger than the reader's size limit. */
	CAP_TOO_LARGE,
	/** Not well-formed XML, or bytes that do not decode in the declared encoding. */
	CAP_MALFORMED,
	/** A document type declaration (DTD): refused before any entity is expanded or fetched. */
	CAP_DTD_FORBIDDEN,
	/** The root is neither a CAP alert (1.0, 1.1 or 1.2) nor an EDXL-DE 1.0 distribution. */
	CAP_UNSUPPORTED_DOCUMENT,
	/** Not valid against the OASIS CAP schema of its own version (1.0, 1.1 or 1.2; the message names it). */
	CAP_SCHEMA_INVALID,
	/**
	 * A CAP 1.0 or 1.1 alert, valid in its version, that cannot be said in CAP 1.2 without guessing (a 1.0 alert
	 * without scope, a time without offset, ...; the message names the version and the element).
	 */
	CAP_UPGRADE_IMPOSSIBLE,
	/** A polygon or circle whose text is not WGS 84 coordinates in CAP's notation. */
	CAP_GEOMETRY_MALFORMED,
	/** A references entry that is not {@code sender,identifier,sent}. */
	CAP_REFERENCE_MALFORMED,
	/** An EDXL-DE envelope not valid against the EDXL-DE 1.0 schema (with the CAP alerts it embeds). */
	EDXL_INVALID,
	/** An EDXL-DE envelope that carries no CAP alert. */
	EDXL_NO_ALERT,

	// checks of every inbound alert
	/** An Update or Cancel without references. */
	CAP_REFERENCES_REQUIRED,
	/** An alert that references itself. */
	CAP_REFERENCE_CIRCULAR,
	/** A referenced alert sent later than the referencing alert. */
	CAP_REFERENCE_LATER_THAN_ALERT,
	/** A polygon whose last point is not its first. */
	CAP_POLYGON_NOT_CLOSED,
	/** A polygon of fewer than four points. */
	CAP_POLYGON_TOO_FEW_POINTS,
	/** A polygon whose edges cross or touch other than at shared corners. */
	CAP_POLYGON_SELF_INTERSECTING,
	/** Not effective ≤ onset ≤ expires. */
	CAP_TIMES_OUT_OF_ORDER,
	/** Expiry before the alert was sent; in our own profile, any time before it was sent. */
	CAP_TIME_BEFORE_SENT,
	/** A language that is not well-formed BCP 47 or whose language subtag is unknown. */
	CAP_LANGUAGE_UNKNOWN,
	/** A warning colour that is not red, orange, yellow or blue. */
	CAP_COLOUR_UNKNOWN,
	/** A warning colour that does not match the severity. */
	CAP_COLOUR_SEVERITY_MISMATCH,
	/** A GB/T 2260 geocode that names no known area. */
	CAP_AREA_CODE_UNKNOWN,

	// checks of our own publishing profile
	/** An info block of our own without a warning colour. */
	CAP_COLOUR_MISSING,
	/** An area of our own without a GB/T 2260 geocode. */
	CAP_AREA_CODE_MISSING,
	/** An alert of our own without an info block in Chinese (zh-CN) and one in English. */
	CAP_LANGUAGE_MISSING,
	/** A time of our own not expressed in China Standard Time (+08:00). */
	CAP_OFFSET_NOT_CHINA

}
