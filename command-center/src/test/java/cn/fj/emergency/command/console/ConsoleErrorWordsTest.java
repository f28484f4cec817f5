package cn.fj.emergency.command.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.alerting.approval.WarningErrorCode;
import cn.fj.emergency.command.error.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error code the hub answers (command-center's {@link ErrorCode} and alerting's {@link WarningErrorCode}, which
 * the edge maps one to one) has the officer's words in both languages of the console ({@code error.<CODE>} in
 * js/i18n.js), so that the console never has to fall back to the hub's English message or show a code.
 */
class ConsoleErrorWordsTest {

	static String i18n() throws IOException {
		String path = "/META-INF/resources/console/js/i18n.js";
		try (InputStream in = Objects.requireNonNull(ConsoleErrorWordsTest.class.getResourceAsStream(path), path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** The keys {@code error.X} with a non-blank text in the dictionary section of one language. */
	static List<String> errorKeys(String section) {
		List<String> keys = new ArrayList<>();
		Matcher m = Pattern.compile("'error\\.([A-Z_]+)': '([^']|\\\\')+'").matcher(section);
		while (m.find()) {
			keys.add(m.group(1));
		}
		return keys;
	}

	@Test
	void everyCodeHasItsWordsInBothLanguages() throws IOException {
		String js = i18n();
		int en = js.indexOf("\n  en: {");
		assertThat(en).as("the en dictionary").isPositive();
		List<String> zh = errorKeys(js.substring(0, en));
		List<String> english = errorKeys(js.substring(en));
		List<String> codes = new ArrayList<>();
		for (ErrorCode code : ErrorCode.values()) {
			codes.add(code.name());
		}
		for (WarningErrorCode code : WarningErrorCode.values()) {
			codes.add(code.name());
		}
		assertThat(zh).as("zh-CN error words").containsAll(codes);
		assertThat(english).as("en error words").containsAll(codes);
	}

}
