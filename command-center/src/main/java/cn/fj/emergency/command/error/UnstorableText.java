package cn.fj.emergency.command.error;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string the hub refuses while decoding, because the database could not store it as sent
 * ({@link StorableText}). A decoding failure like any other, so that Jackson records the field it was found in;
 * {@link ErrorTranslation} turns it into {@link ErrorCode#INVALID_FIELD} with that field.
 */
public final class UnstorableText extends MismatchedInputException {

	private static final long serialVersionUID = 1L;

	private final String problem;

	public UnstorableText(JsonParser parser, String problem) {
		super(parser, "A text " + problem, String.class);
		this.problem = problem;
	}

	/** What is wrong with the text, to follow its field's name: "holds ...". */
	public String problem() {
		return this.problem;
	}

}
