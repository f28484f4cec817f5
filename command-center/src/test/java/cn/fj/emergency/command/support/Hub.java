package cn.fj.emergency.command.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.CommandCenterApplication;

/**
 * One running hub instance in this JVM, on real PostgreSQL and Redis from {@link TestInfrastructure}. Instances
 * made by {@link #cluster} share one fresh database, one Redis namespace and one signing key: a hub of several
 * instances, isolated from other test classes.
 */
public final class Hub implements AutoCloseable {

	public static final String ADMIN_PASSWORD = "admin-password-for-tests";

	private final ConfigurableApplicationContext context;

	private final int httpPort;

	private final int cityLinkPort;

	private Hub(ConfigurableApplicationContext context) {
		this.context = context;
		this.httpPort = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
		this.cityLinkPort = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.rsocket.server.port"));
	}

	/** Settings for instances that share one fresh database and Redis namespace. */
	public static Map<String, Object> freshHubSettings() {
		TestInfrastructure infra = TestInfrastructure.get();
		String database = infra.newDatabase();
		String id = database.replaceAll("[^a-z0-9]", "");
		Path base = Path.of("target", "test-hubs", id).toAbsolutePath();
		Map<String, Object> settings = new HashMap<>();
		settings.put("spring.r2dbc.url", infra.r2dbcUrl(database));
		settings.put("spring.r2dbc.username", infra.username());
		settings.put("spring.r2dbc.password", infra.password());
		settings.put("hub.jdbc.url", infra.jdbcUrl(database));
		settings.put("hub.jdbc.username", infra.username());
		settings.put("hub.jdbc.password", infra.password());
		settings.put("spring.data.redis.url", infra.redisUrl());
		settings.put("hub.redis.namespace", "hub-" + id);
		settings.put("hub.data-dir", base.resolve("data").toString());
		settings.put("hub.security.key-dir", base.resolve("keys").toString());
		settings.put("hub.security.bootstrap-admin-password", ADMIN_PASSWORD);
		settings.put("server.port", "0");
		settings.put("hub.city-link.port", "0");
		settings.put("hub.city-link.address", "127.0.0.1");
		// test reports share one place and time, so every later one would be flagged as a likely duplicate and its
		// incident.duplicate-suspected event would sit between the events tests expect; tests of the screen turn it on
		settings.put("hub.incidents.duplicates.enabled", "false");
		// an audit.anchor event (docs/audit.md) would sit between the events tests expect; tests of anchoring shorten it
		settings.put("hub.audit.anchor-interval", "1h");
		// tests' webhook receivers listen on this machine's loopback, which the hub refuses unless allowed
		settings.put("hub.channels.webhook.allowed-targets", "127.0.0.1");
		if (!infra.durable()) {
			// the shared PostgreSQL runs with fsync off for speed; the benchmark harness's is durable, and never says this
			settings.put("hub.database.allow-non-durable", "true");
		}
		return settings;
	}

	public static Hub start(Map<String, Object> settings) {
		// as command-line arguments, so that they win over application.yml as an operator's would
		String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandCenterApplication.class).run(args);
		return new Hub(context);
	}

	/** Several instances of one hub. */
	public static List<Hub> cluster(int instances) {
		Map<String, Object> settings = freshHubSettings();
		return java.util.stream.IntStream.range(0, instances).mapToObj(i -> start(settings)).toList();
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	public int httpPort() {
		return this.httpPort;
	}

	public int cityLinkPort() {
		return this.cityLinkPort;
	}

	public WebTestClient http() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.httpPort)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	/** GET with a bearer token, expecting 200 and a JSON body. */
	public JsonNode getJson(String uri, String token) {
		return this.http()
			.get()
			.uri(uri)
			.headers(h -> h.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	/** POST a JSON body with a bearer token, expecting the status and answering the JSON body. */
	public JsonNode postJson(String uri, String token, Object body, int status) {
		return this.http()
			.post()
			.uri(uri)
			.headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	public String signIn(String username, String password) {
		JsonNode body = this.http()
			.post()
			.uri("/api/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username, "password", password))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		return body.get("token").asString();
	}

	public String adminToken() {
		return signIn("admin", ADMIN_PASSWORD);
	}

	/** A new officer with the roles (province-wide, or confined to {@code city}), signed in. */
	public String officerToken(String city, String... roles) {
		String username = "officer-" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> request = new HashMap<>();
		request.put("username", username);
		request.put("password", "officer-password");
		request.put("roles", Set.of(roles));
		request.put("cityCode", city);
		this.http()
			.post()
			.uri("/api/admin/officers")
			.headers(h -> h.setBearerAuth(adminToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request)
			.exchange()
			.expectStatus()
			.isCreated()
			// read, so that the response's buffers are released
			.expectBody()
			.returnResult();
		return signIn(username, "officer-password");
	}

	public String dutyOfficerToken() {
		return officerToken(null, "DUTY_OFFICER");
	}

	/** A service token for a city platform: {@code token} and {@code tokenId}. */
	public JsonNode cityPlatformToken(String city) {
		Map<String, Object> request = Map.of("subject", "platform-" + city, "roles", Set.of("CITY_PLATFORM"), "cityCode",
				city, "description", "test platform");
		return this.http()
			.post()
			.uri("/api/admin/service-tokens")
			.headers(h -> h.setBearerAuth(adminToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	public HubClient city(String city) {
		return HubClient.tcp(this.cityLinkPort, cityPlatformToken(city).get("token").asString());
	}

	public HubClient console(String token) {
		return HubClient.websocket(this.httpPort, token);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
