package cn.fj.emergency.command.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/** The incident HTTP API as the tests call it: answers as JSON, with the status they must have. */
final class IncidentApi {

	private final Hub hub;

	IncidentApi(Hub hub) {
		this.hub = hub;
	}

	JsonNode post(String uri, String token, Object body, int status) {
		return this.hub.postJson(uri, token, body, status);
	}

	JsonNode get(String uri, String token, int status) {
		return this.hub.http()
			.get()
			.uri(uri)
			.headers(h -> h.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	/** Reports a new incident in Xiamen with the city platform's token; answers the receipt. */
	JsonNode reportInXiamen(String cityToken) {
		return post("/api/incidents", cityToken, Reports.xiamen("wf-" + UUID.randomUUID()), 200);
	}

	JsonNode status(String id, String token, Map<String, Object> change, int expected) {
		return post("/api/incidents/" + id + "/status", token, change, expected);
	}

	JsonNode moveTo(String id, String token, String status) {
		Map<String, Object> change = new java.util.HashMap<>();
		change.put("status", status);
		if (status.equals("DISMISSED")) {
			change.put("reason", "false alarm");
		}
		return status(id, token, change, 200);
	}

	/** A new incident walked along the workflow to {@code status} (MERGED into {@code mergeTarget}). */
	String incidentAt(String cityToken, String officer, String status, String mergeTarget) {
		String id = reportInXiamen(cityToken).get("incidentId").asString();
		List<String> path = new ArrayList<>();
		for (String step : List.of("VERIFIED", "RESPONDING", "CONTAINED", "CLOSED")) {
			if (Set.of("REPORTED", "MERGED", "DISMISSED").contains(status)) {
				break;
			}
			path.add(step);
			if (step.equals(status)) {
				break;
			}
		}
		path.forEach(step -> moveTo(id, officer, step));
		if (status.equals("DISMISSED")) {
			moveTo(id, officer, "DISMISSED");
		}
		if (status.equals("MERGED")) {
			status(id, officer, Map.of("status", "MERGED", "mergedInto", mergeTarget), 200);
		}
		assertThat(get("/api/incidents/" + id, officer, 200).get("status").asString()).isEqualTo(status);
		return id;
	}

	JsonNode serviceToken(String subject, String role, String city) {
		Map<String, Object> request = new java.util.HashMap<>();
		request.put("subject", subject);
		request.put("roles", Set.of(role));
		request.put("cityCode", city);
		request.put("description", "test " + role);
		return post("/api/admin/service-tokens", this.hub.adminToken(), request, 201);
	}

	String username(String token) {
		return get("/api/auth/me", token, 200).get("subject").asString();
	}

	static List<JsonNode> list(JsonNode array) {
		List<JsonNode> items = new ArrayList<>();
		array.forEach(items::add);
		return items;
	}

}
