package cn.fj.emergency.alerting.cap.xml;

import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.fj.emergency.alerting.cap.Alert;
import cn.fj.emergency.alerting.cap.CapDocument;
import cn.fj.emergency.alerting.cap.CapErrorCode;
import cn.fj.emergency.alerting.cap.CapRefusal;
import cn.fj.emergency.alerting.cap.CapTimes;
import cn.fj.emergency.alerting.cap.CapVersion;
import cn.fj.emergency.alerting.cap.Category;
import cn.fj.emergency.alerting.cap.Certainty;
import cn.fj.emergency.alerting.cap.Corpus;
import cn.fj.emergency.alerting.cap.Info;
import cn.fj.emergency.alerting.cap.NamedValue;
import cn.fj.emergency.alerting.cap.ResponseType;
import cn.fj.emergency.alerting.cap.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each row of the mapping table of docs/cap-profile.md ("Older CAP versions"), on the corpus and on small alerts. */
class CapUpgradeTest {

	private static final String CAP10 = "http://www.incident.com/cap/1.0";

	private static final String CAP11 = "urn:oasis:names:tc:emergency:cap:1.1";

	private final CapXmlReader reader = new CapXmlReader();

	private final CapXmlWriter writer = new CapXmlWriter();

	@Test
	void cap10VeryLikelyIsLikely() {
		Alert alert = read10("v1dot0_appendix_adot3.xml");
		assertThat(alert.infos().get(0).certainty()).isEqualTo(Certainty.LIKELY);
	}

	@Test
	void cap10NamedValuesAreSplitAtTheFirstEquals() {
		Info thunderstorm = read10("v1dot0_appendix_adot2.xml").infos().get(0);
		assertThat(thunderstorm.eventCodes()).containsExactly(new NamedValue("same", "SVR"));
		assertThat(thunderstorm.areas().get(0).geocodes()).containsExactly(new NamedValue("fips6", "006109"),
				new NamedValue("fips6", "006009"), new NamedValue("fips6", "006003"));
		Info earthquake = read10("v1dot0_appendix_adot3.xml").infos().get(0);
		assertThat(earthquake.parameter("Magnitude")).contains("3.4 Ml");
		assertThat(earthquake.parameters()).hasSize(5);
		Alert withEquals = read(alert10("<info><category>Met</category><event>e</event><urgency>Past</urgency>"
				+ "<severity>Minor</severity><certainty>Likely</certainty><parameter>URL=http://x/?a=b</parameter></info>"));
		assertThat(withEquals.infos().get(0).parameters()).containsExactly(new NamedValue("URL", "http://x/?a=b"));
	}

	@Test
	void cap10ResourceWithoutMimeTypeIsOctetStreamAndHasNoResponseType() {
		Info info = read10("v1dot0_appendix_adot1.xml").infos().get(0);
		assertThat(info.resources().get(0).mimeType()).isEqualTo("application/octet-stream");
		assertThat(info.resources().get(0).uri()).isEqualTo("http://www.dhs.gov/dhspublic/getAdvisoryImage");
		assertThat(info.resources().get(0).derefUri()).isNull();
		assertThat(info.responseTypes()).isEmpty();
	}

	@Test
	void cap10PasswordIsDroppedAndAMissingCategoryIsOther() {
		String xml = alert10("<info><event>e</event><urgency>Past</urgency><severity>Minor</severity>"
				+ "<certainty>Very Likely</certainty></info>").replace("<msgType>Alert</msgType>",
						"<msgType>Alert</msgType><password>s3cret</password>");
		Alert alert = read(xml);
		assertThat(alert.infos().get(0).categories()).containsExactly(Category.OTHER);
		String written = new String(writer.write(alert), StandardCharsets.UTF_8);
		assertThat(written).doesNotContain("password").doesNotContain("s3cret");
	}

	@Test
	void cap11ValuesCarryOverAndDerefUriIsKept() {
		Alert thunderstorm = read(Corpus.bytes(Corpus.CAP.resolve("v1dot1/v1dot1_appendix_adot2.xml")));
		assertThat(thunderstorm.infos().get(0).responseTypes()).containsExactly(ResponseType.SHELTER);
		assertThat(thunderstorm.infos().get(0).certainty()).isEqualTo(Certainty.OBSERVED);
		String xml = alert11("<info><category>CBRNE</category><event>e</event><urgency>Past</urgency>"
				+ "<severity>Minor</severity><certainty>Likely</certainty><resource><resourceDesc>map</resourceDesc>"
				+ "<derefUri>aGVsbG8=</derefUri></resource></info>").replace("<status>Test</status>", "<status>Draft</status>");
		Alert alert = read(xml);
		assertThat(alert.status()).isEqualTo(Status.DRAFT);
		assertThat(alert.infos().get(0).categories()).containsExactly(Category.CBRNE);
		assertThat(alert.infos().get(0).resources().get(0).derefUri()).isEqualTo("aGVsbG8=");
		assertThat(alert.infos().get(0).resources().get(0).mimeType()).isEqualTo("application/octet-stream");
	}

	@Test
	void timesBecomeWholeSecondsWithANumericOffset() {
		Alert alert = read(alert11("<info><category>Met</category><event>e</event><urgency>Past</urgency>"
				+ "<severity>Minor</severity><certainty>Likely</certainty><expires>2010-08-31T06:00:00.250Z</expires></info>")
			.replace("2010-08-31T00:00:00-05:00", "2010-08-31T05:00:00Z"));
		assertThat(CapTimes.format(alert.sent())).isEqualTo("2010-08-31T05:00:00+00:00");
		assertThat(CapTimes.format(alert.infos().get(0).expires())).isEqualTo("2010-08-31T06:00:00+00:00");
	}

	@Test
	void refusesWhatCannotBeSaidIn12WithoutGuessingNamingTheVersion() {
		// a CAP 1.0 alert without scope (its schema allows it), a time without offset, a geocode without "=",
		// an altitude that is no number: all at once
		String xml = alert10("<info><category>Met</category><event>e</event><urgency>Past</urgency>"
				+ "<severity>Minor</severity><certainty>Likely</certainty><onset>2003-06-17T15:00:00</onset>"
				+ "<area><areaDesc>a</areaDesc><geocode>006109</geocode><altitude>1500 ft</altitude></area></info>")
			.replace("<scope>Public</scope>", "");
		assertThatThrownBy(() -> reader.read(utf8(xml))).isInstanceOfSatisfying(CapRefusal.class, refusal -> {
			assertThat(refusal.codes()).containsExactly(CapErrorCode.CAP_UPGRADE_IMPOSSIBLE);
			assertThat(refusal.problems()).hasSize(4).allSatisfy(p -> assertThat(p.message()).startsWith("CAP 1.0: "));
			assertThat(refusal.problems()).extracting(p -> p.message())
				.anySatisfy(m -> assertThat(m).contains("scope"))
				.anySatisfy(m -> assertThat(m).contains("info 1 onset").contains("offset"))
				.anySatisfy(m -> assertThat(m).contains("info 1 area geocode \"006109\""))
				.anySatisfy(m -> assertThat(m).contains("altitude \"1500 ft\""));
		});
	}

	@Test
	void checksAnOlderAlertAgainstItsOwnSchema() {
		// responseType came with 1.1: in a 1.0 alert it is a schema error of 1.0, named so
		String xml = alert10("<info><category>Met</category><event>e</event><responseType>Shelter</responseType>"
				+ "<urgency>Past</urgency><severity>Minor</severity><certainty>Likely</certainty></info>");
		assertThatThrownBy(() -> reader.read(utf8(xml))).isInstanceOfSatisfying(CapRefusal.class, refusal -> {
			assertThat(refusal.codes()).containsExactly(CapErrorCode.CAP_SCHEMA_INVALID);
			assertThat(refusal.problems().get(0).message()).startsWith("not valid CAP 1.0: line 1").contains("responseType");
		});
		// AllClear came with 1.2: not a 1.1 value
		String allClear = alert11("<info><category>Met</category><event>e</event><responseType>AllClear</responseType>"
				+ "<urgency>Past</urgency><severity>Minor</severity><certainty>Likely</certainty></info>");
		assertThatThrownBy(() -> reader.read(utf8(allClear))).isInstanceOfSatisfying(CapRefusal.class,
				refusal -> assertThat(refusal.problems().get(0).message()).startsWith("not valid CAP 1.1: "));
	}

	@Test
	void unwrapsOlderAlertsFromAnEnvelope() {
		String alert = alert11("<info><category>Met</category><event>e</event><urgency>Past</urgency>"
				+ "<severity>Minor</severity><certainty>Likely</certainty></info>").substring("<?xml version=\"1.0\"?>".length());
		String envelope = "<EDXLDistribution xmlns=\"urn:oasis:names:tc:emergency:EDXL:DE:1.0\"><distributionID>d</distributionID>"
				+ "<senderID>s</senderID><dateTimeSent>2011-10-17T11:18:00-00:00</dateTimeSent>"
				+ "<distributionStatus>Actual</distributionStatus><distributionType>Report</distributionType>"
				+ "<combinedConfidentiality>UNCLASSIFIED</combinedConfidentiality>"
				+ "<contentObject><xmlContent><embeddedXMLContent>" + alert + "</embeddedXMLContent></xmlContent></contentObject>"
				+ "<contentObject><xmlContent><embeddedXMLContent>" + alert.replace(CAP11, CAP10).replace("<identifier>i", "<identifier>j")
				+ "</embeddedXMLContent></xmlContent></contentObject></EDXLDistribution>";
		CapDocument document = reader.read(utf8(envelope));
		assertThat(document.versions()).containsExactly(CapVersion.V1_1, CapVersion.V1_0);
		assertThat(document.alerts()).extracting(Alert::identifier).containsExactly("i", "j");
		// an embedded 1.1 alert invalid in 1.1 makes the envelope invalid
		assertThatThrownBy(() -> reader.read(utf8(envelope.replace("<urgency>Past</urgency>", "<urgency>Soon</urgency>"))))
			.isInstanceOfSatisfying(CapRefusal.class, refusal -> assertThat(refusal.codes()).containsExactly(CapErrorCode.EDXL_INVALID));
	}

	private Alert read10(String name) {
		return read(Corpus.bytes(Corpus.CAP.resolve("v1dot0").resolve(name)));
	}

	private Alert read(byte[] xml) {
		CapDocument document = reader.read(xml);
		assertThat(document.upgraded()).isTrue();
		Alert alert = document.alerts().get(0);
		// every upgraded alert is valid CAP 1.2 and reads back equal
		assertThat(reader.read(writer.write(alert)).alerts()).isEqualTo(List.of(alert));
		return alert;
	}

	private Alert read(String xml) {
		return read(utf8(xml));
	}

	private static String alert10(String infos) {
		return alert(CAP10, infos);
	}

	private static String alert11(String infos) {
		return alert(CAP11, infos);
	}

	private static String alert(String namespace, String infos) {
		return "<?xml version=\"1.0\"?><alert xmlns=\"" + namespace + "\"><identifier>i</identifier><sender>s</sender>"
				+ "<sent>2010-08-31T00:00:00-05:00</sent><status>Test</status><msgType>Alert</msgType>"
				+ "<scope>Public</scope>" + infos + "</alert>";
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
