package cn.fj.emergency.alerting.cap.xml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import cn.fj.emergency.alerting.cap.Alert;
import cn.fj.emergency.alerting.cap.Alerts;
import cn.fj.emergency.alerting.cap.CapErrorCode;
import cn.fj.emergency.alerting.cap.CapRefusal;
import cn.fj.emergency.alerting.cap.CapTimes;
import cn.fj.emergency.alerting.cap.CapVersion;
import cn.fj.emergency.alerting.cap.Corpus;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapXmlReaderTest {

	private final CapXmlReader reader = new CapXmlReader();

	private final CapXmlWriter writer = new CapXmlWriter();

	@Test
	void refusesDocumentOverTheSizeLimit() {
		byte[] australia = Corpus.bytes(Corpus.valid("australia.cap"));
		CapXmlReader small = new CapXmlReader(australia.length - 1);
		refused(() -> small.read(australia), CapErrorCode.CAP_TOO_LARGE);
		refused(() -> small.read(new ByteArrayInputStream(australia)), CapErrorCode.CAP_TOO_LARGE);
		assertThat(new CapXmlReader(australia.length).read(australia).alerts()).hasSize(1);
	}

	@Test
	void refusesXmlThatIsNotWellFormed() {
		refused(() -> reader.read(utf8(minimal().replace("</alert>", ""))), CapErrorCode.CAP_MALFORMED);
		refused(() -> reader.read(utf8("not xml")), CapErrorCode.CAP_MALFORMED);
	}

	@Test
	void refusesBytesNotInTheDeclaredEncoding() {
		byte[] xml = utf8(minimal().replace("<sender>s</sender>", "<sender>s\u00e9</sender>"));
		byte[] latin1 = new String(xml, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
		refused(() -> reader.read(latin1), CapErrorCode.CAP_MALFORMED);
	}

	@Test
	void readsAnyDeclaredEncoding() {
		String xml = minimal().replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
			.replace("<sender>s</sender>", "<sender>福建省应急管理厅</sender>");
		Alert alert = reader.read(xml.getBytes(StandardCharsets.UTF_16)).alerts().get(0);
		assertThat(alert.sender()).isEqualTo("福建省应急管理厅");
	}

	@Test
	void readsEarlierCapVersionsButNoOtherNamespace() {
		assertThat(reader.read(utf8(minimal().replace("cap:1.2", "cap:1.1"))).versions()).containsExactly(CapVersion.V1_1);
		refused(() -> reader.read(utf8(minimal().replace("cap:1.2", "cap:1.3"))), CapErrorCode.CAP_UNSUPPORTED_DOCUMENT);
		refused(() -> reader.read(utf8(minimal().replace("urn:oasis:names:tc:emergency:cap:1.2", "http://example.org/cap"))),
				CapErrorCode.CAP_UNSUPPORTED_DOCUMENT);
	}

	@Test
	void refusesEntityExpansionEvenWithoutExternalEntities() {
		String bomb = "<?xml version=\"1.0\"?><!DOCTYPE alert [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
				+ minimal().substring(minimal().indexOf("<alert")).replace("<sender>s</sender>", "<sender>&b;</sender>");
		refused(() -> reader.read(utf8(bomb)), CapErrorCode.CAP_DTD_FORBIDDEN);
	}

	@Test
	void refusesMalformedGeometry() {
		String xml = minimal().replace("</scope>", "</scope><info><category>Met</category><event>e</event>"
				+ "<urgency>Past</urgency><severity>Minor</severity><certainty>Observed</certainty>"
				+ "<area><areaDesc>a</areaDesc><polygon>1,2 3;4</polygon><circle>95,1 2</circle></area></info>");
		assertThatThrownBy(() -> reader.read(utf8(xml))).isInstanceOfSatisfying(CapRefusal.class,
				refusal -> assertThat(refusal.problems()).hasSize(2)
					.allSatisfy(problem -> assertThat(problem.code()).isEqualTo(CapErrorCode.CAP_GEOMETRY_MALFORMED)));
	}

	@Test
	void refusesMalformedReferences() {
		String xml = minimal().replace("</scope>", "</scope><references>sender,id</references>");
		refused(() -> reader.read(utf8(xml)), CapErrorCode.CAP_REFERENCE_MALFORMED);
	}

	@Test
	void refusesEnvelopeWithoutAlert() {
		String xml = "<EDXLDistribution xmlns=\"urn:oasis:names:tc:emergency:EDXL:DE:1.0\"><distributionID>d</distributionID>"
				+ "<senderID>s</senderID><dateTimeSent>2011-10-17T11:18:00-00:00</dateTimeSent>"
				+ "<distributionStatus>Actual</distributionStatus><distributionType>Report</distributionType>"
				+ "<combinedConfidentiality>UNCLASSIFIED</combinedConfidentiality></EDXLDistribution>";
		refused(() -> reader.read(utf8(xml)), CapErrorCode.EDXL_NO_ALERT);
		refused(() -> reader.read(utf8(xml.replace("<senderID>s</senderID>", ""))), CapErrorCode.EDXL_INVALID);
	}

	@Test
	void writesOwnAlertInChinaStandardTimeAndSchemaOrder() {
		// given our own warning
		Alert own = Alerts.ownRedWarning();
		// when written
		String text = new String(writer.write(own), StandardCharsets.UTF_8);
		// then every time carries +08:00, and the alert reads back equal
		assertThat(text).contains("<sent>2026-12-01T12:00:00+08:00</sent>")
			.contains("<expires>2026-12-02T12:00:00+08:00</expires>")
			.doesNotContain("Z<");
		assertThat(text.indexOf("<language>zh-CN</language>")).isLessThan(text.indexOf("<category>"));
		assertThat(text.indexOf("<parameter>")).isLessThan(text.indexOf("<area>"));
		assertThat(reader.read(utf8(text)).alerts()).containsExactly(own);
		assertThat(CapTimes.inChina(own.sent())).isEqualTo(own.sent());
	}

	@Test
	void neverWritesAnInvalidAlert() {
		// an info block without a category is not CAP 1.2
		Alert broken = Alerts.withInfos(Alerts.ownRedWarning(),
				i -> new cn.fj.emergency.alerting.cap.Info(i.language(), java.util.List.of(), i.event(), i.responseTypes(),
						i.urgency(), i.severity(), i.certainty(), i.audience(), i.eventCodes(), i.effective(), i.onset(),
						i.expires(), i.senderName(), i.headline(), i.description(), i.instruction(), i.web(), i.contact(),
						i.parameters(), i.resources(), i.areas()));
		refused(() -> writer.write(broken), CapErrorCode.CAP_SCHEMA_INVALID);
	}

	private static void refused(ThrowingCallable read, CapErrorCode code) {
		assertThatThrownBy(read).isInstanceOfSatisfying(CapRefusal.class,
				refusal -> assertThat(refusal.codes()).containsExactly(code));
	}

	private static String minimal() {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>i</identifier><sender>s</sender>\
				<sent>2026-12-01T12:00:00+08:00</sent><status>Test</status><msgType>Alert</msgType>\
				<scope>Public</scope></alert>
				""".strip();
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
