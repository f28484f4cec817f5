package cn.fj.emergency.alerting.cap;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * CAP's space-delimited lists ({@code addresses}, {@code incidents}): an entry that contains whitespace is
 * enclosed in double quotes.
 */
public final class CapText {

	private CapText() {
	}

	public static List<String> split(@Nullable String text) {
		List<String> entries = new ArrayList<>();
		if (text == null) {
			return entries;
		}
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		boolean any = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
				any = true;
			}
			else if (Character.isWhitespace(c) && !quoted) {
				if (any) {
					entries.add(current.toString());
				}
				current.setLength(0);
				any = false;
			}
			else {
				current.append(c);
				any = true;
			}
		}
		if (any) {
			entries.add(current.toString());
		}
		return entries;
	}

	public static String join(List<String> entries) {
		return entries.stream()
			.map(entry -> entry.chars().anyMatch(Character::isWhitespace) || entry.isEmpty() ? '"' + entry + '"'
					: entry)
			.collect(Collectors.joining(" "));
	}

}
