package cn.fj.emergency.command.security;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/**
 * What every officer's password must be, whoever sets it (the officer, an administrator, the first start's
 * setting): at least {@value #MIN_LENGTH} characters, at most {@value #MAX_BYTES} bytes in UTF-8, bcrypt's limit
 * (a longer one would be cut silently by bcrypt, or refused by its library).
 */
public final class PasswordRules {

	public static final int MIN_LENGTH = 10;

	public static final int MAX_BYTES = 72;

	private PasswordRules() {
	}

	/** Whether bcrypt can take the password whole. */
	public static boolean fitsBcrypt(String password) {
		return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
	}

	/** Refuses the password in {@code field} unless it keeps the rules. */
	public static void check(String field, String password) {
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			throw HubException.field(ErrorCode.INVALID_FIELD, field,
					field + " must have at least " + MIN_LENGTH + " characters");
		}
		if (!fitsBcrypt(password)) {
			throw new HubException(ErrorCode.PASSWORD_TOO_LONG,
					field + " must have at most " + MAX_BYTES + " bytes in UTF-8 (" + password.getBytes(StandardCharsets.UTF_8).length
							+ " given)",
					Map.of("field", field, "maxBytes", MAX_BYTES));
		}
	}

	/** The rules' refusal as a sentence, for start-up checks of configured passwords; null when it keeps them. */
	static @org.jspecify.annotations.Nullable String problem(String field, String password) {
		try {
			check(field, password);
			return null;
		}
		catch (HubException ex) {
			return ex.getMessage();
		}
	}

}
