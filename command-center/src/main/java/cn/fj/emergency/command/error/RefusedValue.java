package cn.fj.emergency.command.error;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value the hub refuses while decoding although its type fits: a text the database could not store as sent
 * ({@link StorableText}), a time outside {@link Fields#EARLIEST} to {@link Fields#LATEST}. A decoding failure like
 * any other, so that Jackson records the field it was found in; {@link ErrorTranslation} turns it into
 * {@link ErrorCode#INVALID_FIELD} with that field.
 */
public final class RefusedValue extends MismatchedInputException {

	private static final long serialVersionUID = 1L;

	private final String problem;

	/** @param problem what is wrong with the value, to follow its field's name: "holds ...", "must lie ..." */
	public RefusedValue(JsonParser parser, String problem, Class<?> type) {
		super(parser, "A value " + problem, type);
		this.problem = problem;
	}

	public String problem() {
		return this.problem;
	}

}
