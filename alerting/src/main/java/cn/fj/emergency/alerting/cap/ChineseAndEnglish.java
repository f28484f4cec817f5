package cn.fj.emergency.alerting.cap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Our own profile: at least one info block in zh-CN and one in English (en, en-US, en-GB, ...). */
final class ChineseAndEnglish implements AlertCheck {

	@Override
	public List<CapProblem> check(Alert alert) {
		List<String> languages = alert.infos().stream().map(info -> info.languageOrDefault().toLowerCase(Locale.ROOT)).toList();
		List<CapProblem> problems = new ArrayList<>();
		if (!languages.contains("zh-cn")) {
			problems.add(new CapProblem(CapErrorCode.CAP_LANGUAGE_MISSING, "no info block in zh-CN"));
		}
		if (languages.stream().noneMatch(language -> language.equals("en") || language.startsWith("en-"))) {
			problems.add(new CapProblem(CapErrorCode.CAP_LANGUAGE_MISSING, "no info block in English"));
		}
		return problems;
	}

}
