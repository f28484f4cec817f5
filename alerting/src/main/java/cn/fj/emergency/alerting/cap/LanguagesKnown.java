package cn.fj.emergency.alerting.cap;

import java.util.Arrays;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Set;

/**
 * Each info block's language is a well-formed BCP 47 tag whose language subtag is a known ISO 639 code (the
 * two-letter codes, their three-letter forms, and the languages the JDK has locale data for, such as yue).
 */
final class LanguagesKnown implements AlertCheck {

	private static final Set<String> LANGUAGES = knownLanguages();

	@Override
	public List<CapProblem> check(Alert alert) {
		return Located.infos(alert)
			.stream()
			.filter(info -> info.value().language() != null && !isKnown(info.value().languageOrDefault()))
			.map(info -> new CapProblem(CapErrorCode.CAP_LANGUAGE_UNKNOWN,
					info.where() + ": not a known language: " + info.value().language()))
			.toList();
	}

	static boolean isKnown(String tag) {
		try {
			String language = new Locale.Builder().setLanguageTag(tag).build().getLanguage();
			return LANGUAGES.contains(language);
		}
		catch (IllformedLocaleException ex) {
			return false;
		}
	}

	private static Set<String> knownLanguages() {
		Set<String> languages = new HashSet<>(Arrays.asList(Locale.getISOLanguages()));
		for (String two : Locale.getISOLanguages()) {
			addIso3(languages, Locale.forLanguageTag(two));
		}
		for (Locale locale : Locale.getAvailableLocales()) {
			if (!locale.getLanguage().isEmpty()) {
				languages.add(locale.getLanguage());
			}
		}
		return Set.copyOf(languages);
	}

	private static void addIso3(Set<String> languages, Locale locale) {
		try {
			languages.add(locale.getISO3Language());
		}
		catch (MissingResourceException ex) {
			// no three-letter form known: the two-letter code stands alone
		}
	}

}
