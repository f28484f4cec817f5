package cn.fj.emergency.command.inbound;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Officers act on an inbound warning: {@code /draft} makes a public warning draft of the hub's from its alert (even
 * an Update), {@code /incident} raises one incident (the officer supplying category, level, county and position),
 * and a department may do neither.
 */
class InboundWarningActionsTest {

	static Hub hub;

	static String department;

	static String officer;

	@BeforeAll
	static void startHub() {
		hub = Hub.start(InboundCap.withSenders(Hub.freshHubSettings(), "met-bureau", "cap@ec.gc.ca",
				"KSTO@NWS.NOAA.GOV", "trinet@caltech.edu", "KARO@CLETS.DOJ.CA.GOV"));
		department = InboundCap.departmentToken(hub, "met-bureau");
		officer = hub.officerToken(null, "DUTY_OFFICER");
	}

	@AfterAll
	static void stopHub() {
		hub.close();
	}

	static long stored(String name) {
		return InboundCap.push(hub, department, InboundCap.corpus("valid", name)).expectStatus().is2xxSuccessful()
			.expectBody(JsonNode.class).returnResult().getResponseBody().get("alerts").get(0).get("warning").get("id")
			.asLong();
	}

	static Map<String, Object> details() {
		Map<String, Object> details = new HashMap<>();
		details.put("category", "1301");
		details.put("level", "IV");
		details.put("countyCode", "350203");
		details.put("latitude", 24.45);
		details.put("longitude", 118.08);
		return details;
	}

	@Test
	void draftsAPublicWarningOfTheHubsFromAnInboundUpdate() {
		long id = stored("canada.cap");

		JsonNode draft = hub.postJson("/api/inbound-warnings/" + id + "/draft", officer, Map.of(), 201);

		assertThat(draft.get("state").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("msgType").asString()).isEqualTo("Alert");
		assertThat(draft.get("identifier").asString()).isNotEqualTo("2.49.0.1.124.6bddbc91.2012");
		String identifier = draft.get("identifier").asString();
		assertThat(hub.getJson("/api/warnings/" + identifier, officer).get("state").asString()).isEqualTo("DRAFT");
	}

	@Test
	void draftsACap12WarningFromACap11InboundWarning() {
		// given the AMBER alert of the CAP 1.1 specification (appendix A.4), under an identifier of its own
		byte[] cap11 = new String(InboundCap.corpus("v1dot1", "v1dot1_appendix_adot4.xml"), StandardCharsets.UTF_8)
			.replace("KAR0-0306112239-SW", "KAR0-0306112239-SW-11").getBytes(StandardCharsets.UTF_8);
		long id = InboundCap.push(hub, department, cap11).expectStatus().isCreated().expectBody(JsonNode.class)
			.returnResult().getResponseBody().get("alerts").get(0).get("warning").get("id").asLong();

		JsonNode draft = hub.postJson("/api/inbound-warnings/" + id + "/draft", officer, Map.of(), 201);

		// then the hub's draft is CAP 1.2, whatever version the department wrote
		String cap = hub.http().get().uri("/api/warnings/" + draft.get("identifier").asString() + "/cap")
			.headers(h -> h.setBearerAuth(officer)).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(cap).contains("urn:oasis:names:tc:emergency:cap:1.2").doesNotContain("cap:1.1")
			.contains("<event>Child Abduction</event>");
	}

	@Test
	void raisesOneIncidentFromAnInboundWarning() {
		long id = stored("v1dot2_appendix_adot3.xml");

		JsonNode receipt = hub.postJson("/api/inbound-warnings/" + id + "/incident", officer, details(), 201);
		JsonNode again = hub.postJson("/api/inbound-warnings/" + id + "/incident", officer, details(), 201);

		assertThat(receipt.get("reportId").asString()).isEqualTo("inbound-" + id);
		assertThat(again.get("incidentId").asString()).isEqualTo(receipt.get("incidentId").asString());
		JsonNode incident = hub.getJson("/api/incidents/" + receipt.get("incidentId").asString(), officer);
		assertThat(incident.toString()).contains("TRI13970876.2").contains("350203");
	}

	@Test
	void refusesAnIncidentWithoutACategory() {
		long id = stored("v1dot2_appendix_adot4.xml");
		Map<String, Object> details = details();
		details.remove("category");

		hub.http().post().uri("/api/inbound-warnings/" + id + "/incident").headers(h -> h.setBearerAuth(officer))
			.bodyValue(details).exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("FIELD_REQUIRED");
	}

	@Test
	void answersNotFoundForAnUnknownInboundWarning() {
		hub.http().post().uri("/api/inbound-warnings/999999/draft").headers(h -> h.setBearerAuth(officer)).exchange()
			.expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("INBOUND_WARNING_NOT_FOUND");
	}

	@Test
	void refusesADepartmentActingOnAnInboundWarning() {
		long id = stored("v1dot2_appendix_adot2.xml");

		hub.postJson("/api/inbound-warnings/" + id + "/draft", department, Map.of(), 403);
		hub.postJson("/api/inbound-warnings/" + id + "/incident", department, details(), 403);
	}

}
