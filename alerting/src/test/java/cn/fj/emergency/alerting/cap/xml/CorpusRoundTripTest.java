package cn.fj.emergency.alerting.cap.xml;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.fj.emergency.alerting.cap.Alert;
import cn.fj.emergency.alerting.cap.AreaCodes;
import cn.fj.emergency.alerting.cap.CapDocument;
import cn.fj.emergency.alerting.cap.CapErrorCode;
import cn.fj.emergency.alerting.cap.CapProfile;
import cn.fj.emergency.alerting.cap.CapRefusal;
import cn.fj.emergency.alerting.cap.CapVersion;
import cn.fj.emergency.alerting.cap.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The conformance corpus: every valid file accepted, written back out schema-valid and read again equal;
 * every invalid file refused with its code. Equality is the model's: times compare as written offsets (only
 * "-00:00" becomes "+00:00", the same instant), empty optional elements are absent, indentation between
 * elements is not content.
 */
class CorpusRoundTripTest {

	private static final Pattern TIME = Pattern.compile(
			"<(sent|effective|onset|expires)>([^<]*)</");

	private final CapXmlReader reader = new CapXmlReader();

	private final CapXmlWriter writer = new CapXmlWriter();

	private final ReceivingCap receiving = new ReceivingCap(reader, CapProfile.inbound(AreaCodes.fujian()));

	static List<Path> validAlerts() {
		return Corpus.validAlerts();
	}

	@ParameterizedTest
	@MethodSource("validAlerts")
	void acceptsWritesValidAndReadsBackEqual(Path file) {
		// given a valid corpus alert, accepted
		CapDocument document = receiving.receive(Corpus.bytes(file));
		assertThat(document.isEnvelope()).isFalse();
		Alert alert = document.alerts().get(0);
		// when written out
		byte[] written = writer.write(alert);
		// then the output is valid CAP 1.2 and reads back equal
		assertThat(CapSchemas.errors(written, new SecureXml(id -> {
		}))).isEmpty();
		assertThat(receiving.receive(written).alerts()).containsExactly(alert);
	}

	static List<Path> olderAlerts() {
		return java.util.stream.Stream.concat(Corpus.list("v1dot0").stream(), Corpus.list("v1dot1").stream()).toList();
	}

	@ParameterizedTest
	@MethodSource("olderAlerts")
	void readsCap10And11UpgradesWritesValidCap12AndReadsBackEqual(Path file) {
		// given a CAP 1.0 or 1.1 alert of the corpus (the specifications' examples, real alerts of authorities)
		byte[] original = Corpus.bytes(file);
		CapVersion version = file.getParent().getFileName().toString().equals("v1dot0") ? CapVersion.V1_0
				: CapVersion.V1_1;
		// when read
		CapDocument document = reader.read(original);
		// then it was read in its own version and is now a 1.2 alert
		assertThat(document.versions()).containsExactly(version);
		Alert alert = document.alerts().get(0);
		// and written out it is valid CAP 1.2, in the 1.2 namespace, and reads back equal, as 1.2
		byte[] written = writer.write(alert);
		assertThat(CapSchemas.errors(written, new SecureXml(id -> {
		}))).isEmpty();
		assertThat(new String(written, StandardCharsets.UTF_8)).contains("xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"")
			.doesNotContain("cap:1.1").doesNotContain("incident.com");
		CapDocument again = reader.read(written);
		assertThat(again.versions()).containsExactly(CapVersion.V1_2);
		assertThat(again.alerts()).containsExactly(alert);
	}

	@ParameterizedTest
	@MethodSource("olderAlerts")
	void upgradedAlertsKeepTheInboundProfile(Path file) {
		CapDocument document = receiving.receive(Corpus.bytes(file));
		assertThat(document.upgraded()).isTrue();
		assertThat(document.alerts()).hasSize(1);
	}

	@ParameterizedTest
	@MethodSource("validAlerts")
	void writesEveryTimeWithAnExplicitOffset(Path file) {
		byte[] written = writer.write(reader.read(Corpus.bytes(file)).alerts().get(0));
		Matcher times = TIME.matcher(new String(written, StandardCharsets.UTF_8));
		int count = 0;
		while (times.find()) {
			assertThat(times.group(2)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
			count++;
		}
		assertThat(count).isPositive();
	}

	@Test
	void readsTheCapPrefixForm() {
		Alert alert = receiving.receive(Corpus.bytes(Corpus.valid("australia.cap"))).alerts().get(0);
		assertThat(alert.identifier()).isEqualTo("tag:www.rfs.nsw.gov.au2011-10-06:40184");
		assertThat(alert.infos().get(0).areas().get(0).circles().get(0).toCap()).isEqualTo("-35.3888,147.0598 25.0");
		assertThat(alert.infos()).hasSize(2);
	}

	@Test
	void decodesIso88591Text() {
		Alert alert = receiving.receive(Corpus.bytes(Corpus.valid("earthquake-iso8859-1.cap"))).alerts().get(0);
		assertThat(alert.infos().get(0).headline())
			.isEqualTo("EQ 4.6 Usulután, Usulután, El Salvador - PRELIMINARY REPORT");
		String written = new String(writer.write(alert), StandardCharsets.UTF_8);
		assertThat(written).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").contains("Usulután");
	}

	@Test
	void keepsSignaturesOnTheRoundTrip() {
		// given a signed Environment Canada alert with two XML-DSig signatures
		Alert alert = receiving.receive(Corpus.bytes(Corpus.valid("canada_signed.cap"))).alerts().get(0);
		assertThat(alert.signatures()).hasSize(2);
		assertThat(alert.signatures().get(0)).startsWith("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"")
			.contains("Id=\"NAADS Signature\"")
			.contains("<SignatureValue>hPuiJLBRmTDHbDAUep+et49az5MzbS3tX9NYu9/eCVZxMqUW2Q7rCbJYoIihWFUWiGSJ6ilDmBZVIYC22O46")
			.contains("<Object xmlns=\"\">");
		assertThat(alert.signatures().get(1)).contains("Id=\"Environment Canada\"");
		// when written out and read again
		byte[] written = writer.write(alert);
		Alert again = reader.read(written).alerts().get(0);
		// then both signature elements are there, unchanged, after the info blocks
		assertThat(again.signatures()).isEqualTo(alert.signatures());
		String text = new String(written, StandardCharsets.UTF_8);
		assertThat(text.lastIndexOf("</info>")).isLessThan(text.indexOf("<Signature"));
	}

	@Test
	void unwrapsEnvelopeIntoItsAlerts() {
		// given the RFS envelope of seven CAP alerts
		CapDocument document = receiving.receive(Corpus.bytes(Corpus.valid("bushfire_valid.edxlde")));
		// then each content object's alert is accepted, in order
		assertThat(document.distributionId()).isEqualTo("RFSuniqueID12345");
		assertThat(document.alerts()).hasSize(7);
		assertThat(document.alerts().get(0).identifier()).isEqualTo("tag:www.rfs.nsw.gov.au2011-10-18:40500");
		assertThat(document.alerts().get(1).identifier()).isEqualTo("tag:www.rfs.nsw.gov.au2011-10-18:40444");
		for (Alert alert : document.alerts()) {
			assertThat(receiving.receive(writer.write(alert)).alerts()).containsExactly(alert);
		}
	}

	@ParameterizedTest
	@CsvSource({ "invalid.cap, CAP_SCHEMA_INVALID", "xee.cap, CAP_DTD_FORBIDDEN",
			"canada_errors.cap, CAP_REFERENCES_REQUIRED", "bushfire_invalid.edxlde, EDXL_INVALID",
			"noaa_errors.cap, CAP_SCHEMA_INVALID" })
	void refusesEveryInvalidFile(String name, CapErrorCode code) {
		assertThatThrownBy(() -> receiving.receive(Corpus.bytes(Corpus.invalid(name))))
			.isInstanceOfSatisfying(CapRefusal.class, refusal -> assertThat(refusal.codes()).containsExactly(code));
	}

	@Test
	void everyInvalidFileIsCoveredAbove() {
		assertThat(Corpus.list("invalid")).extracting(path -> path.getFileName().toString())
			.containsExactlyInAnyOrder("invalid.cap", "xee.cap", "canada_errors.cap", "bushfire_invalid.edxlde",
					"noaa_errors.cap");
	}

	@Test
	void saysWhatIsMissingFromTheInvalidAlert() {
		assertThatThrownBy(() -> reader.read(Corpus.bytes(Corpus.invalid("invalid.cap"))))
			.isInstanceOfSatisfying(CapRefusal.class, refusal -> assertThat(refusal.problems().get(0).message())
				.contains("line 9").contains("scope"));
	}

	@Test
	void namesTheVersionOfAnOlderAlertThatIsInvalidInItsOwnSchema() {
		// the NWS flood warning with empty urgency, severity and certainty is checked against cap11.xsd, not 1.2's
		assertThatThrownBy(() -> reader.read(Corpus.bytes(Corpus.invalid("noaa_errors.cap"))))
			.isInstanceOfSatisfying(CapRefusal.class, refusal -> assertThat(refusal.problems()).isNotEmpty()
				.allSatisfy(problem -> assertThat(problem.message()).startsWith("not valid CAP 1.1: line "))
				.anySatisfy(problem -> assertThat(problem.message()).contains("urgency")));
	}

	@Test
	void saysWhichContentObjectOfTheEnvelopeIsInvalid() {
		assertThatThrownBy(() -> reader.read(Corpus.bytes(Corpus.invalid("bushfire_invalid.edxlde"))))
			.isInstanceOfSatisfying(CapRefusal.class, refusal -> assertThat(refusal.problems().get(0).message())
				.contains("line 96").contains("cap:alert"));
	}

	@Test
	void readsTheSchemaValidUpdateWithEmptyReferencesButTheChecksRefuseIt() {
		// canada_errors.cap is valid against the schema: only the checks beyond it find the fault
		Alert alert = reader.read(Corpus.bytes(Corpus.invalid("canada_errors.cap"))).alerts().get(0);
		assertThat(alert.references()).isEmpty();
		assertThat(CapProfile.inbound(AreaCodes.fujian()).check(alert)).extracting(problem -> problem.code())
			.containsExactly(CapErrorCode.CAP_REFERENCES_REQUIRED);
	}

}
