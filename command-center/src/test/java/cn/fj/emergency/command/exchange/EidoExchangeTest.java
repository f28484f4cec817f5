package cn.fj.emergency.command.exchange;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/** NENA's EIDO samples import over HTTP; our export re-imports to the same incident, here and in a fresh hub. */
class EidoExchangeTest {

	static Hub hub;

	static Hub fresh;

	static String officer;

	static HubClient xiamen;

	static String xiamenToken;

	/** Where the out-of-province samples are placed: Siming, Xiamen. */
	static final String SIMING = "?countyCode=350203&latitude=24.45&longitude=118.08";

	@BeforeAll
	static void startHubs() {
		hub = Hub.cluster(1).get(0);
		fresh = Hub.cluster(1).get(0);
		officer = hub.dutyOfficerToken();
		xiamenToken = hub.cityPlatformToken("350200").get("token").asString();
		xiamen = HubClient.tcp(hub.cityLinkPort(), xiamenToken);
	}

	@AfterAll
	static void stopHubs() {
		xiamen.close();
		hub.close();
		fresh.close();
	}

	static String sample(String name) throws Exception {
		return Files.readString(EidoReadingTest.samples().resolve(name));
	}

	static WebTestClient.ResponseSpec importEido(Hub target, String token, String query, String eido) {
		return target.http().post().uri("/api/incidents/eido" + query).headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(eido).exchange();
	}

	static JsonNode imported(Hub target, String token, String query, String eido) {
		return importEido(target, token, query, eido).expectStatus().isOk().expectBody(JsonNode.class).returnResult()
			.getResponseBody();
	}

	static void refused(String query, String eido, int status, String code, String field) {
		importEido(hub, officer, query, eido).expectStatus().isEqualTo(status).expectBody()
			.jsonPath("$.code").isEqualTo(code).jsonPath("$.field").isEqualTo(field);
	}

	@Test
	void importsTheSampleWithCapitalisedFieldNames() throws Exception {
		String eido = sample("Sample_EIDO.json");

		JsonNode first = imported(hub, officer, SIMING, eido);
		JsonNode again = imported(hub, officer, SIMING, eido);

		assertThat(again.get("incidentId")).isEqualTo(first.get("incidentId"));
		assertThat(first.get("reportId").asString()).isEqualTo("eido:urn:emergency:uid:incidentid:0:psap.allegheny.pa.us");
		assertThat(first.get("ownExport").asBoolean()).isFalse();
		JsonNode incident = hub.getJson("/api/incidents/" + first.get("incidentId").asString(), officer);
		assertThat(incident.get("category").asString()).isEqualTo("44");
		assertThat(incident.get("level").asString()).isEqualTo("IV");
		assertThat(incident.get("title").asString()).isEqualTo("CIVIL UNREST; REQUEST MUTUAL AID");
		assertThat(incident.get("countyCode").asString()).isEqualTo("350203");
		assertThat(incident.get("cityCode").asString()).isEqualTo("350200");
		assertThat(incident.get("latitude").asDouble()).isEqualTo(24.45);
		assertThat(Instant.parse(incident.get("occurredAt").asString())).isEqualTo(Instant.parse("2020-10-29T18:40:04.337Z"));
		JsonNode export = hub.getJson("/api/incidents/" + first.get("incidentId").asString() + "/eido", officer);
		assertThat(export.get("linkComponent").get(0).get("incidentTrackingIdentification").asString())
			.isEqualTo("urn:emergency:uid:incidentid:0:psap.allegheny.pa.us");
		assertThat(imported(hub, officer, "", export.toString()).get("incidentId")).isEqualTo(first.get("incidentId"));
	}

	@Test
	void importsTheSampleWithLowerCaseFieldNamesAndTheDefaultCategory() throws Exception {
		String eido = sample("Sample_call_transfer_EIDO.json");

		JsonNode first = imported(hub, officer, SIMING, eido);

		assertThat(imported(hub, officer, SIMING, eido).get("incidentId")).isEqualTo(first.get("incidentId"));
		JsonNode incident = hub.getJson("/api/incidents/" + first.get("incidentId").asString(), officer);
		assertThat(incident.get("category").asString()).isEqualTo("35");
		assertThat(incident.get("title").asString()).isEqualTo("EIDO incident urn:emergency:uid:incidentid:a56e556d871:bcf.state.pa.us");
		assertThat(Instant.parse(incident.get("occurredAt").asString())).isEqualTo(Instant.parse("2021-04-30T18:40:00Z"));
		assertThat(first.get("notes").toString()).contains("35 was taken");
	}

	@Test
	void refusesTheSamplesWithoutALocationInTheProvince() throws Exception {
		refused("", sample("Sample_EIDO.json"), 400, "EIDO_LOCATION_UNUSABLE", "location");
		refused("", sample("Sample_call_transfer_EIDO.json"), 400, "EIDO_LOCATION_UNUSABLE", "location");
		refused("?latitude=24.45&longitude=118.08", sample("Sample_EIDO.json"), 400, "EIDO_COUNTY_UNDETERMINED", "countyCode");
		refused("?latitude=40.44&longitude=-80.0&countyCode=350203", sample("Sample_EIDO.json"), 400,
				"LOCATION_OUTSIDE_PROVINCE", "location");
	}

	@Test
	void refusesAnEidoWhosePositionIsOutsideTheProvince() throws Exception {
		ObjectNode eido = (ObjectNode) exportOf(Reports.xiamen("eido-outside"));
		ObjectNode location = (ObjectNode) eido.get("locationInformationComponent").get(0);
		location.put("locationByValue", location.get("locationByValue").asString().replace("<gml:pos>24.48 118.09", "<gml:pos>40.44 -80.0"));
		eido.put("$id", "urn:emergency:uid:incidentid:outside:example.org");
		eido.put("incidentTrackingIdentifier", "urn:emergency:uid:incidentid:outside:example.org");

		refused("", eido.toString(), 400, "LOCATION_OUTSIDE_PROVINCE", "location");
	}

	@Test
	void refusesMalformedEidoWithAClearCode() {
		refused("", "[1, 2]", 400, "EIDO_INVALID", "$");
		refused(SIMING, "{\"$id\":\"urn:x\",\"lastUpdateTimeStamp\":\"2026-11-23T01:00:00Z\"}", 400, "EIDO_INVALID", "EIDOVersion");
		refused(SIMING, "{\"eidoVersion\":\"1.0\",\"lastUpdateTimeStamp\":\"2026-11-23T01:00:00Z\"}", 400, "EIDO_INVALID",
				"incidentTrackingIdentifier");
		importEido(hub, officer, SIMING, "{not json").expectStatus().isBadRequest().expectBody()
			.jsonPath("$.code").isEqualTo("INVALID_REQUEST");
	}

	@Test
	void reimportOfOurExportIsTheSameIncident() {
		JsonNode receipt = xiamen.request("incidents.report", Reports.xiamen("eido-same")).block(Duration.ofSeconds(10));
		String id = receipt.get("incidentId").asString();
		JsonNode eido = hub.getJson("/api/incidents/" + id + "/eido", officer);

		JsonNode byOfficer = imported(hub, officer, "", eido.toString());
		JsonNode byCity = imported(hub, xiamenToken, "", eido.toString());

		assertThat(byOfficer.get("incidentId").asString()).isEqualTo(id);
		assertThat(byOfficer.get("ownExport").asBoolean()).isTrue();
		assertThat(byOfficer.get("seq").asLong()).isEqualTo(receipt.get("seq").asLong());
		assertThat(byCity.get("incidentId").asString()).isEqualTo(id);
	}

	@Test
	void exportIsAnEidoOfOurs() {
		JsonNode eido = exportOf(Reports.xiamen("eido-shape"));

		String urn = eido.get("incidentTrackingIdentifier").asString();
		assertThat(urn).startsWith("urn:emergency:uid:incidentid:").endsWith(":emergency.fj.gov.cn");
		assertThat(eido.get("$id").asString()).isEqualTo(urn);
		assertThat(eido.get("EIDOVersion").asString()).isEqualTo("1.0");
		assertThat(eido.get("lastUpdateTimeStamp").asString()).endsWith("+08:00");
		assertThat(eido.get("agencyComponent").get(0).get("organizationIdentification").asString()).isEqualTo("emergency.fj.gov.cn");
		assertThat(eido.get("agentComponent").get(0).get("agentIdentification").asString()).isEqualTo("command-hub@emergency.fj.gov.cn");
		JsonNode incident = eido.get("incidentComponent").get(0);
		assertThat(incident.get("incidentTypeInternalCode").asString()).isEqualTo("GB/T 35561:11");
		assertThat(incident.get("incidentTypeCommonRegistryText").asString()).isEqualTo("Flood");
		assertThat(incident.get("incidentStatusInternalText").get(0).asString()).isEqualTo("REPORTED");
		assertThat(incident.get("incidentPriorityInternalText").asString()).isEqualTo("level:III");
		assertThat(eido.get("locationInformationComponent").get(0).get("locationByValue").asString())
			.contains("<gml:pos>24.48 118.09</gml:pos>").contains("<ca:A3>思明区</ca:A3>");
	}

	@Test
	void exportImportedIntoAFreshHubGivesAnEqualIncident() {
		Map<String, Object> report = Reports.xiamen("eido-trip");
		report.put("exercise", true);
		report.put("level", "II");
		report.put("description", "Knee-deep water <and> rising & spreading");
		JsonNode eido = exportOf(report);
		String id = eido.get("incidentComponent").get(0).get("internalIncidentId").asString();
		JsonNode original = hub.getJson("/api/incidents/" + id, officer);
		String freshOfficer = fresh.dutyOfficerToken();

		JsonNode first = imported(fresh, freshOfficer, "", eido.toString());
		JsonNode again = imported(fresh, freshOfficer, "", eido.toString());

		assertThat(again.get("incidentId")).isEqualTo(first.get("incidentId"));
		assertThat(first.get("ownExport").asBoolean()).isFalse();
		JsonNode copy = fresh.getJson("/api/incidents/" + first.get("incidentId").asString(), freshOfficer);
		for (String field : List.of("category", "level", "title", "description", "latitude", "longitude", "cityCode",
				"countyCode", "exercise")) {
			assertThat(copy.get(field)).as(field).isEqualTo(original.get(field));
		}
		assertThat(Instant.parse(copy.get("occurredAt").asString())).isEqualTo(Instant.parse(original.get("occurredAt").asString()));
	}

	@Test
	void cityPlatformImportsOnlyIntoItsOwnCity() throws Exception {
		String fuzhou = hub.cityPlatformToken("350100").get("token").asString();

		importEido(hub, fuzhou, SIMING, sample("Sample_EIDO.json")).expectStatus().isForbidden().expectBody()
			.jsonPath("$.code").isEqualTo("AREA_OUTSIDE_CITY");
		JsonNode own = imported(hub, fuzhou, "?countyCode=350102&latitude=26.08&longitude=119.30", sample("Sample_EIDO.json"));
		assertThat(own.get("cityCode").asString()).isEqualTo("350100");
	}

	/** The export of a newly reported incident. */
	static JsonNode exportOf(Map<String, Object> report) {
		String id = xiamen.request("incidents.report", report).block(Duration.ofSeconds(10)).get("incidentId").asString();
		return hub.getJson("/api/incidents/" + id + "/eido", officer);
	}

}
