package cn.fj.emergency.alerting.cap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static cn.fj.emergency.alerting.cap.Alerts.codes;
import static cn.fj.emergency.alerting.cap.Alerts.ownRedWarning;
import static cn.fj.emergency.alerting.cap.Alerts.withInfos;
import static cn.fj.emergency.alerting.cap.Alerts.withLanguage;
import static org.assertj.core.api.Assertions.assertThat;

class LanguagesKnownTest {

	@ParameterizedTest
	@ValueSource(strings = { "zh-CN", "zh-Hans-CN", "en", "en-US", "fr-CA", "es-US", "yue", "zho", "en-AU" })
	void knows(String tag) {
		assertThat(LanguagesKnown.isKnown(tag)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "xx-CN", "qq", "zh_CN", "english", "en--US", "" })
	void doesNotKnow(String tag) {
		assertThat(LanguagesKnown.isKnown(tag)).isFalse();
	}

	@Test
	void refusesInfoInAnUnknownLanguage() {
		Alert alert = withInfos(ownRedWarning(), i -> withLanguage(i, "xx"));
		assertThat(codes(new LanguagesKnown().check(alert))).containsOnly(CapErrorCode.CAP_LANGUAGE_UNKNOWN).hasSize(2);
	}

	@Test
	void acceptsInfoWithoutLanguage() {
		Alert alert = withInfos(ownRedWarning(), i -> withLanguage(i, null));
		assertThat(new LanguagesKnown().check(alert)).isEmpty();
	}

	@Test
	void ownWarningNeedsChineseAndEnglish() {
		assertThat(new ChineseAndEnglish().check(ownRedWarning())).isEmpty();
		Alert chineseOnly = withInfos(ownRedWarning(), i -> withLanguage(i, "zh-CN"));
		assertThat(codes(new ChineseAndEnglish().check(chineseOnly))).containsExactly(CapErrorCode.CAP_LANGUAGE_MISSING);
		Alert defaultOnly = withInfos(ownRedWarning(), i -> withLanguage(i, null));
		assertThat(codes(new ChineseAndEnglish().check(defaultOnly))).containsExactly(CapErrorCode.CAP_LANGUAGE_MISSING);
	}

}
