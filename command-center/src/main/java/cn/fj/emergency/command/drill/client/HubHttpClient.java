package cn.fj.emergency.command.drill.client;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The hub's HTTP API (docs/http-api.md) as the scenario player needs it: officers sign in, administrators issue and
 * revoke service tokens, departments push CAP alerts, officers compose, review and publish warnings under dual
 * control, commanders issue orders, cities request supplies. Every call takes the bearer token it acts with; a
 * refusal (problem detail) becomes a {@link HubRefusal} with the hub's code.
 */
public final class HubHttpClient {

	private static final MediaType CAP_XML = MediaType.parseMediaType("application/cap+xml");

	private final URI baseUrl;

	private final WebClient web;

	private final Duration timeout;

	public HubHttpClient(URI baseUrl, Duration timeout) {
		this.baseUrl = baseUrl;
		this.timeout = timeout;
		this.web = WebClient.builder().baseUrl(baseUrl.toString()).build();
	}

	public URI baseUrl() {
		return this.baseUrl;
	}

	/** {@code POST /api/auth/token}: the issued token ({@code token}, {@code roles}, {@code expiresAt}, …). */
	public Mono<JsonNode> signIn(String username, String password) {
		return post("/api/auth/token", null, Map.of("username", username, "password", password));
	}

	/** {@code POST /api/admin/officers} (ADMIN). */
	public Mono<JsonNode> registerOfficer(String adminToken, String username, String password, Set<String> roles,
			@Nullable String cityCode) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("password", password);
		body.put("roles", roles);
		body.put("cityCode", cityCode);
		return post("/api/admin/officers", adminToken, body);
	}

	/**
	 * {@code POST /api/admin/service-tokens} (ADMIN): a token for a city platform ({@code cityCode} set) or a
	 * department ({@code cityCode} null), valid for {@code validFor}. Answers {@code token} and {@code tokenId}.
	 */
	public Mono<JsonNode> issueServiceToken(String adminToken, String subject, String role, @Nullable String cityCode,
			String description, Duration validFor) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("subject", subject);
		body.put("roles", List.of(role));
		if (cityCode != null) {
			body.put("cityCode", cityCode);
		}
		body.put("description", description);
		body.put("validFor", validFor.toString());
		return post("/api/admin/service-tokens", adminToken, body);
	}

	/** {@code POST /api/admin/service-tokens/{id}/revoke} (ADMIN). */
	public Mono<JsonNode> revokeServiceToken(String adminToken, String tokenId) {
		return post("/api/admin/service-tokens/" + tokenId + "/revoke", adminToken, null);
	}

	/** {@code POST /api/inbound-warnings} with a DEPARTMENT token: one CAP 1.2 alert; answers {@code {alerts: [...]}}. */
	public Mono<JsonNode> pushInboundWarning(String departmentToken, String capXml) {
		return exchange(this.web.post()
			.uri("/api/inbound-warnings")
			.headers(bearer(departmentToken))
			.contentType(CAP_XML)
			.bodyValue(capXml));
	}

	/** {@code POST /api/warnings}: a draft from JSON {@code WarningContent}; answers its {@code WarningView}. */
	public Mono<JsonNode> composeWarning(String token, Map<String, ?> content) {
		return post("/api/warnings", token, content);
	}

	/** {@code POST /api/warnings/{id}/submit} by the author. */
	public Mono<JsonNode> submitWarning(String token, String identifier) {
		return post("/api/warnings/" + identifier + "/submit", token, null);
	}

	/** {@code POST /api/warnings/{id}/approve} by a second officer (a COMMANDER for orange and red). */
	public Mono<JsonNode> approveWarning(String token, String identifier, @Nullable String comment) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("comment", comment);
		return post("/api/warnings/" + identifier + "/approve", token, body);
	}

	/** {@code POST /api/warnings/{id}/publish}. */
	public Mono<JsonNode> publishWarning(String token, String identifier) {
		return post("/api/warnings/" + identifier + "/publish", token, null);
	}

	/** {@code POST /api/warnings/{id}/cancel}: a Cancel draft of a published warning. */
	public Mono<JsonNode> cancelWarning(String token, String identifier) {
		return post("/api/warnings/" + identifier + "/cancel", token, null);
	}

	/** {@code POST /api/warnings/{id}/update}: an Update draft of a published warning with new content. */
	public Mono<JsonNode> updateWarning(String token, String identifier, Map<String, ?> content) {
		return post("/api/warnings/" + identifier + "/update", token, content);
	}

	/** {@code GET /api/deliveries/{identifier}}: the warning's delivery ledger rows. */
	public Mono<JsonNode> deliveries(String token, String identifier) {
		return get("/api/deliveries/" + identifier, token);
	}

	/** {@code POST /api/orders} (COMMANDER): an {@code OrderRequest}; answers the {@code CommandOrder}. */
	public Mono<JsonNode> issueOrder(String commanderToken, Map<String, ?> order) {
		return post("/api/orders", commanderToken, order);
	}

	/** {@code POST /api/supplies/requests}: a supply request (a city platform's own city, or an officer's). */
	public Mono<JsonNode> requestSupplies(String token, Map<String, ?> request) {
		return post("/api/supplies/requests", token, request);
	}

	/** Any GET with a bearer token. */
	public Mono<JsonNode> get(String path, String token) {
		return exchange(this.web.get().uri(path).headers(bearer(token)));
	}

	/** Any DELETE with a bearer token; completes on a 2xx answer. */
	public Mono<Void> delete(String path, String token) {
		return exchange(this.web.delete().uri(path).headers(bearer(token))).then();
	}

	/** Any JSON POST; {@code token} null for open endpoints, {@code body} null for none. */
	public Mono<JsonNode> post(String path, @Nullable String token, @Nullable Object body) {
		WebClient.RequestBodySpec spec = this.web.post().uri(path).headers(bearer(token));
		return exchange(body == null ? spec : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body));
	}

	private static java.util.function.Consumer<HttpHeaders> bearer(@Nullable String token) {
		return headers -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		};
	}

	private Mono<JsonNode> exchange(WebClient.RequestHeadersSpec<?> request) {
		return request.exchangeToMono(HubHttpClient::read).timeout(this.timeout);
	}

	private static Mono<JsonNode> read(ClientResponse response) {
		if (response.statusCode().is2xxSuccessful()) {
			return response.bodyToMono(String.class)
				.map(RSocketLink.JSON::readTree)
				.defaultIfEmpty(JsonNodeFactory.instance.objectNode());
		}
		int status = response.statusCode().value();
		return response.bodyToMono(String.class)
			.defaultIfEmpty("")
			.flatMap(body -> Mono.error(refusal(status, body)));
	}

	private static HubRefusal refusal(int status, String body) {
		JsonNode json;
		try {
			json = body.startsWith("{") ? RSocketLink.JSON.readTree(body) : JsonNodeFactory.instance.objectNode();
		}
		catch (tools.jackson.core.JacksonException notJson) {
			json = JsonNodeFactory.instance.objectNode();
		}
		if (!json.has("code")) {
			json = JsonNodeFactory.instance.objectNode()
				.put("code", "HTTP_" + status)
				.put("message", body)
				.put("retryable", status >= 500);
		}
		return HubRefusal.of(json, status, null);
	}

}
