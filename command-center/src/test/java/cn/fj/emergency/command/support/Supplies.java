package cn.fj.emergency.command.support;

import java.util.HashMap;
import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Stock movements and supply requests for tests, and HTTP calls with a JSON body. */
public final class Supplies {

	private Supplies() {
	}

	public static Map<String, Object> movement(String movementId, String depot, String item, String type, long quantity) {
		Map<String, Object> movement = new HashMap<>();
		movement.put("movementId", movementId);
		movement.put("depotCode", depot);
		movement.put("itemCode", item);
		movement.put("type", type);
		movement.put("quantity", quantity);
		if (type.equals("ADJUSTMENT")) {
			movement.put("reason", "stock count");
		}
		return movement;
	}

	/** A JSON request with a bearer token; the caller states what it expects of the response. */
	public static WebTestClient.ResponseSpec send(Hub hub, HttpMethod method, String uri, String token, Object body) {
		return hub.http()
			.method(method)
			.uri(uri)
			.headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	/** POST expecting 200 and a JSON body. */
	public static JsonNode post(Hub hub, String uri, String token, Object body) {
		return send(hub, HttpMethod.POST, uri, token, body).expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	/** The refusal's code, expecting the status. */
	public static String refusal(Hub hub, HttpMethod method, String uri, String token, Object body, int status) {
		JsonNode problem = send(hub, method, uri, token, body).expectStatus()
			.isEqualTo(status)
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		return problem.get("code").asString();
	}

}
