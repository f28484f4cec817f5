package cn.fj.emergency.command.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import io.rsocket.frame.FrameType;
import io.rsocket.metadata.CompositeMetadataCodec;
import io.rsocket.metadata.TaggingMetadataCodec;
import io.rsocket.metadata.WellKnownMimeType;
import io.rsocket.util.ByteBufPayload;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.handler.CompositeMessageCondition;
import org.springframework.messaging.handler.DestinationPatternsMessageCondition;
import org.springframework.messaging.rsocket.annotation.support.RSocketFrameTypeMessageCondition;
import org.springframework.messaging.rsocket.annotation.support.RSocketMessageHandler;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route the hub dispatches, HTTP and RSocket, read from the handler mappings themselves, probed with each role,
 * anonymously and with path tricks: each answer is what {@link AccessPolicy} declares. Allowed callers never meet the
 * access check's refusals (whatever the handler then says of the made-up request); others get 401 or 403 with the
 * code; a path trick is refused as PATH_REJECTED or decided exactly as the plain path. A dispatched route the policy
 * does not list fails here.
 */
class EveryRouteAnswersItsRuleTest {

	/** A made-up id in the hub's UUID form: no such thing exists, so handlers refuse it without changing anything. */
	private static final String SAMPLE_ID = "0193a0c4-0000-7000-8000-00000000beef";

	private static final Pattern CAPTURE = Pattern.compile("\\{\\*[^}]+}|\\*\\*");

	private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

	/** The refusals of the access check itself; handlers have refusals of their own, which are not its concern. */
	private static final Set<String> ACCESS_CODES = Set.of("AUTHENTICATION_REQUIRED", "ACCESS_DENIED", "PATH_REJECTED",
			"TOKEN_INVALID", "TOKEN_EXPIRED", "TOKEN_REVOKED");

	static Hub hub;

	static HttpClient http;

	/** One token per role; the null key is the anonymous caller. */
	static final Map<Role, String> tokens = new EnumMap<>(Role.class);

	@BeforeAll
	static void startHubAndIssueOneTokenPerRole() {
		hub = Hub.cluster(1).get(0);
		http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		tokens.put(Role.ADMIN, hub.adminToken());
		tokens.put(Role.DUTY_OFFICER, hub.officerToken(null, "DUTY_OFFICER"));
		tokens.put(Role.COMMANDER, hub.officerToken(null, "COMMANDER"));
		tokens.put(Role.CITY_PLATFORM, hub.cityPlatformToken("350200").get("token").asString());
		for (Role service : List.of(Role.DEPARTMENT, Role.INTAKE_SYSTEM, Role.CHANNEL_GATEWAY)) {
			tokens.put(service, serviceToken(service));
		}
		assertThat(tokens.keySet()).containsExactlyInAnyOrder(Role.values());
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	private static String serviceToken(Role role) {
		Map<String, Object> request = Map.of("subject", "probe-" + role.name().toLowerCase(java.util.Locale.ROOT), "roles",
				Set.of(role.name()), "description", "access probe");
		JsonNode issued = hub.postJson("/api/admin/service-tokens", tokens.get(Role.ADMIN), request, 201);
		return issued.get("token").asString();
	}

	// ---------------------------------------------------------------- HTTP

	record Endpoint(String method, String pattern, String path) {
	}

	/** The handler methods of every request mapping in the running hub (the API's and the actuator's). */
	static List<Endpoint> dispatchedHttp() {
		Set<Endpoint> endpoints = new LinkedHashSet<>();
		for (RequestMappingInfoHandlerMapping mapping : hub.context().getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				Set<RequestMethod> probed = methods.isEmpty()
						? Set.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE) : methods;
				for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
					for (RequestMethod method : probed) {
						endpoints.add(new Endpoint(method.name(), pattern.getPatternString(), concrete(pattern.getPatternString())));
					}
				}
			}
		}
		return new ArrayList<>(endpoints);
	}

	private static String concrete(String pattern) {
		return VARIABLE.matcher(CAPTURE.matcher(pattern).replaceAll("x")).replaceAll(SAMPLE_ID);
	}

	enum Decision {

		ALLOWED, UNAUTHENTICATED, DENIED, PATH_REJECTED

	}

	record Answer(int status, @Nullable String code) {

		Decision decision() {
			if (this.code == null || !ACCESS_CODES.contains(this.code)) {
				return Decision.ALLOWED;
			}
			return switch (this.code) {
				case "AUTHENTICATION_REQUIRED" -> Decision.UNAUTHENTICATED;
				case "ACCESS_DENIED" -> Decision.DENIED;
				case "PATH_REJECTED" -> Decision.PATH_REJECTED;
				default -> throw new AssertionError("a valid token was refused: " + this);
			};
		}

	}

	static Decision declared(Endpoint endpoint, @Nullable Role role) {
		Set<Role> roles = AccessPolicy.rolesForHttp(endpoint.method(), endpoint.path());
		if (roles == null) {
			return Decision.ALLOWED;
		}
		if (role == null) {
			return Decision.UNAUTHENTICATED;
		}
		return roles.contains(role) ? Decision.ALLOWED : Decision.DENIED;
	}

	private static Answer send(String method, String rawPath, @Nullable Role role) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.httpPort() + rawPath))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString("{}"));
		if (role != null) {
			request.header("Authorization", "Bearer " + tokens.get(role));
		}
		try {
			HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				String type = response.headers().firstValue("Content-Type").orElse("");
				if (!type.startsWith("application/problem+json")) {
					return new Answer(response.statusCode(), null);
				}
				JsonNode problem = HubClient.JSON.readTree(new String(body.readAllBytes(), StandardCharsets.UTF_8));
				return new Answer(response.statusCode(), problem.path("code").asString(null));
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(method + " " + rawPath, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static List<@Nullable Role> callers() {
		List<@Nullable Role> callers = new ArrayList<>();
		callers.add(null);
		callers.addAll(List.of(Role.values()));
		return callers;
	}

	@Test
	void everyDispatchedApiRouteIsListedInTheAccessPolicy() {
		List<Endpoint> endpoints = dispatchedHttp();
		assertThat(endpoints).as("the hub's handler methods").hasSizeGreaterThan(50);
		List<String> unlisted = endpoints.stream()
			.filter(e -> e.path().startsWith("/api/"))
			.filter(e -> AccessPolicy.ruleForHttp(e.method(), e.path()) == AccessPolicy.UNLISTED_API)
			.map(e -> e.method() + " " + e.pattern())
			.toList();
		assertThat(unlisted).as("API routes that only the administrators' catch-all covers: list them in AccessPolicy").isEmpty();
	}

	@Test
	void everyHttpRouteAnswersEachRoleAndAnonymousCallersAsDeclared() {
		List<String> wrong = new ArrayList<>();
		for (Endpoint endpoint : dispatchedHttp()) {
			for (Role role : callers()) {
				Decision expected = declared(endpoint, role);
				Answer answer = send(endpoint.method(), endpoint.path(), role);
				if (answer.decision() != expected || !statusFits(expected, answer)) {
					wrong.add(endpoint.method() + " " + endpoint.path() + " as " + role + ": expected " + expected + ", got " + answer);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	private static boolean statusFits(Decision decision, Answer answer) {
		return switch (decision) {
			case UNAUTHENTICATED -> answer.status() == 401;
			case DENIED -> answer.status() == 403;
			case PATH_REJECTED -> answer.status() == 400;
			case ALLOWED -> true;
		};
	}

	/** Spellings of the same path that a router or an intermediary may read differently from the plain one. */
	static Map<String, String> tricks(String path) {
		int second = path.indexOf('/', 1);
		String first = second < 0 ? path : path.substring(0, second);
		String rest = second < 0 ? "" : path.substring(second);
		Map<String, String> tricks = new java.util.LinkedHashMap<>();
		tricks.put("encoded letter", "/%" + Integer.toHexString(path.charAt(1)) + path.substring(2));
		tricks.put("encoded letter in the last segment", encodeLastSegmentLetter(path));
		tricks.put("matrix parameter at the end", path + ";x");
		tricks.put("matrix parameter in the first segment", first + ";x" + rest);
		tricks.put("double slash", first + "/" + rest);
		tricks.put("leading double slash", "/" + path);
		tricks.put("encoded slash", first + "%2F" + rest.substring(Math.min(1, rest.length())));
		tricks.put("encoded dot segment", first + "/%2e" + rest);
		tricks.put("dot segment", first + "/." + rest);
		tricks.put("dot-dot segment", first + "/x/.." + rest);
		tricks.put("encoded percent", first + "/%2561" + rest);
		tricks.put("backslash", first + "%5C" + rest.substring(Math.min(1, rest.length())));
		return tricks;
	}

	private static String encodeLastSegmentLetter(String path) {
		int last = path.lastIndexOf('/');
		for (int i = last + 1; i < path.length(); i++) {
			if (Character.isLetter(path.charAt(i))) {
				return path.substring(0, i) + "%" + Integer.toHexString(path.charAt(i)) + path.substring(i + 1);
			}
		}
		return path;
	}

	@Test
	void pathTricksAreRefusedOrDecidedExactlyAsThePlainPath() {
		List<String> wrong = new ArrayList<>();
		Set<String> refusedTricks = new TreeSet<>();
		Set<String> decodedTricks = new TreeSet<>();
		for (Endpoint endpoint : dispatchedHttp()) {
			for (Map.Entry<String, String> trick : tricks(endpoint.path()).entrySet()) {
				for (Role role : callers()) {
					Decision expected = declared(endpoint, role);
					Answer answer = send(endpoint.method(), trick.getValue(), role);
					Decision got = answer.decision();
					if (got == Decision.PATH_REJECTED) {
						refusedTricks.add(trick.getKey());
						if (answer.status() != 400) {
							wrong.add(trick.getValue() + " refused with status " + answer.status());
						}
					}
					else if (got != expected) {
						wrong.add(endpoint.method() + " " + trick.getValue() + " (" + trick.getKey() + ") as " + role
								+ ": the plain path is " + expected + ", this got " + answer);
					}
					else {
						decodedTricks.add(trick.getKey());
					}
				}
			}
		}
		assertThat(wrong).isEmpty();
		// what the firewall refuses and what it lets through to be matched decoded, as docs/http-api.md says
		assertThat(refusedTricks).contains("matrix parameter at the end", "matrix parameter in the first segment",
				"double slash", "leading double slash", "encoded slash", "encoded dot segment", "dot segment",
				"dot-dot segment", "encoded percent", "backslash");
		assertThat(decodedTricks).contains("encoded letter", "encoded letter in the last segment");
	}

	@Test
	void theIssuesBypassesAreClosed() {
		// the percent-encoded letter that once answered anonymously, and the matrix parameter that once let an ADMIN
		// issue orders
		assertThat(send("GET", "/%61pi/admin/officers", null)).isEqualTo(new Answer(401, "AUTHENTICATION_REQUIRED"));
		assertThat(send("GET", "/%61pi/admin/officers", Role.DUTY_OFFICER)).isEqualTo(new Answer(403, "ACCESS_DENIED"));
		assertThat(send("DELETE", "/%61pi/admin/subscriptions/" + SAMPLE_ID, null))
			.isEqualTo(new Answer(401, "AUTHENTICATION_REQUIRED"));
		assertThat(send("POST", "/api/orders;x", Role.ADMIN)).isEqualTo(new Answer(400, "PATH_REJECTED"));
		assertThat(send("POST", "/api/incidents;x", Role.ADMIN)).isEqualTo(new Answer(400, "PATH_REJECTED"));
		assertThat(send("POST", "/api/warnings;x", Role.ADMIN)).isEqualTo(new Answer(400, "PATH_REJECTED"));
		assertThat(send("POST", "/api/orders", Role.ADMIN)).isEqualTo(new Answer(403, "ACCESS_DENIED"));
	}

	// ---------------------------------------------------------------- headers

	@Test
	void everyAnswerCarriesTheSecurityHeadersConsolePagesIncluded() throws Exception {
		for (String path : List.of("/console/", "/console/js/main.js", "/console/css/console.css", "/api/auth/jwks",
				"/api/admin/officers", "/actuator/health", "/api/orders;x")) {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.httpPort() + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			var headers = response.headers();
			assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
			if (!path.endsWith(";x")) {
				assertThat(headers.firstValue("Content-Security-Policy")).as(path)
					.hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'", "script-src 'self'",
							"object-src 'none'").doesNotContain("unsafe-inline", "unsafe-eval"));
				assertThat(headers.firstValue("X-Frame-Options")).as(path).contains("DENY");
				assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("no-referrer");
			}
		}
	}

	@Test
	void consoleFilesAreRevalidatedWhileAnswersOfTheApiAreNeverStored() throws Exception {
		for (String path : List.of("/console/js/main.js", "/console/css/console.css",
				"/webjars/echarts/4.1.0/dist/echarts.min.js")) {
			URI uri = URI.create("http://127.0.0.1:" + hub.httpPort() + path);
			HttpResponse<Void> first = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
			assertThat(first.statusCode()).as(path).isEqualTo(200);
			assertThat(first.headers().firstValue("Cache-Control")).as(path)
				.hasValueSatisfying(value -> assertThat(value).contains("no-cache").doesNotContain("no-store"));
			String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
			HttpResponse<Void> again = http.send(HttpRequest.newBuilder(uri).header("If-Modified-Since", lastModified).build(),
					HttpResponse.BodyHandlers.discarding());
			assertThat(again.statusCode()).as(path).isEqualTo(304);
		}
		HttpResponse<Void> api = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.httpPort()
				+ "/api/auth/jwks")).build(), HttpResponse.BodyHandlers.discarding());
		assertThat(api.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
	}

	// ---------------------------------------------------------------- RSocket

	record Route(String route, FrameType interaction) {
	}

	/** The routes of every {@code @MessageMapping} handler, with the interaction Spring dispatches them for. */
	static List<Route> dispatchedRoutes() {
		List<Route> routes = new ArrayList<>();
		for (RSocketMessageHandler handler : hub.context().getBeansOfType(RSocketMessageHandler.class).values()) {
		for (CompositeMessageCondition condition : handler.getHandlerMethods().keySet()) {
			Set<FrameType> frames = condition.getCondition(RSocketFrameTypeMessageCondition.class).getFrameTypes();
			FrameType interaction = frames.contains(FrameType.REQUEST_STREAM) ? FrameType.REQUEST_STREAM
					: frames.contains(FrameType.REQUEST_RESPONSE) ? FrameType.REQUEST_RESPONSE : FrameType.REQUEST_FNF;
			for (String pattern : condition.getCondition(DestinationPatternsMessageCondition.class).getPatterns()) {
				routes.add(new Route(pattern, interaction));
			}
		}
		}
		return routes.stream().distinct().toList();
	}

	@Test
	void everyDispatchedRSocketRouteIsListedAndAnswersEachRoleAsDeclared() {
		List<Route> routes = dispatchedRoutes();
		assertThat(routes).as("the hub's @MessageMapping handlers").hasSizeGreaterThan(10);
		assertThat(routes).allSatisfy(r -> assertThat(AccessPolicy.rolesForRoute(r.route())).as(r.route()).isNotNull());
		List<String> wrong = new ArrayList<>();
		for (Role role : Role.values()) {
			try (HubClient client = HubClient.tcp(hub.cityLinkPort(), tokens.get(role))) {
				List<String> outcomes = Flux.fromIterable(routes)
					.flatMap(route -> outcome(client, route).map(code -> check(role, route, code)))
					.filter(problem -> !problem.isEmpty())
					.collectList()
					.block(Duration.ofSeconds(60));
				wrong.addAll(outcomes);
			}
		}
		assertThat(wrong).isEmpty();
	}

	private static String check(Role role, Route route, String code) {
		Set<Role> roles = AccessPolicy.rolesForRoute(route.route());
		boolean allowed = roles != null && roles.contains(role);
		if (allowed && ACCESS_CODES.contains(code)) {
			return route.route() + " as " + role + ": allowed, but refused with " + code;
		}
		if (!allowed && !code.equals("ACCESS_DENIED")) {
			return route.route() + " as " + role + ": not allowed, but answered " + code;
		}
		return "";
	}

	/** The error code the request was answered with, or "none" when it was served (or still being served). */
	private static Mono<String> outcome(HubClient client, Route route) {
		Mono<?> answer = route.interaction() == FrameType.REQUEST_STREAM
				? client.stream(route.route(), Map.of()).take(1).then(Mono.just("none"))
				: client.request(route.route(), Map.of());
		return answer.thenReturn("none")
			.timeout(Duration.ofSeconds(3))
			.onErrorResume(TimeoutException.class, timeout -> Mono.just("none"))
			.onErrorResume(error -> Mono.just(HubClient.errorBody(error).path("code").asString("unreadable: " + error)));
	}

	@Test
	void aRequestNamingMoreThanOneRouteIsRefusedWhateverTheRoles() {
		List<Route> routes = dispatchedRoutes();
		List<String> wrong = new ArrayList<>();
		for (Role role : Role.values()) {
			try (HubClient client = HubClient.tcp(hub.cityLinkPort(), tokens.get(role))) {
				for (Route route : routes) {
					for (String other : List.of("warnings.approve", "orders.ack")) {
						check(client, role, "entries " + route.route() + ", " + other, () -> routing(List.of(route.route()), List.of(other)), wrong);
						check(client, role, "entries " + other + ", " + route.route(), () -> routing(List.of(other), List.of(route.route())), wrong);
						check(client, role, "tags " + route.route() + ", " + other, () -> routing(List.of(route.route(), other)), wrong);
					}
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	private static void check(HubClient client, Role role, String what, java.util.function.Supplier<Payload> payload,
			List<String> wrong) {
		for (FrameType interaction : List.of(FrameType.REQUEST_RESPONSE, FrameType.REQUEST_STREAM)) {
			Mono<?> answer = interaction == FrameType.REQUEST_RESPONSE ? client.rsocket().requestResponse(payload.get())
					: client.rsocket().requestStream(payload.get()).next();
			String code = answer.then(Mono.just("served"))
				.onErrorResume(error -> Mono.just(HubClient.errorBody(error).path("code").asString("unreadable")))
				.block(Duration.ofSeconds(10));
			if (!"ROUTE_AMBIGUOUS".equals(code)) {
				wrong.add(interaction + " with " + what + " as " + role + ": " + code);
			}
		}
	}

	/** A request whose metadata holds one routing entry per list, each with that list's tags. */
	@SafeVarargs
	private static Payload routing(List<String>... entries) {
		CompositeByteBuf metadata = ByteBufAllocator.DEFAULT.compositeBuffer();
		for (List<String> tags : entries) {
			ByteBuf routing = TaggingMetadataCodec.createTaggingContent(ByteBufAllocator.DEFAULT, tags);
			CompositeMetadataCodec.encodeAndAddMetadata(metadata, ByteBufAllocator.DEFAULT,
					WellKnownMimeType.MESSAGE_RSOCKET_ROUTING, routing);
		}
		return ByteBufPayload.create(Unpooled.wrappedBuffer("{}".getBytes(StandardCharsets.UTF_8)), metadata);
	}

}
