package cn.fj.emergency.command.inbound;

import java.util.Map;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Conformance;
import cn.fj.emergency.command.support.Hub;

/** Test support of inbound warnings: the CAP corpus (test class path, conformance/cap), a department's token, a push. */
final class InboundCap {

	static final MediaType CAP = MediaType.parseMediaType("application/cap+xml");

	private InboundCap() {
	}

	static byte[] corpus(String folder, String name) {
		return Conformance.bytes("cap/" + folder + "/" + name);
	}

	/**
	 * Settings under which the department {@code subject} pushes as {@code senders} (the corpus's alerts come from
	 * many senders; a department's token is bound to its own).
	 */
	static Map<String, Object> withSenders(Map<String, Object> settings, String subject, String... senders) {
		settings.put("hub.inbound.senders." + subject, String.join(",", senders));
		return settings;
	}

	static String departmentToken(Hub hub, String subject) {
		JsonNode issued = hub.http().post().uri("/api/admin/service-tokens").headers(h -> h.setBearerAuth(hub.adminToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("subject", subject, "roles", Set.of("DEPARTMENT"), "description", "test"))
			.exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
		return issued.get("token").asString();
	}

	static WebTestClient.ResponseSpec push(Hub hub, String token, byte[] cap) {
		return hub.http().post().uri("/api/inbound-warnings").headers(h -> h.setBearerAuth(token))
			.contentType(CAP).bodyValue(cap).exchange();
	}

}
