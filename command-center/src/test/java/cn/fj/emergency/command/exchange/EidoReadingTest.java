package cn.fj.emergency.command.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.support.Conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading EIDO and PIDF-LO, without Spring: NENA's samples as they are, our own documents, hostile ones. */
class EidoReadingTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static Path samples() {
		return Conformance.path("eido");
	}

	static JsonNode sample(String name) throws Exception {
		return JSON.readTree(Files.readString(samples().resolve(name)));
	}

	@Test
	void readsTheSampleWithCapitalisedFieldNames() throws Exception {
		EidoIncident eido = EidoReader.read(sample("Sample_EIDO.json"));

		assertThat(eido.id()).isEqualTo("urn:emergency:uid:incidentid:0:psap.allegheny.pa.us");
		assertThat(eido.typeInternalText()).isEqualTo("CIVIL UNREST; REQUEST MUTUAL AID");
		assertThat(EidoTypes.byKeyword(eido.typeInternalText())).contains("44");
		assertThat(eido.priorityInternalText()).isEqualTo("10: VERY HIGH PRIORITY");
		// its PIDF-LO is not well-formed (undeclared gs: and con: prefixes, a start tag without '>')
		assertThat(eido.location()).isNotNull();
		assertThat(eido.location().position()).isNull();
		assertThat(eido.location().problem()).contains("not well-formed");
		assertThat(eido.occurredAt()).isEqualTo(Instant.parse("2020-10-29T18:40:04.337Z"));
	}

	@Test
	void readsTheSampleWithLowerCaseFieldNames() throws Exception {
		EidoIncident eido = EidoReader.read(sample("Sample_call_transfer_EIDO.json"));

		assertThat(eido.id()).isEqualTo("urn:emergency:uid:incidentid:a56e556d871:bcf.state.pa.us");
		assertThat(eido.typeRegistryText()).isNull();
		assertThat(eido.location().position()).isNull();
		assertThat(eido.location().civic().country()).isEqualTo("US");
		assertThat(eido.location().civic().a3()).isEqualTo("Wilmington");
		assertThat(CivicCounty.of(eido.location().civic())).isEmpty();
		// the call's start
		assertThat(eido.occurredAt()).isEqualTo(Instant.parse("2021-04-30T18:40:00Z"));
	}

	@Test
	void fieldNamesAreReadInAnyCase() {
		JsonNode node = JSON.readTree("{\"LastUpdateTimeStamp\":\"a\",\"eidoversion\":\"1.0\"}");

		assertThat(EidoJson.text(node, "lastUpdateTimeStamp")).isEqualTo("a");
		assertThat(EidoJson.text(node, "EIDOVersion")).isEqualTo("1.0");
		assertThat(EidoJson.text(node, "missing")).isNull();
	}

	@Test
	void readsOurOwnLocationDocumentBack() {
		String xml = PidfLo.write("pres:x", 24.48, 118.09, "厦门市", "思明区", Instant.parse("2026-11-23T01:45:00Z"));

		PidfLo.Reading reading = PidfLo.read(xml);

		assertThat(reading.problem()).isNull();
		assertThat(reading.position()).isEqualTo(new PidfLo.Position(24.48, 118.09));
		assertThat(reading.timestamp()).isEqualTo(Instant.parse("2026-11-23T01:45:00Z"));
		assertThat(CivicCounty.of(reading.civic())).map(c -> c.code()).contains("350203");
	}

	@Test
	void readsAGmlCircleAsItsCentre() {
		String xml = """
				<presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:gp="urn:ietf:params:xml:ns:pidf:geopriv10"
				    xmlns:gml="http://www.opengis.net/gml" xmlns:gs="http://www.opengis.net/pidflo/1.0" entity="pres:a@b">
				  <tuple id="t"><status><gp:geopriv><gp:location-info>
				    <gs:Circle srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>26.08 119.30</gml:pos>
				      <gs:radius uom="urn:ogc:def:uom:EPSG::9001">850</gs:radius></gs:Circle>
				  </gp:location-info></gp:geopriv></status></tuple></presence>""";

		assertThat(PidfLo.read(xml).position()).isEqualTo(new PidfLo.Position(26.08, 119.30));
	}

	@Test
	void refusesDocumentTypesSoNoEntityIsExpandedOrFetched() throws Exception {
		Path secret = Files.createTempFile("eido-secret", ".txt");
		Files.writeString(secret, "24.5 118.1");
		String xml = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY pos SYSTEM \"" + secret.toUri() + "\">]>"
				+ "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:gml=\"http://www.opengis.net/gml\">"
				+ "<gml:pos>&pos;</gml:pos></presence>";

		PidfLo.Reading reading = PidfLo.read(xml);

		assertThat(reading.position()).isNull();
		assertThat(reading.problem()).contains("DTD");
		String billionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
				+ "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\">&b;</presence>";
		assertThat(PidfLo.read(billionLaughs).position()).isNull();
	}

	@Test
	void everyExportedTypeMapsBackToItsCategory() {
		for (Map.Entry<String, String> entry : EidoTypes.REGISTRY_TEXT.entrySet()) {
			assertThat(EidoTypes.byKeyword(entry.getValue())).as(entry.getValue()).contains(entry.getKey());
		}
		assertThat(EidoTypes.marked("GB/T 35561:13")).contains("13");
		assertThat(EidoTypes.marked("10-101")).isEmpty();
	}

	@Test
	void reportIdsAreTheEidoIdOrItsDigest() {
		assertThat(ImportingEido.reportId("urn:emergency:uid:incidentid:0:psap.allegheny.pa.us"))
			.isEqualTo("eido:urn:emergency:uid:incidentid:0:psap.allegheny.pa.us");
		assertThat(ImportingEido.reportId("id with spaces")).startsWith("eido:sha256:").hasSize(52);
		assertThat(ImportingEido.reportId("x".repeat(200))).startsWith("eido:sha256:");
	}

	@Test
	void recognisesOnlyOurOwnUrns() {
		java.util.UUID id = java.util.UUID.randomUUID();
		assertThat(ImportingEido.ourIncidentId(ImportingEido.urn(id, "emergency.fj.gov.cn"), "emergency.fj.gov.cn")).contains(id);
		assertThat(ImportingEido.ourIncidentId(ImportingEido.urn(id, "other.example"), "emergency.fj.gov.cn")).isEmpty();
		assertThat(ImportingEido.ourIncidentId("urn:emergency:uid:incidentid:0:emergency.fj.gov.cn", "emergency.fj.gov.cn")).isEmpty();
	}

	@Test
	void refusesWhatIsNoEidoWithItsCode() {
		assertInvalid("[]", "$");
		assertInvalid("{\"$id\":\"x\",\"lastUpdateTimeStamp\":\"2026-11-23T01:00:00Z\"}", "EIDOVersion");
		assertInvalid("{\"EIDOVersion\":\"2.0\",\"$id\":\"x\"}", "EIDOVersion");
		assertInvalid("{\"EIDOVersion\":\"1.0\",\"lastUpdateTimeStamp\":\"2026-11-23T01:00:00Z\"}", "incidentTrackingIdentifier");
		assertInvalid("{\"EIDOVersion\":\"1.0\",\"$id\":\"x\"}", "lastUpdateTimeStamp");
		assertInvalid("{\"EIDOVersion\":\"1.0\",\"$id\":\"x\",\"lastUpdateTimeStamp\":\"yesterday\"}", "lastUpdateTimeStamp");
	}

	static void assertInvalid(String json, String field) {
		assertThatThrownBy(() -> EidoReader.read(JSON.readTree(json))).isInstanceOfSatisfying(HubException.class, ex -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.EIDO_INVALID);
			assertThat(ex.details()).containsEntry("field", field);
		});
	}

}
