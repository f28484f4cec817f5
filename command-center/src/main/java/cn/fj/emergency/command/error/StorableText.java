package cn.fj.emergency.command.error;

import org.jspecify.annotations.Nullable;

/**
 * What text the database can hold: PostgreSQL's text cannot hold the character U+0000 (NUL), and UTF-8 cannot
 * encode a lone UTF-16 surrogate (U+D800 to U+DFFF without its pair), which a driver would silently turn into
 * {@code ?}. Every other Unicode character is stored as sent.
 */
public final class StorableText {

	private StorableText() {
	}

	/** Why the text cannot be stored as sent ("holds ..."), or null if it can. */
	public static @Nullable String problem(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\u0000') {
				return "holds the character U+0000 (NUL), which cannot be stored";
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return "holds a lone surrogate U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
						+ ", which is not a character";
			}
			if (Character.isLowSurrogate(c)) {
				return "holds a lone surrogate U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
						+ ", which is not a character";
			}
		}
		return null;
	}

}
